/**
 * Plays a scenario in the terminal: every step, its status, the events it
 * caused and the rule behind each, then the unload checklist of every driver.
 *
 *   npm start                       the Windows default scenario
 *   npm start -- svr5-default       a built-in scenario by id
 *   npm start -- path/to/file.json  a scenario file
 */
import { readFileSync } from 'node:fs';
import {
  actionOf,
  describeEvent,
  explainUnload,
  kernelFor,
  loadEveryOs,
  parseScenario,
  runScenario,
} from '../kernel';
import { BUILT_IN_SCENARIOS, type BuiltInScenarioId } from '../scenarios';

const arg = process.argv[2] ?? 'windows-default';

function load(what: string): unknown {
  if (what in BUILT_IN_SCENARIOS) return BUILT_IN_SCENARIOS[what as BuiltInScenarioId];
  try {
    return readFileSync(what, 'utf8');
  } catch {
    console.error(`No built-in scenario or file named "${what}".`);
    console.error(`Built-in scenarios: ${Object.keys(BUILT_IN_SCENARIOS).join(', ')}`);
    process.exit(2);
  }
}

// Every OS's kernel, with its rules (src/kernel/os.ts): a terminal has no first view to keep light.
await loadEveryOs();
const parsed = parseScenario(load(arg));
if (!parsed.ok) {
  console.error(`${arg} is not a valid scenario:`);
  for (const e of parsed.errors) console.error(`  ${e.path || '(document)'}: ${e.message}`);
  process.exit(1);
}
const scenario = parsed.scenario;
const run = runScenario(scenario);

console.log(`\n${scenario.title}  [${scenario.os}]`);
if (scenario.summary) console.log(`${scenario.summary}\n`);

scenario.steps.forEach((s, i) => {
  const r = run.steps[i];
  if (!r) return;
  const { do: name, ...fields } = actionOf(s);
  console.log(`── ${i + 1}. ${name} ${JSON.stringify(fields)} → ${r.status}`);
  if (s.say) console.log(`   “${s.say}”`);
  for (const e of r.events)
    console.log(`   · ${describeEvent(e)}   [${e.rule}${e.model ? ', modelling choice' : ''}]`);
  for (const f of r.failures) console.log(`   ✗ ${f}`);
});

console.log('\nUnload checklists now:');
for (const name of kernelFor(run.world).owners(run.world)) {
  const x = explainUnload(run.world, name);
  console.log(`\n  ${name}: ${x.summary}`);
  for (const c of x.conditions) console.log(`    ${c.met ? '✓' : '✗'} ${c.text}`);
}
const failed = run.steps.some((s) => s.failures.length > 0);
process.exit(failed ? 1 : 0);
