import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ScenarioError } from '../kernel/core';
import { loadFor, useVisualizer, useVisualizerApi } from '../store';
import { selectCursor, selectEntries, selectTitle } from '../store/selectors';
import type { Outcome } from '../actions/types';
import { CommandButton } from '../panels/CommandButton';
import { download, readScenarioFile, type ImportResult } from './files';
import { useImportGestures } from './gestures';
import { ImportProblems } from './ImportProblems';
import type * as MakeLink from './makeLink';

/** The page this visualizer is on, and the embed page beside it. */
const here = () => window.location.href;
const embedPage = () => new URL('embed.html', window.location.href).href;

/**
 * Share, import and export for one visualizer: a link to this step, the
 * embed code, the scenario as a file (in and out), and the graph as PNG or
 * SVG. Dropping or pasting a scenario works without opening the menu.
 */
export function ShareMenu() {
  const v = useVisualizerApi();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<readonly ScenarioError[] | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const linkInput = useRef<HTMLInputElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const panelId = useId();
  // What writes the links (with its compressor) loads the first time the menu opens, not with the page.
  const [writer, setWriter] = useState<typeof MakeLink | null>(null);
  useEffect(() => {
    if (!open || writer) return;
    let live = true;
    import('./makeLink').then(
      (m) => live && setWriter(m),
      (e: unknown) =>
        live &&
        setNote(
          `The link could not be made: what writes it did not load (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`,
        ),
    );
    return () => {
      live = false;
    };
  }, [open, writer]);

  const accept = useCallback(
    (r: ImportResult) => {
      if (!r.ok) {
        setProblems(r.problems);
        return;
      }
      // Its OS's kernel first (src/kernel/os.ts): an SVR5 scenario given to a page on Windows.
      void loadFor({ scenario: r.scenario }).then(() => {
        const out = v.execute('loadScenario', { scenario: r.scenario });
        if (out.ok) setNote(`Opened “${r.scenario.title}”: ${r.scenario.steps.length} steps.`);
        else setProblems([{ path: '', message: out.error }]);
      });
    },
    [v],
  );
  const dragging = useImportGestures(button, accept);

  // The link follows the view while the menu is open (keys still step in time).
  const cursor = useVisualizer(selectCursor);
  const entries = useVisualizer(selectEntries);
  const title = useVisualizer(selectTitle);
  const { link, embed, asks } = useMemo(() => {
    if (!open || !writer) return { link: '', embed: '', asks: false };
    const s = { ...v.getState(), cursor, entries };
    const src = writer.linkTo(embedPage(), s, { theme: 'auto', controls: 'minimal' });
    return {
      link: writer.appLinkTo(here(), s),
      // A lesson's link (or one whose steps ask) opens as a lesson, asking its questions again.
      asks: s.lesson !== null || s.entries.some((e) => e.ask),
      embed: `<iframe src="${src}" title="${title.replace(/"/g, '&quot;')}" style="width:100%;height:480px;border:0" loading="lazy"></iframe>`,
    };
  }, [open, writer, v, cursor, entries, title]);

  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!panel.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  // Anchored at the button's right edge, the panel could reach past the left of a phone's screen
  // (the button wraps to the left at 320-390 px): moved right until it is whole on screen.
  const [shift, setShift] = useState(0);
  useLayoutEffect(() => {
    if (!open || !panel.current) return setShift(0);
    const left = panel.current.getBoundingClientRect().left - shift;
    setShift(left < 8 ? 8 - left : 0);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- measured once per opening
  }, [open]);

  const copy = async (text: string, what: string, field?: HTMLInputElement | HTMLTextAreaElement | null) => {
    try {
      await navigator.clipboard.writeText(text);
      setNote(`${what} copied.`);
    } catch {
      field?.select();
      setNote(`${what} selected: press Ctrl+C (⌘C) to copy it.`);
    }
  };

  // What the share commands answer (src/share/commands.ts), done here: the clipboard, a download, the drawn graph.
  const carryOut = async (out: Outcome) => {
    if (!out.ok) return setNote(out.error);
    const e = out.effect;
    if (e?.type === 'copyLink') return copy(link, 'Link', linkInput.current);
    if (e?.type === 'download') {
      download(e.name, new Blob([e.text], { type: e.mime }));
      return setNote(e.done);
    }
    if (e?.type !== 'image') return;
    const flow = button.current?.closest('.visualizer')?.querySelector<HTMLElement>('.react-flow');
    if (!flow) return setNote('The graph is not on screen, so there is nothing to draw.');
    try {
      // The image maker loads the first time someone asks for an image.
      const { graphToSvg, svgToPng } = await import('./image');
      const svg = graphToSvg(flow, { title: e.title, detail: e.detail });
      const blob = e.kind === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await svgToPng(svg);
      download(e.name, blob);
      setNote(`${e.kind.toUpperCase()} saved.`);
    } catch (err) {
      setNote(`The image could not be made: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const effects = (out: Outcome) => void carryOut(out);

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        className={`btn ${open ? 'btn-primary' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        ⇪ Share
      </button>
      {open ? (
        <div
          ref={panel}
          id={panelId}
          role="group"
          aria-label="Share, import and export"
          style={shift ? { transform: `translateX(${shift}px)` } : undefined}
          className="panel absolute right-0 top-full z-40 mt-1 flex w-[min(22rem,calc(100vw-1rem))] flex-col gap-3 p-3 text-sm shadow-lg"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setOpen(false);
            button.current?.focus();
          }}
        >
          <div className="flex flex-col gap-1">
            <label htmlFor={`${panelId}-link`} className="font-semibold">
              Link to this step
            </label>
            <div className="flex gap-1">
              <input
                id={`${panelId}-link`}
                ref={linkInput}
                readOnly
                value={link}
                className="btn min-w-0 flex-1 font-mono text-xs"
                onFocus={(e) => e.currentTarget.select()}
              />
              <CommandButton
                id="copyLink"
                unless={link ? null : 'the link is being made'}
                onOutcome={effects}
              />
            </div>
            {asks ? (
              <p className="muted text-xs" data-testid="link-keeps-lesson">
                Opens the lesson at this step; its questions are asked again.
              </p>
            ) : null}
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${panelId}-embed`} className="font-semibold">
              Embed this step in a page
            </label>
            <textarea
              id={`${panelId}-embed`}
              readOnly
              rows={3}
              value={embed}
              className="btn font-mono text-xs"
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <div className="flex flex-wrap gap-1" role="group" aria-label="Scenario file">
            <button type="button" className="btn" onClick={() => file.current?.click()}>
              Import scenario…
            </button>
            <CommandButton id="exportJson" onOutcome={effects} />
          </div>
          <div className="flex flex-wrap gap-1" role="group" aria-label="Image of the graph">
            <CommandButton id="exportImage" args={{ kind: 'png' }} hint="Export PNG" onOutcome={effects}>
              Export PNG
            </CommandButton>
            <CommandButton id="exportImage" args={{ kind: 'svg' }} hint="Export SVG" onOutcome={effects}>
              Export SVG
            </CommandButton>
          </div>
          <p className="muted text-xs">
            You can also drop a scenario file on the page, or paste one (or a link).
          </p>
        </div>
      ) : null}
      <input
        ref={file}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        tabIndex={-1}
        aria-label="Scenario file to import"
        data-testid="import-file"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) void readScenarioFile(f).then(accept);
        }}
      />
      <p className="sr-only" role="status" aria-live="polite" data-testid="share-note">
        {note}
      </p>
      {dragging ? (
        <div className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-black/40">
          <p className="panel p-4 text-base font-semibold">Drop a scenario file to open it</p>
        </div>
      ) : null}
      {problems ? <ImportProblems problems={problems} onClose={() => setProblems(null)} /> : null}
    </div>
  );
}
