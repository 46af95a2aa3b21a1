/**
 * The simulated kernel: the public face of `src/kernel`.
 *
 * Pure TypeScript — no React, no DOM, no clock, no randomness. A world is an
 * immutable value; `step` returns the next one with the call's status and
 * the events it caused, as data. The app draws worlds and plays events; tests
 * assert on them; scenarios are lists of actions.
 */
export * from './core';
export { importDebuggerText, type ReadProgress } from './debugger/import';
export { explainImport, type ImportExplanation, type DriverAnswer } from './debugger/explain';
export type { Finding, FindingId, FindingStatus, ConditionId, Blocker } from './debugger/finding';
export type { NextCommand } from './debugger/next';
export { deviceFlagNames, type FlagName } from './debugger/flags';
export * from './debugger/types';
