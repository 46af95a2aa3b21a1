import type { Ask } from '../kernel/core';
import type { LessonId } from '../scenarios/lessons/ids';

/**
 * Windows beside SVR5: pairs of lessons on the same idea (the comparison of
 * shared/domain/svr5.md §7), stepped together. A pair is a list of beats;
 * each beat shows one step of each lesson and says how they map.
 */
interface Beat {
  /** The step (cursor) each side shows at this beat. */
  readonly windows: number;
  readonly svr5: number;
  /** What the two sides show, and how they map. */
  readonly note: string;
  /**
   * Predict, then reveal (issue 17): asked before this beat shows, while
   * both sides still show the beat before; the reveal moves to the beat.
   * The shape of a lesson step's `ask` (docs/scenario-format-extensions.md).
   */
  readonly ask?: Ask;
}

export interface ComparePair {
  readonly id: string;
  /** The idea both lessons teach. */
  readonly idea: string;
  /** The mapping in one line, as the comparison table says it. */
  readonly windowsSide: string;
  readonly svr5Side: string;
  readonly windows: LessonId;
  readonly svr5: LessonId;
  readonly beats: readonly Beat[];
}

export const COMPARE_PAIRS: readonly ComparePair[] = [
  {
    id: 'init-fails',
    idea: 'Initialisation fails',
    windowsSide: 'DriverEntry returns an error: the image is freed, Unload is never called',
    svr5Side: '_load returns an errno: the module is not loaded, _unload is never called',
    windows: 'driverentry-fails',
    svr5: 'svr5-load-fails',
    beats: [
      { windows: 0, svr5: 0, note: 'Nothing is loaded yet on either side.' },
      {
        windows: 0,
        svr5: 1,
        note: 'SVR5 first configures the module (idbuild -M); Windows needs no such step.',
      },
      {
        windows: 1,
        svr5: 2,
        note: 'DriverEntry returns STATUS_INSUFFICIENT_RESOURCES ↔ _load returns ENOMEM. Same rule on both sides: not loaded, and the unload routine is never called. The init routine must undo its own work.',
        ask: {
          question:
            'Both init routines fail: DriverEntry returns STATUS_INSUFFICIENT_RESOURCES, _load returns ENOMEM. Which unload routine is called to clean up?',
          choices: ['Both: Unload and _unload', 'Only Windows’ Unload', 'Only SVR5’s _unload', 'Neither'],
          answer: 3,
          explain:
            'Neither driver ever loaded, so there is nothing to unload: the I/O manager frees the image without calling Unload, and SVR5 leaves the module unloaded without calling _unload. On both sides the init routine must undo its own work before it fails.',
          rule: 'seed.5.driverEntryFailed',
        },
      },
      {
        windows: 2,
        svr5: 3,
        note: 'Asking to unload what never loaded: sc stop answers STATUS_OBJECT_NAME_NOT_FOUND ↔ modadmin -U answers EINVAL.',
      },
      {
        windows: 3,
        svr5: 3,
        note: 'Windows only: a DriverEntry that fails but leaks a device object pins its image. The SVR5 rule says the same in words: _load must free what it allocated.',
      },
    ],
  },
  {
    id: 'busy',
    idea: 'Unload asked while a device is open',
    windowsSide: 'Unload Pending: the stop succeeds and Unload is deferred until the last handle closes',
    svr5Side: 'EBUSY: the unload is refused before _unload; nothing waits',
    windows: 'leaked-handle',
    svr5: 'svr5-busy-while-open',
    beats: [
      { windows: 0, svr5: 0, note: 'An empty system on each side.' },
      {
        windows: 1,
        svr5: 1,
        note: 'Windows: a legacy driver starts (DriverEntry). SVR5: a driver is configured but not loaded yet.',
      },
      {
        windows: 2,
        svr5: 2,
        note: 'An application opens the device: a handle, ReferenceCount 1 ↔ the first open autoloads the module (_load, CFG_ADD), then open(D2).',
      },
      {
        windows: 3,
        svr5: 3,
        note: 'Unload asked while open. Windows says yes and waits: Unload Pending, Unload deferred. SVR5 says no: EBUSY, and _unload is not even called.',
        ask: {
          question: 'Both sides ask to unload while the device is open. What do the two systems answer?',
          choices: [
            'Both refuse the unload at once',
            'Windows accepts and defers Unload; SVR5 refuses with EBUSY',
            'Both accept and wait for the last close',
          ],
          answer: 1,
          explain:
            'sc stop succeeds and marks the driver Unload Pending: Unload waits for the last reference. modadmin -U fails with EBUSY while the module is held open, before _unload is called.',
          rule: 'seed.4a.noReferences',
        },
      },
      {
        windows: 4,
        svr5: 3,
        note: 'Windows: an Unload Pending device takes no new opens (STATUS_NO_SUCH_DEVICE). SVR5: nothing changed, the module serves as before.',
      },
      {
        windows: 5,
        svr5: 4,
        note: 'The last close. Windows runs the deferred Unload by itself. SVR5 calls close(D2) and the module stays for now: it is an idle auto-unload candidate, which the daemon unloads once it has been idle for DEF_UNLOAD_DELAY (60 s), unless an administrator asks first.',
      },
      {
        windows: 5,
        svr5: 5,
        note: 'SVR5, without waiting for the daemon: modadmin -U now calls _unload, CFG_REMOVE for each instance, and frees the module.',
      },
    ],
  },
  {
    id: 'teardown',
    idea: 'Per-device teardown',
    windowsSide: 'IRP_MN_REMOVE_DEVICE: cannot fail; a driver left with no device unloads',
    svr5Side: 'config(CFG_REMOVE): its result is ignored; hot removal keeps the module',
    windows: 'orderly-removal',
    svr5: 'svr5-hot-removal',
    beats: [
      { windows: 0, svr5: 0, note: 'An empty system on each side.' },
      {
        windows: 7,
        svr5: 2,
        note: 'The devices exist: a PDO with Toaster’s FDO and a filter on it ↔ a D_HOT driver with two instances, each configured by CFG_ADD.',
      },
      {
        windows: 8,
        svr5: 2,
        note: 'Windows asks first: IRP_MN_QUERY_REMOVE_DEVICE, top-down, and any driver may veto. SVR5 hot removal asks nobody; it suspends the instance (CFG_SUSPEND) before it removes it.',
      },
      {
        windows: 9,
        svr5: 3,
        note: 'The teardown of one device: IRP_MN_REMOVE_DEVICE (cannot fail) ↔ config(CFG_REMOVE) for that instance. Windows unloads the drivers left with no device; SVR5 keeps the module loaded.',
        ask: {
          question:
            'One device is torn down on each side: IRP_MN_REMOVE_DEVICE for the toaster’s stack, config(CFG_REMOVE) for one hsnet card. What happens to the drivers?',
          choices: [
            'Both systems unload the drivers of the removed device',
            'Windows unloads the drivers left with no device; SVR5 keeps its module loaded',
            'Both keep every driver loaded',
            'SVR5 unloads its module; Windows keeps its drivers',
          ],
          answer: 1,
          explain:
            'The PnP manager calls Unload for a driver left with no device object after IRP_MN_REMOVE_DEVICE: ToastFilter and Toaster go, and BusEnum stays with its own FDO. SVR5 hot removal sends config(CFG_REMOVE) for the one instance, and the module stays loaded for the other card and for a card put back later.',
          rule: 'seed.2.pnpLastDevice',
        },
      },
      {
        windows: 9,
        svr5: 5,
        note: 'SVR5: the other instance still opens. On Windows the bus driver stays too: it keeps its own FDO, and the toaster’s PDO until the device is ejected (IRP_MN_EJECT, then a second IRP_MN_REMOVE_DEVICE deletes it).',
      },
    ],
  },
  {
    id: 'refuse',
    idea: 'May the unload routine refuse?',
    windowsSide: 'Unload returns void: once it is called, the driver goes',
    svr5Side: '_unload returns an errno: non-zero keeps the module loaded',
    windows: 'clean-stop',
    svr5: 'svr5-unload-errno',
    beats: [
      { windows: 0, svr5: 0, note: 'An empty system on each side.' },
      {
        windows: 3,
        svr5: 2,
        note: 'A loaded driver with nothing open: used and closed on Windows, loaded on demand on SVR5.',
      },
      {
        windows: 4,
        svr5: 3,
        note: 'The unload routine is called. Windows’ Unload cannot refuse: the device and image go. SVR5’s _unload returns EIO, so the module stays and modadmin answers EIO.',
        ask: {
          question: 'Both unload routines are called. Which of them can keep its driver loaded?',
          choices: ['Only Windows’ Unload', 'Only SVR5’s _unload', 'Both', 'Neither'],
          answer: 1,
          explain:
            'Windows’ Unload returns void: once called, the driver goes. SVR5’s _unload returns an errno, and a non-zero one keeps the module loaded.',
        },
      },
      {
        windows: 5,
        svr5: 4,
        note: 'After: on Windows the device’s name is gone (STATUS_OBJECT_NAME_NOT_FOUND) ↔ on SVR5 the device still opens, with no reload.',
      },
    ],
  },
  {
    id: 'never',
    idea: 'A driver that can never unload',
    windowsSide: 'No Unload routine: sc stop answers STATUS_INVALID_DEVICE_REQUEST',
    svr5Side: 'Before DDI 8 without _unload: never unloaded, by demand or by the daemon',
    windows: 'no-unload-routine',
    svr5: 'svr5-no-unload-routine',
    beats: [
      { windows: 0, svr5: 0, note: 'An empty system on each side.' },
      {
        windows: 1,
        svr5: 2,
        note: 'Loaded without an unload routine: a legacy driver that never set DriverUnload ↔ a DDI 7 driver without _unload (optional before DDI 8), autoloaded on open.',
      },
      { windows: 3, svr5: 3, note: 'Used, then closed: nothing holds either driver now.' },
      {
        windows: 4,
        svr5: 4,
        note: 'Unload asked: STATUS_INVALID_DEVICE_REQUEST ↔ EBUSY. Both stay loaded until reboot.',
        ask: {
          question:
            'Neither driver has an unload routine, and nothing holds either now. An administrator asks each to unload (sc stop ↔ modadmin -U). What happens?',
          choices: [
            'Both unload: nothing holds them',
            'Both refuse, and both drivers stay loaded',
            'Windows unloads; SVR5 refuses',
            'SVR5 unloads; Windows refuses',
          ],
          answer: 1,
          explain:
            'sc stop answers STATUS_INVALID_DEVICE_REQUEST: with no Unload routine the I/O manager has nothing to call, and it does not even mark the driver Unload Pending. modadmin -U answers EBUSY: before DDI 8 a module without _unload is never unloaded. Both stay loaded until reboot.',
          rule: 'win.stop.noUnloadRoutine',
        },
      },
      {
        windows: 5,
        svr5: 5,
        note: 'Windows: the device still opens. SVR5: an hour idle and the auto-unload daemon leaves it alone too.',
      },
    ],
  },
];

