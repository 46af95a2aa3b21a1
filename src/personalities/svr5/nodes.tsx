import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { holdCount, isDdi8 } from '../../kernel/core';
import { Badge, Card, Chip, type HandleId } from '../../graph/nodes/Card';
import type { ChannelData, InstanceData, ModuleData } from './flow';

/** A module depends on others (out at the right, in at the left) and drives instances (out at the bottom). */
const MODULE_HANDLES: readonly HandleId[] = ['l', 'r', 'b'];
/** A STREAMS module also takes, at its bottom, the streams it is pushed on. */
const STREAMS_HANDLES: readonly HandleId[] = ['l', 'r', 'b', 'bt'];
/** An instance: its module comes in at the top, its open channels below it. */
const INSTANCE_HANDLES: readonly HandleId[] = ['t', 'bt'];

export const ModuleNode = memo(function ModuleNode({ data }: NodeProps & { data: ModuleData }) {
  const m = data.module;
  // The hold count: open channels, loaded dependents and the streams it is pushed on.
  const hold = holdCount(m);
  const idle = m.loaded && m.idleSince !== null ? data.clock - m.idleSince : null;
  return (
    <Card
      kind="module"
      title={m.name}
      subtitle={`${m.streams ? 'STREAMS · ' : ''}${m.isStatic ? 'static · ' : ''}DDI ${m.ddi}${isDdi8(m.ddi) ? '' : ' (pre-8)'} · ${m.hasUnload ? 'has _unload' : 'no _unload'}`}
      tone={m.loaded ? (hold > 0 ? 'pending' : 'ok') : 'ghost'}
      ghost={!m.loaded}
      highlighted={data.highlighted}
      label={`module ${m.name}, ${m.loaded ? `loaded by ${m.loadedBy}` : 'not loaded'}, hold count ${hold}`}
      handles={m.streams ? STREAMS_HANDLES : MODULE_HANDLES}
    >
      <Badge tone={m.loaded ? 'ok' : 'ghost'}>{m.loaded ? `loaded (${m.loadedBy})` : 'not loaded'}</Badge>
      {m.loaded ? <Badge tone={hold > 0 ? 'pending' : 'neutral'}>hold {hold}</Badge> : null}
      {idle !== null ? <Badge tone="info">idle {idle} s</Badge> : null}
      {data.candidate ? <Badge tone="info">auto-unload candidate</Badge> : null}
      {m.hba ? <Badge tone="danger">HBA</Badge> : null}
      {m.unloading ? <Badge tone="pending">_unload running</Badge> : null}
      {m.lastUnloadResult && m.lastUnloadResult !== '0' ? (
        <Badge tone="danger">_unload → {m.lastUnloadResult}</Badge>
      ) : null}
      {m.lastLoadResult && m.lastLoadResult !== '0' ? (
        <Badge tone="danger">_load → {m.lastLoadResult}</Badge>
      ) : null}
    </Card>
  );
});

export const InstanceNode = memo(function InstanceNode({ data }: NodeProps & { data: InstanceData }) {
  const d = data.instance;
  return (
    <Card
      kind="device"
      title={d.name}
      owner={d.module}
      tone={d.removed ? 'ghost' : d.channels.size > 0 ? 'pending' : 'neutral'}
      ghost={d.removed || !data.loaded}
      highlighted={data.highlighted}
      label={`device ${d.name} of ${d.module}, ${d.removed ? (d.addFailed ? 'not configured (CFG_ADD failed)' : 'removed (CFG_REMOVE)') : `${d.channels.size} open`}`}
      handles={INSTANCE_HANDLES}
    >
      <Badge tone={d.channels.size > 0 ? 'pending' : 'neutral'}>{d.channels.size} open</Badge>
      {d.removed ? <Badge tone="danger">{d.addFailed ? 'CFG_ADD failed' : 'removed'}</Badge> : null}
      {d.suspended ? <Badge tone="pending">CFG_SUSPEND</Badge> : null}
    </Card>
  );
});

export const ChannelNode = memo(function ChannelNode({ data }: NodeProps & { data: ChannelData }) {
  const c = data.channel;
  return (
    <Chip
      kind="open"
      title={c.name}
      tone="info"
      highlighted={data.highlighted}
      label={`channel ${c.name} open on ${c.device}`}
    />
  );
});
