import { Handle, Position } from '@xyflow/react';
import { Fragment, type ReactNode } from 'react';
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
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

interface CardProps {
  readonly kind: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly tone?: Tone;
  readonly ghost?: boolean;
  readonly highlighted: boolean;
  readonly children?: ReactNode;
  /** Describes the whole card for screen readers. */
  readonly label: string;
}

/** The body of a structural node (driver, device, module, instance) with the handles edges attach to. */
export function Card({
  kind,
  title,
  subtitle,
  tone = 'neutral',
  ghost,
  highlighted,
  children,
  label,
}: CardProps) {
  return (
    <div
      className={`card card-${tone}${ghost ? ' card-ghost' : ''}${highlighted ? ' card-highlight' : ''}`}
      aria-label={label}
      data-kind={kind}
    >
      <Handle type="target" position={Position.Top} id="t" isConnectable={false} />
      <Handle type="target" position={Position.Left} id="l" isConnectable={false} />
      <Handle type="target" position={Position.Right} id="sat" isConnectable={false} />
      <div className="card-head">
        <span className="card-kind">{kind}</span>
        <span className="card-title">{breakable(title)}</span>
      </div>
      {subtitle ? <div className="card-sub">{subtitle}</div> : null}
      {children ? <div className="card-badges">{children}</div> : null}
      <Handle type="source" position={Position.Bottom} id="b" isConnectable={false} />
      <Handle type="target" position={Position.Bottom} id="bt" isConnectable={false} />
      <Handle type="source" position={Position.Right} id="r" isConnectable={false} style={{ top: '75%' }} />
    </div>
  );
}

/** A name with a soft break after each backslash: `\Driver\` then the driver's name, never cut. */
function breakable(name: string): ReactNode {
  const parts = name.split('\\');
  return parts.map((p, i) => (
    <Fragment key={i}>
      {p}
      {i < parts.length - 1 ? (
        <>
          {'\\'}
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
