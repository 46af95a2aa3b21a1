import type { ObjectRef } from '../../kernel/core';
import type { Part } from './parts';

/** An inspector value: text, with object names as buttons that inspect that object (like WinDbg's DML links). */
export function Value({ parts, onOpen }: { parts: readonly Part[]; onOpen: (ref: ObjectRef) => void }) {
  return (
    <>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          p
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
