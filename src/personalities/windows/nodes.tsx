import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { doeNames, hasDoFlag, referenceCount, removeLockCount } from '../../kernel/core';
import { Badge, Card, Chip, type HandleId } from '../../graph/nodes/Card';
import { useVisualizer } from '../../store';
import type { FrameData } from '../../graph/toFlow';
import type { Tone } from '../types';
import type { DeviceData, DriverData, HandleData, IrpData, ReferenceData, RegistrationData } from './flow';
import { CATEGORY, DRIVER_STATE, ROLE, driverTitle } from './vocabulary';

/** A driver owns devices (out at the bottom); its registrations sit below it. */
const DRIVER_HANDLES: readonly HandleId[] = ['b', 'bt'];
/** A device: its owner and the layer above come in at the top, it attaches down, its lane at the right. */
const DEVICE_HANDLES: readonly HandleId[] = ['t', 'b', 'sat'];
/** A PDO also links to its child devnodes: out at the right to a child, in at the left from its parent. */
const PDO_HANDLES: readonly HandleId[] = [...DEVICE_HANDLES, 'l', 'r'];

export const DriverNode = memo(function DriverNode({ data }: NodeProps & { data: DriverData }) {
  const d = data.driver;
  const { word: state, tone } = DRIVER_STATE[d.state];
  const ghost = d.state === 'unloaded' || d.state === 'entryFailed';
  // A driver drawn from a debugger paste that did not print DriverUnload: say so, never the simulator's guess.
  const unprinted = useVisualizer((s) => s.imported?.unloadNotPrinted.includes(d.name) ?? false);
  const unload = unprinted ? 'Unload not printed' : d.hasUnload ? 'has Unload' : 'no Unload routine';
  return (
    <Card
      kind="driver"
      title={driverTitle(d.name)}
      subtitle={`${d.model === 'pnp' ? 'PnP' : 'legacy'}${d.framework === 'kmdf' ? ' · KMDF' : ''} · ${unload}`}
      tone={tone}
      ghost={ghost}
      highlighted={data.highlighted}
      label={`driver ${d.name}, ${state}`}
      handles={DRIVER_HANDLES}
    >
      <Badge tone={tone}>{state}</Badge>
      {d.unloadInvoked ? <Badge tone="info">DRVO_UNLOAD_INVOKED</Badge> : null}
      {ghost && d.imageInMemory ? <Badge tone="danger">image still in memory</Badge> : null}
      {d.stuck ? <Badge tone="danger">stuck: no Unload</Badge> : null}
      {d.rebootRequired ? <Badge tone="danger">reboot required</Badge> : null}
      {d.verified ? <Badge tone="info">Driver Verifier</Badge> : null}
      {d.danglingTimer ? <Badge tone="danger">timer still queued</Badge> : null}
      {d.registrations.size > 0 ? (
        <Badge tone="pending">{d.registrations.size} PnP registration(s)</Badge>
      ) : null}
    </Card>
  );
});

