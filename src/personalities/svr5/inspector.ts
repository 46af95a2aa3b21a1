import { holdCount, isDdi8, unloadDelayOf, type Module, type Svr5World } from '../../kernel/core';
import {
  NONE,
  consequence,
  link,
  links,
  row,
  yesNo,
  type Inspection,
  type InspectorRow,
  type Part,
} from '../../panels/inspector/parts';

/** SVR5 modules, device instances and channels by their DDI and modadmin terms. Only reads the world. */

/** How a module came to be loaded; a static module's "linked into the kernel" is held back (it answers "can it go?"). */
const LOADED_BY: Record<NonNullable<Module['loadedBy']>, readonly Part[]> = {
  demand: ['demand (modadmin -l)'],
  auto: ['autoload (first open)'],
  dependency: ['dependency of another module'],
  static: ['static', consequence(': linked into the kernel at boot')],
};

/** "8mp — DDI 8, D_MP (multiprocessor-safe)". */
function ddiText(ddi: string): string {
  const mp = ddi.endsWith('mp');
  const n = mp ? ddi.slice(0, -2) : ddi;
  return mp ? `${ddi}: DDI ${n}, D_MP (multiprocessor-safe)` : `${ddi}: DDI ${n}`;
}

const result = (r: string | null) => (r === null ? '(not called)' : r);

function idleText(w: Svr5World, m: Module): string {
  if (!m.loaded) return '(not loaded)';
  const delay = unloadDelayOf(m, w.options);
  const tunable = !isDdi8(m.ddi) && m.unloadDelay !== null ? 'PREFIX_UNLOAD_DELAY' : 'DEF_UNLOAD_DELAY';
  if (m.idleSince === null) return `active (delay ${delay} s, ${tunable})`;
  return `${w.clock - m.idleSince} s of ${delay} s (${tunable})`;
}

function moduleRows(w: Svr5World, m: Module): InspectorRow[] {
  const opens = m.openChannels.size;
  const instances: Part[] = [];
  m.devices.forEach((name, i) => {
    if (i > 0) instances.push(', ');
    instances.push(link('device', name));
    if (w.devices.get(name)?.removed) instances.push(' (removed)');
  });
  const rows: InspectorRow[] = [
    row('Module', m.name),
    row('DDI version', ddiText(m.ddi), 'devflag(D1): "mp" means D_MP'),
    row('Loaded', m.loaded ? ['yes, by ', ...(m.loadedBy ? LOADED_BY[m.loadedBy] : ['?'])] : 'no'),
    row('_load', isDdi8(m.ddi) ? 'required (DDI 8)' : 'optional before DDI 8'),
    row('_load returns', m.loadReturns, 'What the configured _load returns (0 or an errno)'),
    row('Last _load result', result(m.lastLoadResult)),
    row('_unload', m.hasUnload ? 'present' : [NONE, consequence(': never unloaded')]),
    row(
      '_unload returns',
      m.unloadReturns,
      'What the configured _unload returns; non-zero keeps the module loaded',
    ),
    row('Last _unload result', result(m.lastUnloadResult)),
    row(
      'Hold count',
      `${holdCount(m)} (${opens} open channel${opens === 1 ? '' : 's'}, ${m.dependents.size} dependent${m.dependents.size === 1 ? '' : 's'})`,
      'Open channels plus loaded modules that depend on it',
    ),
    row('Idle', idleText(w, m), 'Time since the last close, against the unload delay the daemon applies'),
    row(
      'Auto-unload candidate',
      yesNo(w.autoCandidates.has(m.name), 'yes', m.loadedBy === 'demand' ? 'no (demand-loaded)' : 'no'),
    ),
    ...(m.streams
      ? [
          row(
            'Pushed on',
            m.pushedOn.size > 0 ? links('channel', m.pushedOn) : NONE,
            'STREAMS: each stream it is pushed on (I_PUSH) holds it until I_POP',
          ),
        ]
      : []),
    row('Depends on', links('module', m.dependsOn)),
    row('Dependents', links('module', m.dependents), 'Loaded modules that depend on this one'),
    row('Instances', instances.length > 0 ? instances : NONE),
    row('HBA driver', m.hba ? ['yes', consequence(': never unloaded')] : 'no'),
    ...(m.mdi
      ? [
          row(
            'MDI driver',
            ['yes', consequence(': tells the dlpi module on CFG_SUSPEND / CFG_RESUME')],
            'mdi_hw_suspended(D3mdi), mdi_hw_resumed(D3mdi)',
          ),
        ]
      : []),
    row(
      'Loadable',
      m.isStatic ? ['no', consequence(': a static module, linked into the kernel')] : 'yes (DLKM)',
      'A static module is never loaded or unloaded: modadmin -U answers EINVAL',
    ),
    row('D_HOT', m.hot ? ['yes', consequence(': instances can be hot-removed')] : 'no'),
  ];
  if (m.unloading)
    rows.push(
      row(
        'In transition',
        [
          `_unload running (${m.unloading.by}) since t=${m.unloading.since} s`,
          consequence(`, returns at t=${m.unloading.until} s`),
        ],
        'A module being unloaded is busy: modadmin -U gets EBUSY, an open waits',
      ),
    );
  if (m.drainSeconds > 0)
    rows.push(
      row('I/O drains for', `${m.drainSeconds} s after the last close`, '_unload answers EBUSY until then'),
    );
  if (m.unloadSleeps > 0) rows.push(row('_unload sleeps', `${m.unloadSleeps} s (blockable context)`));
  if (m.failsAfterDetach)
    rows.push(
      row('_unload refuses', ['after drv_detach', consequence(': its instances are gone (a driver bug)')]),
    );
  if (m.copyoutInUnload)
    rows.push(
      row('copyout in _unload', ['yes', consequence(': illegal in blockable context (a driver bug)')]),
    );
  rows.push(row('Generation', String(m.generation), 'How many times it has been loaded'));
  return rows;
}

