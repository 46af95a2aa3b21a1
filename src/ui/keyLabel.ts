/**
 * A key binding as people read it, and as `aria-keyshortcuts` wants it: the
 * keyboard sheet and every command button say the same keys the same way.
 */

const KEY_NAMES: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ' ': 'Space',
  Escape: 'Esc',
  PageUp: 'Page Up',
  PageDown: 'Page Down',
  mod: 'Ctrl/⌘',
  shift: 'Shift',
};

/** The parts of `mod+shift+z`, the plus key's own binding (`+`) kept whole. */
function parts(binding: string): string[] {
  const out = binding.split('+');
  // `+` itself, or `mod++`, splits into empty parts around it.
  return out.at(-1) === '' ? [...out.slice(0, -2), '+'] : out;
}

/** `mod+shift+z` → `Ctrl/⌘ + Shift + Z`. */
export function keyLabel(binding: string): string {
  return parts(binding)
    .map((p) => KEY_NAMES[p] ?? (p.length === 1 ? p.toUpperCase() : p))
    .join(' + ');
}

const ARIA_NAMES: Record<string, string> = { mod: 'Control', shift: 'Shift', ' ': 'Space', '+': 'Plus' };

/** `mod+z` → `Control+Z`, for `aria-keyshortcuts` (WAI-ARIA 1.2: modifiers first, joined by "+"). */
export function ariaKeys(bindings: readonly string[]): string {
  return bindings
    .map((b) =>
      parts(b)
        .map((p) => ARIA_NAMES[p] ?? (p.length === 1 ? p.toUpperCase() : p))
        .join('+'),
    )
    .join(' ');
}
