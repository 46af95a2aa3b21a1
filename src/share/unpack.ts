import { inflateSync, strFromU8 } from 'fflate';

export { PACK_MARK, isPacked } from './source';

/**
 * A packed scenario is `~1.` + base64url of its JSON, deflated (fflate):
 * a few hundred URL-safe characters (pack.ts makes them). The number after
 * `~` is the link format: a build reads every format it lists in `READERS`,
 * and says clearly why it cannot read any other (a link from a newer build,
 * or a damaged one).
 */

/** The link format this build writes. */
export const LINK_FORMAT = 1;

/** Every link format this build reads, oldest first: a reader per format, kept when a new one comes. */
const READERS: Readonly<Record<number, (data: string) => unknown>> = {
  1: (data) => JSON.parse(strFromU8(inflateSync(fromBase64Url(data)))) as unknown,
};

export type Unpacked = { ok: true; scenario: unknown } | { ok: false; error: string };

/** Unpacks what `packScenario` made (the scenario is still to be validated). Never throws. */
export function unpackScenario(packed: string): Unpacked {
  const m = /^~(\d+)\.(.*)$/s.exec(packed);
  if (!m) return { ok: false, error: 'the scenario in this link is damaged (it does not start with "~1.")' };
  const version = Number(m[1]);
  const reader = READERS[version];
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
  } catch {
    return {
      ok: false,
      error: 'the scenario in this link is damaged (it was cut short or changed); ask for the link again.',
    };
  }
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
