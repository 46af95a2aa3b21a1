import { Map as IMap } from 'immutable';
import { kernelFor, type World } from '../kernel/core';
import { ownerSummary, type OwnerSummary } from './checklistModel';

/**
 * The checklist's overview between animation moments: each driver's (module's) line is worked out
 * again only when a record it read changed. Working a line out records every read it makes of the
 * world — a table's entry by key, a whole table when it walks one, a field of the world — with the
 * value it got; the next world reuses the line when each of those reads gives the very same value
 * (the kernel's records are immutable: a step gives a changed record a new identity and keeps the
 * others). An IRP moment that touches one stack re-explains the drivers of that stack, not all 430.
 * The line is a function of what it read (explainUnload and the personality's words are pure), so a
 * kept line is the line the new world would give.
 */

/** A read of the world: a field (`key` undefined), a table's entry (`key`), or a whole table (`WHOLE`). */
interface Read {
  readonly field: string | symbol;
  readonly key?: unknown;
  readonly value: unknown;
}

const WHOLE = Symbol('whole table');
const ABSENT = Symbol('absent');

type Table = IMap<unknown, unknown>;

/** `world` as seen by one computation, each read noted in `reads`. */
function watched(world: World, reads: Read[]): World {
  const tables = new Map<string | symbol, Table>();
  return new Proxy(world, {
    get(target, field, receiver) {
      const value: unknown = Reflect.get(target, field, receiver);
      if (!IMap.isMap(value)) {
        reads.push({ field, value });
        return value;
      }
      let t = tables.get(field);
      if (!t) tables.set(field, (t = watchedTable(field, value, reads)));
      return t;
    },
  });
}

function watchedTable(field: string | symbol, table: Table, reads: Read[]): Table {
  const entry = (key: unknown) => {
    const value = table.get(key, ABSENT);
    reads.push({ field, key, value });
    return value;
  };
  return new Proxy(table, {
    get(target, prop) {
      if (prop === 'get')
        return (key: unknown, notSet?: unknown) => {
          const v = entry(key);
          return v === ABSENT ? notSet : v;
        };
      if (prop === 'has') return (key: unknown) => entry(key) !== ABSENT;
      // Anything else (a walk, its size) depends on the whole table.
      reads.push({ field, key: WHOLE, value: target });
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Whether every read gives the same value in `world`. */
function unchanged(world: World, reads: readonly Read[]): boolean {
  const w = world as unknown as Record<string | symbol, unknown>;
  return reads.every((r) => {
    const v = w[r.field];
    if (r.key === undefined) return Object.is(v, r.value);
    if (r.key === WHOLE) return Object.is(v, r.value);
    return IMap.isMap(v) && Object.is(v.get(r.key, ABSENT), r.value);
  });
}

export interface Overview {
  /** Every driver or module of `world`, in order, with its line (ownerSummaries' lines, kept where unchanged). */
  (world: World, heldBack: boolean): OwnerSummary[];
  /** Lines worked out (not kept) so far: for tests and the benchmark. */
  readonly computed: () => number;
}

/** A new overview with its own cache (one per checklist: nothing shared between visualizers). */
export function createOverview(): Overview {
  let kept = new Map<string, { line: OwnerSummary; reads: Read[] }>();
  let keptHeldBack = false;
  let computed = 0;
  const overview = (world: World, heldBack: boolean): OwnerSummary[] => {
    if (heldBack !== keptHeldBack) kept = new Map();
    keptHeldBack = heldBack;
    const next = new Map<string, { line: OwnerSummary; reads: Read[] }>();
    const lines = kernelFor(world)
      .owners(world)
      .map((name) => {
        const was = kept.get(name);
        if (was && unchanged(world, was.reads)) {
          next.set(name, was);
          return was.line;
        }
        computed++;
        const reads: Read[] = [];
        const line = ownerSummary(watched(world, reads), name, heldBack);
        next.set(name, { line, reads });
        return line;
      });
    kept = next;
    return lines;
  };
  return Object.assign(overview, { computed: () => computed });
}
