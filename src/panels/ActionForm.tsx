import { useId, useMemo, useState } from 'react';
import { availability, defaultArgs } from '../actions/args';
import { executeAction } from '../actions/registry';
import type { ActionArgs, FieldSpec, KernelActionDef } from '../actions/types';
import type { ObjectRef, World } from '../kernel';
import { namesOf } from '../actions/names';
import { useApp } from '../store';
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
  const label = (
    <label htmlFor={id} className="text-xs muted">
      {f.label}
      {f.optional ? ' (optional)' : ''}
    </label>
  );
  const k = f.kind;
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
        {f.label}
      </label>
    );
  } else if (k.type === 'enum' || k.type === 'ref') {
    const options = k.type === 'enum' ? k.options : (k.candidates?.(world, null) ?? namesOf(world, k.of));
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
        step={k.step ?? 1}
        value={typeof value === 'number' || typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    );
  } else {
    input = (
      <input
        id={id}
        className="btn w-full font-mono"
        placeholder={k.type === 'text' ? k.placeholder : undefined}
        value={typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : ''}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className="flex flex-col gap-0.5">
      {label}
      {input}
      {f.help ? <span className="text-[11px] muted">{f.help}</span> : null}
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
  const avail = useMemo(() => availability(def, world, args), [def, world, args]);
  const [message, setMessage] = useState<string | null>(null);
  const run = () => {
    const r = executeAction(def.id, args, 'palette');
    setMessage(r.ok ? null : r.error);
    if (r.ok) {
      setArgs(defaultArgs(def, selectWorld(useApp.getState()), subject));
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
      {def.fields.map((f) => (
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
