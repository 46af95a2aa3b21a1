import { Handle, Position } from '@xyflow/react';
import { Fragment, type CSSProperties, type ReactNode } from 'react';
import { CARD_HANDLES, type HandleId } from './handles';
import type { Tone } from '../../personalities/types';

export type { Tone };

/** A small labelled state marker: text and shape carry the meaning, colour only helps. */
export function Badge({
  tone = 'neutral',
  children,
  title,
}: {
  tone?: Tone;
  children: ReactNode;
  title?: string;
}) {
  return (
    <span className={`badge badge-${tone}${isIdentifier(children) ? ' badge-id' : ''}`} title={title}>
      {typeof children === 'string' ? breakAfter(children, '_') : children}
    </span>
  );
}

/** A state's name as the kernel spells it (DOE_REMOVE_PENDING, DRVO_UNLOAD_INVOKED): presenter mode sets it in monospace. */
function isIdentifier(children: ReactNode): boolean {
  return typeof children === 'string' && /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(children);
}

/** Each handle a card may draw, on its side (handles.ts holds where, for nodes not measured yet). */
const HANDLES: Record<HandleId, { type: 'source' | 'target'; position: Position; style?: CSSProperties }> =
  Object.fromEntries(
    Object.entries(CARD_HANDLES).map(([id, h]) => [
      id,
      {
        type: h.type,
        position: h.side as Position,
        ...(h.at === 0.5 ? {} : { style: { top: `${h.at * 100}%` } }),
      },
    ]),
  ) as never;

export type { HandleId };

interface CardProps {
  readonly kind: string;
  readonly title: string;
  readonly subtitle?: string;
  /**
   * The object's owner (a device's driver, an instance's module), first on the subtitle's line. Presenter
   * mode leaves it out (classroom.css): the edge from the owner's card says it, and the card is shorter.
   */
  readonly owner?: string;
  readonly tone?: Tone;
  readonly ghost?: boolean;
  readonly highlighted: boolean;
  readonly children?: ReactNode;
  /** Describes the whole card for screen readers. */
  readonly label: string;
  /** The handles its edges use (the flow's `s`/`t` and the satellites' target). */
  readonly handles: readonly HandleId[];
}

/** The body of a structural node (driver, device, module, instance) with the handles edges attach to. */
export function Card({
  kind,
  title,
  subtitle,
  owner,
  tone = 'neutral',
  ghost,
  highlighted,
  children,
  label,
  handles,
}: CardProps) {
  return (
    <div
      className={`card card-${tone}${ghost ? ' card-ghost' : ''}${highlighted ? ' card-highlight' : ''}`}
      aria-label={label}
      data-kind={kind}
    >
      {handles.map((id) => (
        <Handle key={id} id={id} isConnectable={false} {...HANDLES[id]} />
      ))}
      <div className="card-head">
        <span className="card-kind">{kind}</span>
        <span className="card-title">{breakable(title)}</span>
      </div>
      {subtitle || owner ? (
        <div className={`card-sub${owner ? ' card-sub-owned' : ''}`}>
          {[owner, subtitle].filter(Boolean).join(' · ')}
        </div>
      ) : null}
      {/* Presenter mode's line without the owner (classroom.css); hidden, and so unread and undrawn, elsewhere.
          The ordinary line stays one text, as the image export and the slide renderer read it. */}
      {owner && subtitle ? <div className="card-sub card-sub-short">{subtitle}</div> : null}
      {children ? <div className="card-badges">{children}</div> : null}
    </div>
  );
}

/** A name with a soft break after each backslash: `\Driver\` then the driver's name, never cut. */
function breakable(name: string): ReactNode {
  return breakAfter(name, '\\');
}

/**
 * Text with a soft break after each `mark`: a name that does not fit its
 * card wraps at a part (`DOE_DELETE_` then `PENDING`), not inside a word.
 */
function breakAfter(text: string, mark: string): ReactNode {
  const parts = text.split(mark);
  if (parts.length === 1) return text;
  return parts.map((p, i) => (
    <Fragment key={i}>
      {p}
      {i < parts.length - 1 ? (
        <>
          {mark}
          <wbr />
        </>
      ) : null}
    </Fragment>
  ));
}

/** A small object beside its anchor: a handle, an IRP, a registration, a channel. */
export function Chip({
  kind,
  title,
  detail,
  tone = 'neutral',
  highlighted,
  label,
}: {
  kind: string;
  title: string;
  detail?: string;
  tone?: Tone;
  highlighted: boolean;
  label: string;
}) {
  return (
    <div
      className={`chip chip-${tone}${highlighted ? ' card-highlight' : ''}`}
      aria-label={label}
      data-kind={kind}
    >
      <Handle type="source" position={Position.Left} isConnectable={false} />
      <span className="chip-kind">{kind}</span>
      <span className="chip-title">{title}</span>
      {detail ? <span className="chip-detail">{detail}</span> : null}
    </div>
  );
}
