import type { NodeTypes } from '@xyflow/react';
import { ChannelNode, InstanceNode, ModuleNode } from './svr5';
import { DeviceNode, DriverNode, HandleNode, IrpNode, ReferenceNode, RegistrationNode } from './windows';

/** One component per node kind; defined once at module scope so React Flow never re-mounts them. */
export const NODE_TYPES: NodeTypes = {
  driver: DriverNode,
  device: DeviceNode,
  handle: HandleNode,
  irp: IrpNode,
  registration: RegistrationNode,
  reference: ReferenceNode,
  module: ModuleNode,
  instance: InstanceNode,
  channel: ChannelNode,
};
