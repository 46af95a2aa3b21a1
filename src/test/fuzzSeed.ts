import fc from 'fast-check';
import { inject } from 'vitest';

// Every property of the fuzz run starts from the run's printed seed (src/test/fuzzSeed.global.ts).
const path = inject('fcPath');
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: inject('fcSeed'), ...(path ? { path } : {}) });
