import { loadReader } from '../debugger/reader';
import { loadLessons } from '../lessons/catalogue';
import { loadEveryOs } from '../kernel/core';

// A page loads the lessons, the debugger reader and each OS's kernel on demand (src/actions/onDemand.ts,
// src/kernel/os.ts `loadOs`); the tests send `openLesson`, `importDebugger` and `switchOs` at once.
await Promise.all([loadLessons(), loadReader(), loadEveryOs()]);
