import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    fcSeed: number;
    fcPath: string;
  }
}

/**
 * One fast-check seed for the whole fuzz run (`npm run test:fuzz`), printed before the first file
 * runs: FC_SEED names it (a failure's report prints the seed and path to use), otherwise it is
 * drawn here. Every property starts from it (src/test/fuzzSeed.ts), so the same seed replays the
 * same runs, file by file.
 */
export default function fuzzSeed(project: TestProject): void {
  const given = process.env.FC_SEED;
  const seed = given !== undefined && given !== '' ? Number(given) : (Math.random() * 2 ** 31) | 0;
  if (!Number.isSafeInteger(seed))
    throw new Error(`FC_SEED must be an integer (as fast-check prints it), not "${given}".`);
  const path = process.env.FC_PATH ?? '';
  project.provide('fcSeed', seed);
  project.provide('fcPath', path);
  console.log(
    `fast-check seed ${seed}${path ? ` path ${path}` : ''}: replay with FC_SEED=${seed} npm run test:fuzz` +
      (path ? '' : ' (one failure: add the FC_PATH its report prints and -- <file> -t "<test>")'),
  );
}
