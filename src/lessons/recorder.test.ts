import { describe, expect, it } from 'vitest';
import { parseScenario } from '../kernel';
import { LESSON_SCENARIOS } from '../scenarios/lessons';
import { app } from '../store/testing';
import { LESSON_IDS } from './library';
import { recordedScenario } from './recorder';

/** A file as the app reads it: parsed, so key order and defaults the parser fills do not count. */
function read(file: unknown) {
  const parsed = parseScenario(JSON.parse(JSON.stringify(file)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

/**
 * Record → export → import is the same lesson, for every built-in one: the
 * recorder keeps every field a lesson has (`rule`, `topic`, each step's
 * `expect` with its `events` and `absent`, `notes`, narration, questions),
 * and the file it writes, imported, records back to the same file.
 */
describe.each(LESSON_IDS)('the lesson %s, recorded', (id) => {
  it('exports as the lesson it was loaded from', () => {
    const original = read(LESSON_SCENARIOS[id]);
    const r = app().do('openLesson', { id }).expectOk();
    expect(read(recordedScenario(r.state))).toEqual(original);
  });

  it('imported back, records to the same file', () => {
    const first = recordedScenario(app().do('openLesson', { id }).expectOk().state);
    const asFile = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
    const back = app()
      .do('loadLesson', { scenario: asFile(first), name: id })
      .expectOk();
    expect(asFile(recordedScenario(back.state))).toEqual(asFile(first));
  });
});

describe('the recorder', () => {
  it('keeps an expectation’s events and absent on a step that carried them', () => {
    const withEvents = LESSON_IDS.map((id) => read(LESSON_SCENARIOS[id])).flatMap((l) =>
      l.steps.filter((s) => s.expect?.events?.length && s.expect.absent?.length),
    );
    expect(withEvents.length).toBeGreaterThan(0);
  });

  it('pins the status of a step the teacher did, not of one that came from a file without an expect', () => {
    const r = app()
      .do('openLesson', { id: 'leaked-handle' })
      .do('goTo', { step: 5 })
      .do('closeHandle', { handle: 'h1' })
      .expectOk();
    const steps = recordedScenario(r.state).steps;
    const original = read(LESSON_SCENARIOS['leaked-handle']).steps;
    expect(steps).toHaveLength(original.length + 1);
    // A step of the file keeps its expect as written; the teacher's own step pins what the kernel said.
    expect(steps.slice(0, original.length).map((s) => s.expect)).toEqual(original.map((s) => s.expect));
    expect(steps.at(-1)?.expect).toEqual({ status: r.state.entries.at(-1)?.status });
  });
});