/** The SVR5 object `kind`/`name`, or null if it does not exist at this step. */
export function inspectSvr5(w: Svr5World, kind: string, name: string): Inspection | null {
  switch (kind) {
    case 'module': {
      const m = w.modules.get(name);
      return m ? { kind: 'module', name, command: null, rows: moduleRows(w, m) } : null;
    }
    case 'device': {
      const d = w.devices.get(name);
      if (!d) return null;
      return {
        kind: 'device instance',
        name,
        command: null,
        rows: [
          row('Instance', name),
          row('Module', link('module', d.module)),
          row(
            'State',
            d.removed
              ? 'removed (config CFG_REMOVE, hot removal)'
              : d.suspended
                ? ['suspended (config CFG_SUSPEND)', consequence(': no I/O until CFG_RESUME')]
                : 'configured',
          ),
          row('Open channels', links('channel', d.channels)),
          row(
            'Hardware parameters',
            d.modified
              ? [
                  `changed by CFG_MODIFY (${d.modified} time${d.modified === 1 ? '' : 's'})`,
                  consequence(': a new resource manager key'),
                ]
              : 'as configured (its first resource manager key)',
            'config(D2) CFG_MODIFY: the driver reads the new key and never the old one',
          ),
          row(
            'Last CFG_VERIFY',
            d.lastVerify === undefined ? '(never asked)' : d.lastVerify,
            'config(D2) CFG_VERIFY: 0, or the errno the driver gives for hardware it cannot manage',
          ),
        ],
      };
    }
    case 'channel': {
      const c = w.channels.get(name);
      if (!c) return null;
      const mod = w.devices.get(c.device)?.module;
      return {
        kind: 'channel',
        name,
        command: null,
        rows: [
          row('Channel', name),
          row('Device', link('device', c.device)),
          row('Module', mod ? link('module', mod) : NONE),
          row(
            'Pushed modules',
            links('module', c.pushed ?? []),
            'STREAMS modules on this stream, bottom first',
          ),
        ],
      };
    }
    default:
      return null;
  }
}
