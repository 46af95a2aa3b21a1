import type { NodeTypes } from '@xyflow/react';
import type { Os } from '../kernel/core';
import { guardNodeTypes } from '../graph/nodeBoundary';
import { ChannelNode, InstanceNode, ModuleNode } from './svr5/nodes';
import {
  DeviceNode,
  DriverNode,
  FrameNode,
  HandleNode,
  IrpNode,
  ReferenceNode,
  RegistrationNode,
} from './windows/nodes';

/** Each OS's node components (React), keyed like the personalities: a missing OS is a compile error. */
const BY_OS: { readonly [O in Os]: NodeTypes } = {
  windows: {
    driver: DriverNode,
    device: DeviceNode,
    handle: HandleNode,
    irp: IrpNode,
    registration: RegistrationNode,
    reference: ReferenceNode,
    frame: FrameNode,
  },
  svr5: { module: ModuleNode, instance: InstanceNode, channel: ChannelNode },
};

/** Every node component, defined once at module scope so React Flow never re-mounts them; each behind its own error boundary. */
export const NODE_TYPES: NodeTypes = guardNodeTypes(Object.assign({}, ...Object.values(BY_OS)) as NodeTypes);