export const DeviceNode = memo(function DeviceNode({ data }: NodeProps & { data: DeviceData }) {
  const d = data.device;
  const flags = doeNames(d.flags);
  const refs = referenceCount(d);
  // A device drawn from a debugger paste that did not print its RefCount: say so, never the simulator's 0.
  const unprinted = useVisualizer((s) => s.imported?.refCountNotPrinted.includes(d.name) ?? false);
  const refText = !unprinted ? String(refs) : refs === 0 ? '?' : `≥ ${refs}`;
  const tone: Tone = d.unlinked ? 'ghost' : flags.length > 0 ? 'pending' : 'neutral';
  return (
    <Card
      kind={ROLE[d.role].short}
      title={d.name}
      owner={d.driver}
      {...(d.devnode ? { subtitle: `devnode ${d.devnode}` } : {})}
      tone={tone}
      ghost={d.unlinked}
      highlighted={data.highlighted}
      label={`${ROLE[d.role].short} ${d.name} of ${d.driver}, RefCount ${unprinted && refs === 0 ? 'not printed' : refText}${flags.length ? `, ${flags.join(', ')}` : ''}`}
      handles={d.role === 'pdo' ? PDO_HANDLES : DEVICE_HANDLES}
    >
      <Badge
        tone={refs > 0 ? 'pending' : 'neutral'}
        title={
          unprinted
            ? 'ReferenceCount: open file objects. The paste did not print it (!devobj prints RefCount)'
            : 'ReferenceCount: open file objects'
        }
      >
        RefCount {refText}
      </Badge>
      {d.irps.size > 0 ? <Badge tone="pending">{d.irps.size} IRP(s)</Badge> : null}
      {d.obReferences.size > 0 ? <Badge tone="info">{d.obReferences.size} ObRef</Badge> : null}
      {flags.map((f) => (
        <Badge key={f} tone={f === 'DOE_DELETE_PENDING' ? 'danger' : 'pending'}>
          {f}
        </Badge>
      ))}
      {d.surpriseRemoved ? <Badge tone="danger">surprise-removed</Badge> : null}
      {hasDoFlag(d, 'DEVICE_INITIALIZING') ? <Badge tone="pending">DO_DEVICE_INITIALIZING</Badge> : null}
      {d.removeLock?.waiting ? (
        <Badge tone="pending" title="IRP_MN_REMOVE_DEVICE waits in IoReleaseRemoveLockAndWait">
          REMOVE waits: lock {removeLockCount(d)}
        </Badge>
      ) : null}
      {d.unlinked ? <Badge tone="danger">deleted, still referenced</Badge> : null}
    </Card>
  );
});

export const HandleNode = memo(function HandleNode({ data }: NodeProps & { data: HandleData }) {
  const h = data.handle;
  return (
    <Chip
      kind="handle"
      title={h.name}
      detail={h.state === 'closing' ? 'closing' : undefined}
      tone={h.state === 'closing' ? 'pending' : 'info'}
      highlighted={data.highlighted}
      label={`handle ${h.name} on ${h.device}${h.state === 'closing' ? ', closing' : ''}`}
    />
  );
});

export const IrpNode = memo(function IrpNode({ data }: NodeProps & { data: IrpData }) {
  const i = data.irp;
  return (
    <Chip
      kind="IRP"
      title={i.name}
      detail={i.major.replace('IRP_MJ_', '')}
      tone="pending"
      highlighted={data.highlighted}
      label={`IRP ${i.name}, ${i.major}, pending`}
    />
  );
});

export const RegistrationNode = memo(function RegistrationNode({
  data,
}: NodeProps & { data: RegistrationData }) {
  const r = data.registration;
  return (
    <Chip
      kind={r.mode === 'user' ? 'App notify' : 'PnP reg'}
      title={r.name}
      detail={r.mode === 'user' ? (r.app ?? '') : CATEGORY[r.category].short}
      tone={r.mode === 'user' ? 'info' : 'pending'}
      highlighted={data.highlighted}
      label={
        r.mode === 'user'
          ? `application ${r.app ?? ''} device notification ${r.name}, holds no driver`
          : `PnP notification registration ${r.name}, ${r.category}`
      }
    />
  );
});

export const ReferenceNode = memo(function ReferenceNode({ data }: NodeProps & { data: ReferenceData }) {
  const r = data.reference;
  return (
    <Chip
      kind="ObRef"
      title={r.name}
      tone="info"
      highlighted={data.highlighted}
      label={`object reference ${r.name} on ${r.device}`}
    />
  );
});

/** The frame behind a device stack: one unit, top at the top, its caption above it. */
export const FrameNode = memo(function FrameNode({ data }: NodeProps & { data: FrameData }) {
  return (
    <div className="stack-frame" style={{ width: data.width, height: data.height }}>
      <span className="stack-caption">{data.label}</span>
    </div>
  );
});
