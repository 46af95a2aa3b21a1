import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Outcome } from '../actions/types';
import { CONTROLS, QUESTIONS, type Controls, type Questions } from '../embed/params';
import { THEMES, type StateReport, type ThemeChoice } from '../embed/protocol';
import { runHostRequest } from '../embed/hostRequests';
import { stateReport } from '../embed/report';
import { createVisualizer, type Visualizer } from '../store';
import type { ActionId } from '../store/create';
import { adoptStyles, ROOT_CLASS } from './styles';
import type { ActionArgs } from './types';
import { VisualizerContent, type UnloadVisualizerProps } from './UnloadVisualizer';

const ATTRIBUTES = [
  'scenario',
  'step',
  'theme',
  'controls',
  'questions',
  'speed',
  'autoplay',
  'label',
] as const;

/** The events an `<unload-visualizer>` fires, beside every element's. */
export interface UnloadVisualizerEventMap extends Omit<HTMLElementEventMap, 'error'> {
  /** After every change (the reader's included): the step, steps, status and checklist. */
  statechange: CustomEvent<StateReport>;
  /** An attribute it cannot use, a scenario or step it cannot show, a part it cannot draw. */
  error: CustomEvent<{ message: string }>;
}

type Props = Omit<UnloadVisualizerProps, 'className' | 'onStateChange' | 'onError' | 'visualizer'>;

/** Reads the attributes into props; each one that cannot be used is a problem in words (and is left out). */
function readAttributes(el: HTMLElement): { props: Props; problems: string[] } {
  const problems: string[] = [];
  const props: { -readonly [K in keyof Props]: Props[K] } = {};
  const attr = (name: string) => el.getAttribute(name);
  const scenario = attr('scenario');
  if (scenario !== null) props.scenario = scenario;
  const step = attr('step');
  if (step !== null) {
    if (/^\s*\d{1,9}\s*$/.test(step)) props.defaultStep = Number(step);
    else
      problems.push(
        `step="${step}": expected a whole number (0 is before the first step); showing the latest`,
      );
  }
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: string): T | undefined => {
    const value = attr(name);
    if (value === null) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(
      `${name}="${value}": expected ${allowed.map((a) => `"${a}"`).join(', ')}; using "${fallback}"`,
    );
    return undefined;
  };
  props.theme = oneOf<ThemeChoice>('theme', THEMES, 'auto');
  props.controls = oneOf<Controls>('controls', CONTROLS, 'minimal');
  props.questions = oneOf<Questions>('questions', QUESTIONS, 'frame');
  const speed = attr('speed');
  if (speed !== null) {
    const n = Number(speed);
    if (speed.trim() !== '' && n >= 0.25 && n <= 8) props.speed = n;
    else problems.push(`speed="${speed}": expected a number from 0.25 to 8; using 1`);
  }
  const autoplay = attr('autoplay');
  props.autoplay = autoplay !== null && autoplay !== 'false';
  const label = attr('label');
  if (label !== null) props.label = label;
  return { props, problems };
}

/**
 * `<unload-visualizer scenario="windows-default" step="4" theme="auto" controls="minimal">`:
 * one visualizer for pages that are not React. Each element is the host of
 * its own open shadow root (`el.shadowRoot`), where the page's styles do
 * not reach, and has its own store; attributes can change at any time. It
 * fires `statechange` (detail: the step, steps, status and checklist) after
 * every change and `error` (detail: { message }) for an attribute it cannot
 * use or a scenario or step it cannot show (also said in the console); and it
 * can be driven from script:
 *
 *   el.goto(3); el.step(-1); el.play(); el.pause(); el.run('closeHandle', { handle: 'h1' });
 */
export class UnloadVisualizerElement extends HTMLElement {
  static readonly observedAttributes = ATTRIBUTES;

  /** This element's visualizer: its store and its door. */
  readonly visualizer: Visualizer = createVisualizer();
  #root: Root | null = null;
  #said = new Set<string>();

  connectedCallback(): void {
    if (!this.#root) {
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      adoptStyles(shadow);
      const mount = document.createElement('div');
      mount.className = ROOT_CLASS;
      shadow.replaceChildren(mount);
      this.#root = createRoot(mount);
    }
    this.#render();
  }

  disconnectedCallback(): void {
    // Unmounted after the current task, so moving the element in the page does not rebuild it.
    queueMicrotask(() => {
      if (this.isConnected || !this.#root) return;
      this.#root.unmount();
      this.#root = null;
    });
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!this.#root) return;
    // A new step attribute is a request to go there, even with the same value after the reader moved.
    if (name === 'step' && value !== null && /^\s*\d{1,9}\s*$/.test(value)) this.goto(Number(value));
    if (name !== 'step' || old === value || value === null) this.#render();
    else this.#report(readAttributes(this).problems);
  }

  // Typed events: `statechange` and `error` carry their details.
  override addEventListener<K extends keyof UnloadVisualizerEventMap>(
    type: K,
    listener: (this: UnloadVisualizerElement, ev: UnloadVisualizerEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener, options);
  }

  override removeEventListener<K extends keyof UnloadVisualizerEventMap>(
    type: K,
    listener: (this: UnloadVisualizerElement, ev: UnloadVisualizerEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void {
    super.removeEventListener(type, listener, options);
  }

  /** Where it stands now (what `statechange` reports). */
  get state(): StateReport {
    return stateReport(this.visualizer.getState());
  }

  /** Any command or kernel action, through the visualizer's door (as a host message's `dispatch`). */
  run<K extends ActionId>(id: K, ...args: ActionArgs<K>): Outcome {
    return this.visualizer.run(String(id), args[0], 'embed');
  }

  goto(step: number): Outcome {
    return runHostRequest(this.visualizer, 'goto', { step });
  }

  step(delta = 1): Outcome {
    return runHostRequest(this.visualizer, 'step', { delta });
  }

  play(): Outcome {
    return runHostRequest(this.visualizer, 'play');
  }

  pause(): Outcome {
    return runHostRequest(this.visualizer, 'pause');
  }

  #error(message: string): void {
    console.warn(`<${this.localName}${this.id ? `#${this.id}` : ''}>: ${message}`);
    this.dispatchEvent(new CustomEvent('error', { detail: { message } }));
  }

  /** Each attribute problem said once (not again at every render while it stands). */
  #report(problems: readonly string[]): void {
    for (const p of problems) if (!this.#said.has(p)) this.#error(p);
    this.#said = new Set(problems);
  }

  #render(): void {
    const { props, problems } = readAttributes(this);
    // Said after the current task: a page's own script, just after the element's, hears them.
    setTimeout(() => this.#report(problems));
    this.#root?.render(
      <StrictMode>
        <VisualizerContent
          {...props}
          visualizer={this.visualizer}
          // Without a scenario attribute, the default scenario (the element's visualizer starts empty).
          scenario={props.scenario ?? 'windows-default'}
          onStateChange={(detail) => this.dispatchEvent(new CustomEvent('statechange', { detail }))}
          onError={(message) => this.#error(message)}
        />
      </StrictMode>,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unload-visualizer': UnloadVisualizerElement;
  }
}

/** Defines `<unload-visualizer>` (or another name) once; safe to call again. */
export function defineUnloadVisualizer(name = 'unload-visualizer'): void {
  if (!customElements.get(name)) customElements.define(name, class extends UnloadVisualizerElement {});
}
