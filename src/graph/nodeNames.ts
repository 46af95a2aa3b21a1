import { doeNames, holdCount, referenceCount } from '../kernel/core';
import { CATEGORY, DRIVER_STATE } from '../personalities/windows/vocabulary';
import type { ChannelData, InstanceData, ModuleData } from '../personalities/svr5/flow';
import type * as Win from '../personalities/windows/flow';

/**
 * What a screen reader says for a graph node: its name, what it is, and its
 * condition, in words ("Fdo0, function device of Func, 1 open handle,
 * Unload Pending"). Pure, from the node's own data (what its card shows), so
 * a node whose data did not change keeps its name. The words are the ones
 * the cards and the inspector use (personalities/windows/vocabulary.ts).
 */

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (parts: readonly (string | false | null | undefined)[]) =>
  parts.filter((p): p is string => typeof p === 'string' && p !== '').join(', ');

const ROLE_WORDS = {
  pdo: 'physical device',
  fdo: 'function device',
  filter: 'filter device',
  control: 'control device',
  volume: 'volume device (a mounted file system)',
} as const;

/** DOE_ flags as words (windows.md §2: the DEVOBJ_EXTENSION's ExtensionFlags). */
const DOE_WORDS: Record<string, string> = {
  DOE_UNLOAD_PENDING: 'Unload Pending',
  DOE_DELETE_PENDING: 'Delete Pending',
  DOE_REMOVE_PENDING: 'Remove Pending',
  DOE_REMOVE_PROCESSED: 'Remove Processed',
  DOE_START_PENDING: 'Start Pending',
};

function driver({ driver: d }: Win.DriverData): string {
  return list([
    d.name,
    `${d.model === 'pnp' ? 'PnP' : 'legacy'} driver`,
    DRIVER_STATE[d.state]?.word ?? d.state,
    d.state !== 'unloaded' && count(d.devices.size, 'device'),
    !d.hasUnload && 'no Unload routine',
    d.stuck && 'stuck: it can never unload',
    d.rebootRequired && 'reboot required',
    (d.state === 'unloaded' || d.state === 'entryFailed') && d.imageInMemory && 'image still in memory',
    d.registrations.size > 0 && count(d.registrations.size, 'PnP notification registration'),
  ]);
}

function device({ device: d }: Win.DeviceData): string {
  return list([
    d.name,
    `${ROLE_WORDS[d.role] ?? d.role} of ${d.driver}`,
    count(referenceCount(d), 'open handle'),
    d.irps.size > 0 && count(d.irps.size, 'pending IRP'),
    d.obReferences.size > 0 && count(d.obReferences.size, 'object reference'),
    ...doeNames(d.flags).map((f) => DOE_WORDS[f] ?? f),
    d.attachedTo && `attached on top of ${d.attachedTo}`,
    d.surpriseRemoved && 'surprise-removed',
    d.unlinked && 'deleted, still referenced',
  ]);
}

const handle = ({ handle: h }: Win.HandleData) =>
  list([h.name, `handle open on ${h.device}`, h.state === 'closing' && 'closing']);
const irp = ({ irp: i }: Win.IrpData) => list([i.name, `${i.major} IRP`, 'pending']);
const registration = ({ registration: r }: Win.RegistrationData) =>
  r.mode === 'user'
    ? list([r.name, `device notification of application ${r.app ?? ''}`, 'holds no driver'])
    : list([r.name, `PnP notification registration, ${CATEGORY[r.category]?.short ?? r.category}`]);
const reference = ({ reference: r }: Win.ReferenceData) => list([r.name, `object reference on ${r.device}`]);

function module({ module: m }: ModuleData): string {
  return list([
    m.name,
    'module',
    m.loaded ? `loaded by ${m.loadedBy}` : 'not loaded',
    m.loaded && `hold count ${holdCount(m)}`,
    m.unloading && '_unload running',
    !m.hasUnload && 'no _unload routine',
    m.hba && 'HBA: never unloaded',
  ]);
}

function instance({ instance: d }: InstanceData): string {
  return list([
    d.name,
    `device of ${d.module}`,
    d.removed ? 'hot-removed' : count(d.channels.size, 'open channel'),
    d.suspended && 'suspended',
  ]);
}

const channel = ({ channel: c }: ChannelData) => list([c.name, `channel open on ${c.device}`]);

const NAMERS: Record<string, (data: never) => string> = {
  driver,
  device,
  handle,
  irp,
  registration,
  reference,
  module,
  instance,
  channel,
};

/** The accessible name of a node of this type with this data (its id's name when the type is unknown). */
function nodeName(type: string, data: object): string {
  const namer = NAMERS[type] as ((d: object) => string) | undefined;
  return namer ? namer(data) : type;
}

/**
 * What a graph node carries for assistive technology: its name and, for the
 * graph's single Tab stop (keyboardNav.ts), tabIndex -1 on every node: the
 * graph gives 0 to one of them.
 */
export function nodeA11y(type: string, data: object) {
  return { ariaLabel: nodeName(type, data), domAttributes: { tabIndex: -1 } } as const;
}
