import { loadReader } from '../debugger/reader';
import { loadLessons } from '../lessons/catalogue';

// A page loads the lessons and the debugger reader on demand (src/actions/onDemand.ts); the tests send
// `openLesson` and `importDebugger` at once.
await Promise.all([loadLessons(), loadReader()]);
