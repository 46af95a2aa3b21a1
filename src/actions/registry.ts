import type { Os } from '../kernel/core';
import { APP_PERSONALITIES } from '../personalities';
import { COMMANDS } from './commands';
import type { ActionDef, CommandDef, KernelActionDef } from './types';

export type { ActionDef, KernelActionDef } from './types';

/**
 * Every command every visualizer has, declared once (commands.ts). A feature a page may not need (the
 * debugger reader) brings its commands to the visualizers it runs in (`createVisualizer({ commands })`),
 * so an embed does not load it.
 */
export const COMMAND_DEFS: readonly CommandDef<unknown>[] = COMMANDS;

/** Every kernel action of every OS, as the UI offers it. */
export const KERNEL_ACTIONS: readonly KernelActionDef[] = Object.values(APP_PERSONALITIES).flatMap((p) =>
  p.actions.map((a): KernelActionDef => ({ ...a, kind: 'kernel', os: p.os })),
);

/** The kernel actions of one OS, in the palette's order. */
export function kernelActionsFor(os: Os): readonly KernelActionDef[] {
  return KERNEL_ACTIONS.filter((a) => a.os === os);
}

/** The action `id` means on this OS: an app command, or one of the OS's kernel actions. */
export function findAction(
  id: string,
  os: Os,
  extra: readonly CommandDef<unknown>[] = [],
): ActionDef | undefined {
  return (
    COMMAND_DEFS.find((c) => c.id === id) ??
    extra.find((c) => c.id === id) ??
    KERNEL_ACTIONS.find((a) => a.os === os && a.id === id)
  );
}

/** An OS whose kernel action `id` is (to say "this is an SVR5 action"). */
export function osOfAction(id: string): Os | undefined {
  return KERNEL_ACTIONS.find((a) => a.id === id)?.os;
}
