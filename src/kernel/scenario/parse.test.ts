import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';

const valid = {
  format: 'unload-scenario/1',
  title: 'A leaked handle keeps the driver loaded',
  os: 'windows',
  options: { deferredStopStatus: 'STATUS_SUCCESS' },
  steps: [
    { do: 'loadDriver', driver: 'Beeper', model: 'legacy', controlDevice: 'Beep' },
    { do: 'openHandle', device: 'Beep', handle: 'h1', say: 'An application opens the device.' },
    {
      do: 'stopDriver',
      driver: 'Beeper',
      ask: { question: 'Does Unload run now?', choices: ['Yes', 'No'], answer: 1 },
    },
    { do: 'closeHandle', handle: 'h1', expect: { status: 'STATUS_SUCCESS', events: ['unloadCalled'] } },
  ],
};

function errorsOf(input: unknown) {
  const r = parseScenario(input);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('parseScenario', () => {
  it('accepts the example of the format page', () => {
    const r = parseScenario(valid);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.steps).toHaveLength(4);
  });

  it('accepts the same scenario as JSON text', () => {
    expect(parseScenario(JSON.stringify(valid)).ok).toBe(true);
  });

  it('names the versions it reads when the format is unknown', () => {
    expect(errorsOf({ ...valid, format: 'unload-scenario/2' })).toEqual([
      { path: 'format', message: 'this build reads "unload-scenario/1"; got "unload-scenario/2"' },
    ]);
  });

  it('says where a field has the wrong type, and what it got', () => {
    const steps: unknown[] = [...valid.steps];
    steps[1] = { do: 'openHandle', device: 42 as unknown as string, handle: 'h1' };
    expect(errorsOf({ ...valid, steps })).toEqual([
      { path: 'steps[1].device', message: 'expected a name, got 42' },
    ]);
  });

  it('suggests the field a typo meant', () => {
    const steps = [{ do: 'closeHandle', handel: 'h1' }];
    expect(errorsOf({ ...valid, steps })).toEqual([
      { path: 'steps[0].handle', message: 'required: a name' },
      { path: 'steps[0].handel', message: 'unknown field; did you mean "handle"?' },
    ]);
  });

  it('tells an action of the other OS from an unknown one', () => {
    const errors = errorsOf({
      ...valid,
      steps: [{ do: 'open', device: 'x', channel: 'c' }, { do: 'explode' }],
    });
    expect(errors[0]).toEqual({
      path: 'steps[0].do',
      message: '"open" is an SVR5 action; this scenario\'s os is "windows"',
    });
    expect(errors[1]?.path).toBe('steps[1].do');
    expect(errors[1]?.message).toMatch(/^unknown action "explode": expected one of loadDriver, createDevice/);
  });

  it('checks names against the identifier rule', () => {
    const errors = errorsOf({ ...valid, steps: [{ do: 'stopDriver', driver: 'has space' }] });
    expect(errors).toEqual([
      {
        path: 'steps[0].driver',
        message: 'expected a name of 1–64 letters, digits, "_", "-" or ".", got "has space"',
      },
    ]);
  });

  it('checks questions: two choices at least, and an answer among them', () => {
    const steps = [{ do: 'shutdown', ask: { question: 'Q?', choices: ['only'], answer: 2 } }];
    expect(errorsOf({ ...valid, steps }).map((e) => e.path)).toEqual([
      'steps[0].ask.choices',
      'steps[0].ask.answer',
    ]);
  });

  it('checks expected event types, with a suggestion', () => {
    const steps = [{ do: 'shutdown', expect: { events: ['unloadCaled'] } }];
    expect(errorsOf({ ...valid, steps })).toEqual([
      {
        path: 'steps[0].expect.events[0]',
        message: 'unknown event type "unloadCaled"; did you mean "unloadCalled"?',
      },
    ]);
  });

  it('checks options per OS', () => {
    expect(errorsOf({ ...valid, os: 'svr5', steps: [] })).toEqual([
      {
        path: 'options.deferredStopStatus',
        message: 'unknown field; expected one of defUnloadDelay, unloadWake, profiling',
      },
    ]);
  });

  it('reports every problem at once', () => {
    const errors = errorsOf({ titel: 'x', os: 'win', steps: 'none' });
    expect(errors.map((e) => e.path)).toEqual(['titel', 'format', 'title', 'os', 'steps']);
  });

  it.each([
    [null, 'expected a scenario object, got null'],
    [[], 'expected a scenario object, got a list'],
    [7, 'expected a scenario object, got 7'],
    ['{"format": ', 'not valid JSON'],
  ])('answers %j with a message, not an exception', (input, message) => {
    const errors = errorsOf(input);
    expect(errors[0]?.path).toBe('');
    expect(errors[0]?.message).toContain(message);
  });

  it('survives inputs whose getters throw', () => {
    const hostile = Object.defineProperty({}, 'format', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(errorsOf(hostile)[0]?.message).toContain('boom');
  });
});

describe('when the caller changes its options object after parsing', () => {
  it('keeps the checked copy', () => {
    const options = { defUnloadDelay: 30 };
    const r = parseScenario({ format: 'unload-scenario/1', title: 't', os: 'svr5', options, steps: [] });
    options.defUnloadDelay = -100;
    expect(r.ok && r.scenario.options).toEqual({ defUnloadDelay: 30 });
  });
});