/** Where a compare lesson stands: the beat shown, the question open (the next beat's), the answers given. */
export interface CompareAt {
  readonly beat: number;
  /** The next beat's question is open: both sides still show `beat`. */
  readonly asking: boolean;
  /** By beat: the choice picked (0 is the first), or null when revealed without one. */
  readonly answers: Readonly<Record<number, number | null>>;
}

export const COMPARE_START: CompareAt = { beat: 0, asking: false, answers: {} };

/** The question the next press asks or reveals, if the next beat has one not answered yet. */
export function compareAsksNext(pair: ComparePair, at: CompareAt): boolean {
  return !!pair.beats[at.beat + 1]?.ask && !(at.beat + 1 in at.answers);
}

/**
 * One clicker press forward, as in a lesson (commands.ts `next`): at a beat
 * with a question, ask it first; at an open question, reveal it (`choice`:
 * the answer picked, null for a reveal without one).
 */
export function compareNext(pair: ComparePair, at: CompareAt, choice: number | null = null): CompareAt {
  const last = pair.beats.length - 1;
  if (at.asking)
    return { beat: at.beat + 1, asking: false, answers: { ...at.answers, [at.beat + 1]: choice } };
  if (at.beat >= last) return at;
  if (compareAsksNext(pair, at)) return { ...at, asking: true };
  return { ...at, beat: at.beat + 1 };
}

/** One press back: closes an open question first, else the beat before. */
export function compareBack(at: CompareAt): CompareAt {
  if (at.asking) return { ...at, asking: false };
  return { ...at, beat: Math.max(0, at.beat - 1) };
}

/** Lands at a beat as an address does: a beat whose question is unanswered opens asked, the beat before shown. */
export function compareLand(pair: ComparePair, beat: number, answers: CompareAt['answers'] = {}): CompareAt {
  const b = Math.max(0, Math.min(pair.beats.length - 1, beat));
  return b > 0 && pair.beats[b]?.ask && !(b in answers)
    ? { beat: b - 1, asking: true, answers }
    : { beat: b, asking: false, answers };
}

export function pairById(id: string | null): ComparePair {
  return COMPARE_PAIRS.find((p) => p.id === id) ?? (COMPARE_PAIRS[0] as ComparePair);
}
