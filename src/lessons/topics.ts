/**
 * The ideas lessons are grouped by, in the gallery's order. They follow the
 * comparison in shared/domain/svr5.md §7, so a topic holds the Windows and
 * the SVR5 lessons of one idea.
 */
export const TOPICS = [
  'busy',
  'waiting',
  'removal',
  'unload routine',
  'never unloads',
  'init fails',
  'leaks',
  'shutdown',
] as const;

export type Topic = (typeof TOPICS)[number];

export const TOPIC_LABELS: Readonly<Record<Topic, string>> = {
  busy: 'What keeps a driver loaded',
  waiting: 'Waiting and retrying',
  removal: 'Removing a device',
  'unload routine': 'The unload routine',
  'never unloads': 'Never unloaded',
  'init fails': 'When initialisation fails',
  leaks: 'Leaks',
  shutdown: 'Shutdown',
};

export function isTopic(t: unknown): t is Topic {
  return typeof t === 'string' && (TOPICS as readonly string[]).includes(t);
}
