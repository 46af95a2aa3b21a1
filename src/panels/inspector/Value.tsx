import type { ObjectRef } from '../../kernel/core';
import type { Part } from './parts';

/**
 * An inspector value: text, with object names as buttons that inspect that
 * object (like WinDbg's DML links); `heldBack`: without the consequences
 * that would answer a question the class is predicting (parts.ts `Consequence`).
 */
export function Value({
  parts,
  onOpen,
  heldBack = false,
}: {
  parts: readonly Part[];
  onOpen: (ref: ObjectRef) => void;
  heldBack?: boolean;
}) {
  return (
    <>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          p
        ) : 'consequence' in p ? (
          heldBack ? null : (
            p.consequence
          )
        ) : (
          <button
            key={i}
            type="button"
            className="inspector-link underline decoration-dotted underline-offset-2 hover:decoration-solid"
            style={{ color: 'var(--info)' }}
            title={`Inspect ${p.ref.kind} ${p.ref.name}`}
            onClick={() => onOpen(p.ref)}
          >
            {p.text}
          </button>
        ),
      )}
    </>
  );
}
