import { useState } from 'react';
import { kernelActionsFor, type KernelActionDef } from '../actions/registry';
import { useVisualizer } from '../store';
import { selectOs, selectWorld } from '../store/selectors';
import { ActionForm } from './ActionForm';
import { useLandmarkName } from '../ui/landmarkName';

function groups(defs: readonly KernelActionDef[]): [string, KernelActionDef[]][] {
  const out = new Map<string, KernelActionDef[]>();
  for (const d of defs) out.set(d.group, [...(out.get(d.group) ?? []), d]);
  return [...out];
}

/** Every action of the scenario format for this OS, grouped; each opens a form. */
export function ActionPalette() {
  const landmark = useLandmarkName('Actions');
  const os = useVisualizer(selectOs);
  const world = useVisualizer(selectWorld);
  const [open, setOpen] = useState<string | null>(null);
  const defs = kernelActionsFor(os);
  const current = defs.find((d) => d.id === open);
  return (
    <section aria-label={landmark} className="panel flex flex-col gap-2 p-3">
      <h2 className="text-sm font-semibold">Actions</h2>
      {groups(defs).map(([group, list]) => (
        <div key={group}>
          <h3 className="text-[11px] font-semibold uppercase muted">{group}</h3>
          <div className="mt-1 flex flex-wrap gap-1">
            {list.map((d) => (
              <button
                key={d.id}
                className={`btn text-xs ${open === d.id ? 'btn-primary' : ''}`}
                aria-expanded={open === d.id}
                onClick={() => setOpen(open === d.id ? null : d.id)}
                title={d.help}
              >
                {d.label}
              </button>
            ))}
          </div>
        </div>
      ))}
      {current ? (
        <div className="border-t pt-2" style={{ borderColor: 'var(--line)' }}>
          <ActionForm key={`${os}:${current.id}`} def={current} world={world} subject={null} />
        </div>
      ) : null}
    </section>
  );
}
