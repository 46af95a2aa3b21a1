import { useId, useMemo, useState } from 'react';
import { availability, candidatesFor, defaultArgs, toAction, type ActionArgs } from '../actions/args';
import { fieldsOf, type FieldSpec } from '../actions/fields';
import type { KernelActionDef } from '../actions/registry';
import type { ObjectRef, World } from '../kernel/core';
import { shownAvailability } from '../actions/offers';
import { selectHeldBack } from '../lessons/selectors';
import { useVisualizer, useVisualizerApi } from '../store';
import { selectWorld } from '../store/selectors';

function FieldInput({
  f,
  value,
  onChange,
  world,
}: {
  f: FieldSpec;
  value: unknown;
  onChange: (v: unknown) => void;
  world: World;
}) {
  const id = useId();
  const k = f.kind;
  // Worked out once per world, not on every keystroke in another field (a world may hold thousands of names).
  const options = useMemo(
    () => (k.type === 'enum' ? k.options : k.type === 'ref' ? candidatesFor(f, world, null) : []),
    [k, f, world],
  );
  const label = (
    <label htmlFor={id} className="text-xs muted">
      {f.ui.label}
      {f.optional ? ' (optional)' : ''}
    </label>
  );
  let input;
  if (k.type === 'bool') {
    return (
      <label className="flex items-center gap-2 text-sm">
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
        {f.ui.label}
      </label>
    );
  } else if (k.type === 'enum' || k.type === 'ref') {
    input = (
      <select
        id={id}
        className="btn w-full"
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        {f.optional || options.length === 0 ? (
          <option value="">{options.length === 0 ? '— none yet —' : '—'}</option>
        ) : null}
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else if (k.type === 'number') {
    input = (
      <input
        id={id}
        type="number"
        className="btn w-full"
        min={k.min}
        max={k.max}
        step={1}
        value={typeof value === 'number' || typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    );
  } else {
    input = (
      <input
        id={id}
        className="btn w-full font-mono"
        placeholder={f.ui.placeholder}
        value={typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : ''}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className="flex flex-col gap-0.5">
      {label}
      {input}
      {f.ui.help ? <span className="text-[11px] muted">{f.ui.help}</span> : null}
    </div>
  );
}

/** A form for one kernel action; its Run button asks the kernel whether it would go through. */
export function ActionForm({
  def,
  world,
  subject,
  onDone,
}: {
  def: KernelActionDef;
  world: World;
  subject: ObjectRef | null;
  onDone?: () => void;
}) {
  const [args, setArgs] = useState<ActionArgs>(() => defaultArgs(def, world, subject));
  // While a lesson holds back what is about to happen, a kernel refusal is not told before it is acted.
  const heldBack = useVisualizer(selectHeldBack);
  const avail = useMemo(
    () => shownAvailability(availability(def, world, args), heldBack),
    [def, world, args, heldBack],
  );
  const [message, setMessage] = useState<string | null>(null);
  const v = useVisualizerApi();
  const fields = useMemo(() => fieldsOf(def.os, def), [def]);
  const run = () => {
    const { do: id, ...action } = toAction(def, args);
    const r = v.run(id, action, 'palette');
    setMessage(r.ok ? null : r.error);
    if (r.ok) {
      setArgs(defaultArgs(def, selectWorld(v.getState()), subject));
      onDone?.();
    }
  };
  return (
    <form
      // The kernel and the scenario schema judge the values and say why; the browser's own checks would refuse silently.
      noValidate
      className="flex flex-col gap-2"
      aria-label={def.label}
      onSubmit={(e) => {
        e.preventDefault();
        run();
      }}
    >
      <p className="text-xs muted">{def.help}</p>
      {fields.map((f) => (
        <FieldInput
          key={f.name}
          f={f}
          world={world}
          value={args[f.name]}
          onChange={(v) => setArgs((a) => ({ ...a, [f.name]: v }))}
        />
      ))}
      <button type="submit" className="btn btn-primary" disabled={!avail.enabled}>
        Run: {def.label}
      </button>
      {!avail.enabled ? (
        <p className="text-xs" style={{ color: 'var(--pending)' }} role="status">
          {avail.reason}
        </p>
      ) : null}
      {message ? (
        <p className="text-xs" style={{ color: 'var(--danger)' }} role="alert">
          {message}
        </p>
      ) : null}
    </form>
  );
}
