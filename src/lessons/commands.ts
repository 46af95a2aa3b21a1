import { RECORDING_COMMANDS } from './recording';
import { STEPPING_COMMANDS } from './stepping';

export { openQuestion } from './question';

/**
 * The classroom's commands, in the order the key sheet lists them: stepping
 * and questions (./stepping.ts), then opening and recording lessons
 * (./recording.ts).
 */
export const LESSON_COMMANDS = [...STEPPING_COMMANDS, ...RECORDING_COMMANDS] as const;
