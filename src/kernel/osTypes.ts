import type { Svr5Options, Svr5Action } from './svr5/actions';
import type { Svr5World } from './svr5/model';
import type { WindowsAction, WindowsOptions } from './windows/actions';
import type { WindowsWorld } from './windows/model';

/**
 * The operating systems the kernel simulates, by their types: a leaf (it
 * imports only each OS's world and action types), so that the personality
 * interface, the rules and the checklist can name an OS without importing the
 * registry that imports them (os.ts). Adding an OS: a line here and one in
 * `PERSONALITIES` (os.ts); the compiler then names everything still missing.
 */
export interface OsTypes {
  windows: { world: WindowsWorld; action: WindowsAction; options: WindowsOptions };
  svr5: { world: Svr5World; action: Svr5Action; options: Svr5Options };
}

export type Os = keyof OsTypes;
export type WorldOf<O extends Os> = OsTypes[O]['world'];
export type ActionOf<O extends Os> = OsTypes[O]['action'];
export type OptionsOf<O extends Os> = OsTypes[O]['options'];
