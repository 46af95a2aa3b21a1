import {
  SVR5_ACTION_NAMES,
  WINDOWS_ACTION_NAMES,
  type Action,
  type Svr5Action,
  type Svr5Options,
  type WindowsAction,
  type WindowsOptions,
} from './scenario/actions';
import type { Svr5World } from './svr5/model';
import { createSvr5World, svr5Step } from './svr5/step';
import type { StepResult } from './types';
import type { WindowsWorld } from './windows/model';
import { createWindowsWorld, windowsStep } from './windows/step';

export type World = WindowsWorld | Svr5World;
export type Os = World['os'];

export type OsOptions<O extends Os> = O extends 'windows' ? WindowsOptions : Svr5Options;

/** An empty world for one OS: nothing loaded, clock at 0. */
export function createWorld(os: 'windows', options?: Partial<WindowsOptions>): WindowsWorld;
export function createWorld(os: 'svr5', options?: Partial<Svr5Options>): Svr5World;
export function createWorld(os: Os, options?: Partial<WindowsOptions & Svr5Options>): World;
export function createWorld(os: Os, options: Partial<WindowsOptions & Svr5Options> = {}): World {
  return os === 'windows' ? createWindowsWorld(options) : createSvr5World(options);
}

const WINDOWS = new Set<string>(WINDOWS_ACTION_NAMES);
const SVR5 = new Set<string>(SVR5_ACTION_NAMES);

/**
 * The kernel's one door: (world, action) → { world, status, events }.
 * Pure: the given world is never changed; the result shares what did not change.
 * An action of the other OS is a programming error and throws; scenario input
 * is validated by `parseScenario` before it gets here.
 */
export function step(world: WindowsWorld, action: WindowsAction): StepResult<WindowsWorld>;
export function step(world: Svr5World, action: Svr5Action): StepResult<Svr5World>;
export function step(world: World, action: Action): StepResult<World>;
export function step(world: World, action: Action): StepResult<World> {
  if (world.os === 'windows') {
    if (!WINDOWS.has(action.do)) throw new TypeError(`"${action.do}" is not a Windows action`);
    return windowsStep(world, action as WindowsAction);
  }
  if (!SVR5.has(action.do)) throw new TypeError(`"${action.do}" is not an SVR5 action`);
  return svr5Step(world, action as Svr5Action);
}
