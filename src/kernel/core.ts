/**
 * The simulated kernel without its debugger reader: what the app, the embed
 * and the lessons import, so a page that never reads a WinDbg paste does not
 * download the reader (src/kernel/index.ts adds it: the public face).
 *
 * Pure TypeScript — no React, no DOM, no clock, no randomness.
 */
export { parseScenario, type ParseResult, type ScenarioError } from './scenario/parse';
export { LIMITS } from './scenario/limits';
export { show as showValue } from './scenario/fields';
export {
  runScenario,
  checkExpect,
  actionOf,
  initialWorld,
  type ScenarioRun,
  type StepRecord,
} from './scenario/run';
export {
  FORMATS,
  ASK_SCHEMA,
  type Scenario,
  type ScenarioStep,
  type WindowsScenario,
  type Svr5Scenario,
  type ScenarioOf,
  type Ask,
  type Expect,
  type StepExtras,
} from './scenario/schema';
export {
  WINDOWS_ACTION_NAMES,
  SVR5_ACTION_NAMES,
  IRP_MAJORS,
  PNP_MINORS,
  DEVICE_ROLES,
  DDI_VERSIONS,
  ERRNOS,
  DEFAULT_WINDOWS_OPTIONS,
  DEFAULT_SVR5_OPTIONS,
  type Action,
  type WindowsAction,
  type Svr5Action,
  type WindowsOptions,
  type Svr5Options,
} from './scenario/actions';
export { createWorld, step, type World, type Os } from './world';
export {
  PERSONALITIES,
  OSES,
  DEFAULT_OS,
  isOs,
  isSuccess,
  kernelOf,
  kernelFor,
  loadOs,
  loadOsOf,
  loadEveryOs,
  isOsLoaded,
  osOfScenario,
  type OsTypes,
  type WorldOf,
  type ActionOf,
  type OptionsOf,
} from './os';
export type { KernelPersonality, Vocabulary, ObjectKind } from './personality';
export { explainUnload, type UnloadExplanation, type Condition } from './explain';
export {
  WINDOWS_EVENT_TYPES,
  SVR5_EVENT_TYPES,
  eventObjects,
  describeRefs,
  decisiveEvent,
  DECISIVE_EVENT_TYPES,
  type KernelEvent,
  type EventType,
  type ObjectRef,
} from './events';
export { RULES, type Rule, type RuleId, type Evidence } from './rules';
export type { StepResult } from './types';
export * from './windows/model';
export * from './svr5/model';
export { stackOf, topOf, bottomOf } from './windows/stack';
export { describeEvent } from './describe';
