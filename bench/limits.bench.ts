/**
 * npx tsx bench/limits.bench.ts — the hostile inputs of the hardening issue
 * (item 4), timed once each: what each costs and what comes back. Reported,
 * not asserted (docs/limits.md has the figures).
 */
import { performance } from 'node:perf_hooks';
import { deflateSync } from 'fflate';
import { createWorld, importDebuggerText, parseScenario, step } from '../src/kernel';
import { readScenarioJson } from '../src/share/files';
import { unpackScenario } from '../src/share/unpack';

const base = { format: 'unload-scenario/1', title: 't', os: 'windows' };

function time<T>(label: string, f: () => T, describe: (r: T) => string): void {
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const r = f();
  const ms = performance.now() - t0;
  const heap = (process.memoryUsage().heapUsed - heap0) / 1e6;
  console.log(`${label}: ${ms.toFixed(0)} ms, heap +${heap.toFixed(0)} MB — ${describe(r)}`);
}

const parsed = (r: ReturnType<typeof parseScenario>) =>
  r.ok ? 'accepted' : `${r.errors.length} errors; first: ${r.errors[0]?.message.slice(0, 120)}`;
const imported = (r: ReturnType<typeof readScenarioJson>) =>
  r.ok ? 'accepted' : `${r.problems.length} problems; first: ${r.problems[0]?.message.slice(0, 120)}`;

const only = process.argv[2];
const cases: Record<string, () => void> = {
  narration: () => {
    const text = JSON.stringify({
      ...base,
      steps: [{ do: 'loadDriver', driver: 'A', say: 'x'.repeat(10_000_000) }],
    });
    time('10 MB narration (parseScenario, text)', () => parseScenario(text), parsed);
  },
  zeros: () => {
    const text = JSON.stringify({ ...base, steps: [] }).replace('[]', `[${'0,'.repeat(10_000_000 - 1)}0]`);
    time(
      `20 MB of zeros as steps (paste, ${(text.length / 1e6).toFixed(0)} MB)`,
      () => readScenarioJson(text),
      imported,
    );
  },
  eventType: () => {
    const steps = [{ do: 'loadDriver', driver: 'A', expect: { events: ['q'.repeat(4_000_000)] } }];
    time('4 MB unknown event type', () => parseScenario({ ...base, steps }), parsed);
  },
  unknownKey: () => {
    const steps = [{ do: 'loadDriver', driver: 'A', ['k'.repeat(4_000_000)]: 1 }];
    time('4 MB unknown field name', () => parseScenario({ ...base, steps }), parsed);
  },
  instances: () => {
    const devices = Array.from({ length: 100_000 }, (_, i) => `d${i}`);
    const action = { do: 'registerModule', module: 'm', ddi: '8', devices } as const;
    time('100,000 instances: parse', () => parseScenario({ ...base, os: 'svr5', steps: [action] }), parsed);
    time(
      '100,000 instances: step',
      () => step(createWorld('svr5'), action),
      (r) => r.status,
    );
  },
  bomb: () => {
    const inner = JSON.stringify({ ...base, steps: [], summary: ' '.repeat(200_000_000) });
    const bytes = deflateSync(new TextEncoder().encode(inner), { level: 9 });
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    const link = `~1.${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    time(
      `a ${(link.length / 1e3).toFixed(0)} KB link inflating to 200 MB`,
      () => unpackScenario(link),
      (r) => (r.ok ? 'unpacked' : r.error),
    );
  },
  debugger: () => {
    const text = 'kd> !devobj 1\nnonsense line\n'.repeat(800_000);
    time(
      `${(text.length / 1e6).toFixed(0)} MB debugger paste`,
      () => importDebuggerText(text),
      (r) => `${r.problems.length} problems`,
    );
  },
};
for (const [k, f] of Object.entries(cases)) if (!only || only === k) f();
