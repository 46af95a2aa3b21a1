/**
 * "Why won't my driver unload?" in the terminal: reads what WinDbg printed
 * and prints, for each driver, the checklist of what holds it with the
 * next debugger commands to type, then the lines it could not read.
 *
 *   npm run explain -- session.txt      a saved paste
 *   npm run explain -- -                the paste on standard input
 *   pbpaste | npm run explain           (no file: standard input too)
 */
import { readFileSync } from 'node:fs';
import { explainImport, importDebuggerText, type Finding } from '../kernel';

const arg = process.argv[2];

// Piped into `head`, the reader may go away first: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));

function load(what: string | undefined): string {
  try {
    return readFileSync(what === undefined || what === '-' ? 0 : what, 'utf8');
  } catch (e) {
    console.error(`Cannot read ${what ?? 'standard input'}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
}

const MARK: Record<Finding['status'], string> = { holds: '✗', clear: '✓', unknown: '?', note: '·' };

const imp = importDebuggerText(load(arg));
const answer = explainImport(imp);

if (answer.drivers.length === 0 && answer.others.length === 0) {
  console.log('\nNothing this reader reads was found in this paste.');
  console.log(
    'Paste the output of !drvobj, !devobj, !devstack, !devnode, !irp, !object, !devhandles, !handle, !process or !thread, with or without its kd> prompt.',
  );
}
const answers = [
  ...answer.drivers.map((d) => ({
    title: `${d.driver}${d.address ? `  (driver object ${d.address})` : ''}`,
    summary: d.summary,
    findings: d.findings,
  })),
  ...answer.others,
];
for (const d of answers) {
  console.log(`\n${d.title}`);
  console.log(`  ${d.summary}`);
  for (const f of d.findings) {
    const lines =
      f.lines.length > 0
        ? `  [line ${f.lines.slice(0, 4).join(', ')}${f.lines.length > 4 ? ', …' : ''}]`
        : '';
    console.log(`  ${MARK[f.status]} ${f.text}${lines}`);
    for (const n of f.next) console.log(`      kd> ${n.command}    — ${n.why}  ${n.doc}`);
  }
}

if (imp.scenario) {
  console.log(
    `\nA scenario was written from this paste: "${imp.scenario.title}" (${imp.scenario.steps.length} steps).`,
  );
  for (const a of imp.approximations ?? []) console.log(`  ~ ${a}`);
}

if (imp.problems.length > 0) {
  console.log(`\nLines not read (${imp.problems.length}):`);
  for (const p of imp.problems) {
    const at = p.endLine === undefined ? `line ${p.line}` : `lines ${p.line}–${p.endLine}`;
    console.log(`  ${at}: ${p.message}`);
  }
}
