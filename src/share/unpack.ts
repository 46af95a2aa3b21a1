import { Inflate, strFromU8 } from 'fflate';
import { LIMITS, count } from '../kernel/scenario/limits';
import { readScenarioJson } from '../kernel/scenario/json';

/**
 * A packed scenario is `~1.` + base64url of its JSON, deflated (fflate):
 * a few hundred URL-safe characters (pack.ts makes them). The number after
 * `~` is the link format: a build reads every format it lists in `READERS`,
 * and says clearly why it cannot read any other (a link from a newer build,
 * or a damaged one).
 *
 * Bounded (docs/limits.md): a link longer than MAX_LINK_CHARS is refused
 * unread, and inflating stops as soon as the output passes the scenario
 * size cap, so a small link that inflates to gigabytes (a "zip bomb")
 * costs no more than a scenario of the largest size.
 */

/** The link format this build writes. */
export const LINK_FORMAT = 1;

/** Characters of a packed scenario (a scenario of the largest size packs to far less). */
export const MAX_LINK_CHARS = 1_000_000;

/** Thrown when what a reader unpacks is not a scenario this build reads; its message is shown as is. */
class Refused extends Error {}

/** Every link format this build reads, oldest first: a reader per format, kept when a new one comes. */
const READERS: Readonly<Record<number, (data: string) => unknown>> = {
  1: (data) => {
    const read = readScenarioJson(strFromU8(inflateBounded(fromBase64Url(data), LIMITS.scenarioChars)));
    if (!read.ok) throw read.reason === 'limit' ? new Refused(read.message) : new Error(read.message);
    return read.value;
  },
};

export type Unpacked = { ok: true; scenario: unknown } | { ok: false; error: string };

/** Unpacks what `packScenario` made (the scenario is still to be validated). Never throws. */
export function unpackScenario(packed: string): Unpacked {
  if (packed.length > MAX_LINK_CHARS) {
    return {
      ok: false,
      error: `the scenario in this link is ${count(packed.length)} characters long; this build reads links of at most ${count(MAX_LINK_CHARS)} (docs/limits.md). Share the scenario as a file instead.`,
    };
  }
  const m = /^~(\d{1,9})\.(.*)$/s.exec(packed);
  if (!m) return { ok: false, error: 'the scenario in this link is damaged (it does not start with "~1.")' };
  const version = Number(m[1]);
  const reader = Object.hasOwn(READERS, version) ? READERS[version] : undefined;
  if (!reader) {
    const known = Object.keys(READERS).join(', ');
    return {
      ok: false,
      error:
        version > LINK_FORMAT
          ? `this link was made by a newer Unload Lens (link format ${version}); this build reads link format ${known}. Open it with the build that made it, or a newer one.`
          : `this link uses link format ${version}, which this build no longer reads (it reads ${known}).`,
    };
  }
  try {
    return { ok: true, scenario: reader(m[2] ?? '') };
  } catch (e) {
    return {
      ok: false,
      error:
        e instanceof Refused
          ? e.message
          : 'the scenario in this link is damaged (it was cut short or changed); ask for the link again.',
    };
  }
}

/** Input fed to the inflater at a time: deflate expands at most 1,032×, so each push gives at most ~1 MB. */
const CHUNK = 1024;

/** Inflates `bytes`, giving up (Refused) as soon as the output passes `max` bytes. */
function inflateBounded(bytes: Uint8Array, max: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > max) {
      throw new Refused(
        `the scenario in this link unpacks to more than ${count(max)} bytes, the most a scenario may be (docs/limits.md); it was not read.`,
      );
    }
    chunks.push(chunk);
  });
  let at = 0;
  do {
    const end = Math.min(at + CHUNK, bytes.length);
    inflater.push(bytes.subarray(at, end), end === bytes.length);
    at = end;
  } while (at < bytes.length);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
