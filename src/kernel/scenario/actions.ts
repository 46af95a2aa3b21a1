import type { Svr5Action } from '../svr5/actions';
import type { WindowsAction } from '../windows/actions';

/**
 * The actions of the scenario format. Each OS declares its own in its folder
 * (`windows/actions.ts`, `svr5/actions.ts`); this module gathers them for the
 * code that serves every OS.
 */
export * from '../windows/actions';
export * from '../svr5/actions';

export type Action = WindowsAction | Svr5Action;
