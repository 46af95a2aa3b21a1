import { useId, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { COMMAND_DEFS } from '../actions/registry';
import type { CommandArgs } from '../actions/commands';
import type { CommandDef, Outcome } from '../actions/types';
import { useVisualizer, useVisualizerApi } from '../store';
import type { VisualizerState } from '../store/state';
import { ariaKeys, keyLabel } from '../ui/keyLabel';

/** The id of an app command (not a kernel action: those are offered by the palette and the inspector). */
type CommandId = keyof CommandArgs;

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'id' | 'onClick' | 'disabled' | 'title'> & {
  /** The command, as the registry declares it: its label, keys, availability and reason come from there. */
  readonly id: CommandId;
  /** Its arguments, when it takes some. */
  readonly args?: unknown;
  /** What the button shows (a symbol, a word that follows the state); the registry's label when absent. */
  readonly children?: ReactNode;
  /** The accessible name, when the face alone does not say it (`◀` is "Step back"). */
  readonly name?: string;
  /** What the tooltip says before the keys; the command's label when absent. */
  readonly hint?: string;
  /** The keys of another command that does this one's work here (B returns to a lesson by `blankOrReturn`). */
  readonly keysFrom?: CommandId;
  /** Hears what the door answered (a command whose effect the page carries out: src/share/commands.ts). */
  readonly onOutcome?: (outcome: Outcome) => void;
  /** Also disabled when the command could run, for a reason of this view (and that reason). */
  readonly unless?: string | null;
};

const defOf = (id: CommandId): CommandDef<unknown> | undefined => COMMAND_DEFS.find((c) => c.id === id);

/**
 * One command as a button, drawn from the registry: its label (or the face
 * given), its keys in the tooltip and in `aria-keyshortcuts`, and, when the
 * command cannot run now, disabled with the registry's reason — in the
 * tooltip, and read out through `aria-describedby`. A click runs it through
 * the visualizer's door, as a key or a host message would.
 */
export function CommandButton({
  id,
  args,
  children,
  name,
  hint,
  keysFrom,
  onOutcome,
  unless,
  className = 'btn',
  ...rest
}: Props) {
  const { run } = useVisualizerApi();
  const def = defOf(id);
  // A primitive, so the button renders again only when the answer changes ('' : it can run).
  const reason = useVisualizer((s: VisualizerState) => {
    const a = def?.available(s);
    return !a ? 'not a command of this visualizer' : a.enabled ? '' : a.reason;
  });
  const why = reason || unless || '';
  const reasonId = useId();
  const label = def?.label ?? id;
  const keys = (keysFrom ? defOf(keysFrom) : def)?.keys ?? [];
  const tip = `${hint ?? label}${keys.length ? ` (${keys.map(keyLabel).join(' · ')})` : ''}`;
  return (
    <>
      <button
        type="button"
        className={className}
        data-command={id}
        aria-label={name}
        aria-keyshortcuts={keys.length ? ariaKeys(keys) : undefined}
        aria-describedby={why ? reasonId : undefined}
        title={why ? `${tip}: ${why}` : tip}
        disabled={why !== ''}
        onClick={() => {
          // Run first, then tell: `onOutcome?.(run(…))` would not run it at all when no one listens.
          const outcome = run(id, args, 'button');
          onOutcome?.(outcome);
        }}
        {...rest}
      >
        {children ?? label}
      </button>
      {/* Beside the button, not in it (the text would join its name); hidden, yet read as its description. */}
      {why ? (
        <span id={reasonId} hidden>
          {why}
        </span>
      ) : null}
    </>
  );
}
