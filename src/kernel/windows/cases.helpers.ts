import type { EventType, KernelEvent } from '../events';
import { kernel, type RunStep } from '../testing';
import type { WindowsAction, WindowsOptions } from './actions';
import type { WindowsWorld } from './model';

/**
 * Shared helpers for the walkthrough-case tests (cases-legacy.test.ts,
 * cases-pnp.test.ts): the cases of shared/domain/windows.md §6, played
 * through the pure step API.
 */

export type Step = RunStep<'windows'>;

/** Plays `setup` (each step must succeed), then `actions`; returns the steps of `actions` and the final world. */
export function play(
  setup: readonly WindowsAction[],
  actions: readonly WindowsAction[],
  options: Partial<WindowsOptions> = {},
): { steps: Step[]; world: WindowsWorld } {
  return kernel('windows', options)
    .setup(...setup)
    .do(...actions);
}

export function step(steps: Step[], i: number): Step {
  const s = steps[i];
  if (!s) throw new Error(`no step ${i}`);
  return s;
}

export const types = (s: Step): EventType[] => s.events.map((e) => e.type);
export const of = (s: Step, type: EventType): KernelEvent[] => s.events.filter((e) => e.type === type);
export const driversOf = (s: Step, type: EventType): (string | undefined)[] =>
  of(s, type).map((e) => e.driver);
export const devicesOf = (s: Step, type: EventType): (string | undefined)[] =>
  of(s, type).map((e) => e.device);
/** The devices a PnP IRP of this minor visited, in the order it visited them. */
export const pnp = (s: Step, minor: string): (string | undefined)[] =>
  of(s, 'pnpIrp')
    .filter((e) => e.minor === minor)
    .map((e) => e.device);
export const indexOf = (s: Step, pred: (e: KernelEvent) => boolean): number => s.events.findIndex(pred);

export const QUERY = 'IRP_MN_QUERY_REMOVE_DEVICE';
export const REMOVE = 'IRP_MN_REMOVE_DEVICE';
export const CANCEL = 'IRP_MN_CANCEL_REMOVE_DEVICE';
export const SURPRISE = 'IRP_MN_SURPRISE_REMOVAL';

/** A legacy driver whose DriverEntry creates a control device (and its symbolic link). */
export const legacy = (
  driver: string,
  controlDevice: string,
  extra: Partial<WindowsAction> = {},
): WindowsAction => ({ do: 'loadDriver', driver, model: 'legacy', controlDevice, ...extra }) as WindowsAction;

/**
 * A PnP stack: the bus driver PciBus owns its own bus FDO (PciRoot) and the
 * child PDO Pdo1; the function driver Widget puts WidgetFdo on Pdo1; with
 * `filter`, the upper filter Filt puts FiltDo on top.
 */
export function pnpStack(opts: { filter?: boolean; widget?: Partial<WindowsAction> } = {}): WindowsAction[] {
  return [
    { do: 'loadDriver', driver: 'PciBus', model: 'pnp' },
    { do: 'createDevice', driver: 'PciBus', device: 'PciRoot', role: 'fdo' },
    { do: 'createDevice', driver: 'PciBus', device: 'Pdo1', role: 'pdo' },
    { do: 'loadDriver', driver: 'Widget', model: 'pnp', ...opts.widget } as WindowsAction,
    { do: 'createDevice', driver: 'Widget', device: 'WidgetFdo', role: 'fdo', attachTo: 'Pdo1' },
    ...(opts.filter
      ? ([
          { do: 'loadDriver', driver: 'Filt', model: 'pnp' },
          { do: 'createDevice', driver: 'Filt', device: 'FiltDo', role: 'filter', attachTo: 'WidgetFdo' },
        ] satisfies WindowsAction[])
      : []),
  ];
}

/** The stack of pnpStack() plus a driver Watcher holding handle `w` on WidgetFdo, registered for target-device change. */
export function watched(
  registration: Partial<Extract<WindowsAction, { do: 'registerNotification' }>> = {},
): WindowsAction[] {
  return [
    ...pnpStack(),
    { do: 'loadDriver', driver: 'Watcher' },
    { do: 'openHandle', device: 'WidgetFdo', handle: 'w' },
    {
      do: 'registerNotification',
      driver: 'Watcher',
      registration: 'r',
      category: 'targetDeviceChange',
      handle: 'w',
      ...registration,
    },
  ];
}
