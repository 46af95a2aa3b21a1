import { COMMAND_DEFS } from './registry';

/**
 * Keys, canonical: `mod+shift+arrowleft`, `t`, `?`, ` `. Shift counts for
 * letters and named keys; for a printed symbol it is part of the symbol
 * (`?` is Shift+/ on one keyboard and a key of its own on another).
 */
function canonical(binding: string): string {
  const parts = binding.split('+');
  // A binding of the plus key itself ends in an empty part.
  const key = parts.pop() || '+';
  return normalise(parts.includes('mod'), parts.includes('shift'), key);
}

interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

/** The canonical form of a key event, to look up in the key map. */
function canonicalEvent(e: KeyLike): string {
  return normalise(e.ctrlKey || e.metaKey, e.shiftKey, e.key);
}

function normalise(mod: boolean, shift: boolean, key: string): string {
  const symbol = key.length === 1 && !/[a-z]/i.test(key);
  return `${mod ? 'mod+' : ''}${shift && !symbol ? 'shift+' : ''}${key.toLowerCase()}`;
}

/** Every key binding, canonical, with the commands it names: more than one is a bug (the test says which). */
export function keyBindings(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of COMMAND_DEFS)
    for (const k of c.keys ?? []) out.set(canonical(k), [...(out.get(canonical(k)) ?? []), c.id]);
  return out;
}

/** The command a key event means, if any (the map is built once; a key bound twice fails its test). */
const KEY_MAP: ReadonlyMap<string, string> = new Map(
  [...keyBindings()].flatMap(([k, ids]) => (ids[0] ? [[k, ids[0]] as const] : [])),
);

export function commandForKey(e: KeyLike): string | undefined {
  return KEY_MAP.get(canonicalEvent(e));
}
