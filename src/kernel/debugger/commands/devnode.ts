import { after, append, isFlagContinuation, pairs, parenthesised } from '../fields';
import { BaseReader, END, READ, SKIP, headerOf, unread, type Outcome } from '../reader';
import { flagNames, hexNumber, pointer, quoted, type Line } from '../text';
import type { DebuggerDevnode } from '../types';

/**
 * `!devnode <addr> [flags]` (debugger docs: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-devnode,
 * and "Determining the Status of a Device" for older output). Each node:
 *
 *   DevNode 0x<addr> for PDO 0x<addr> [at level 0x2]
 *     Parent 0x<addr>   Sibling 0x<addr>   Child 0x<addr>
 *     InstancePath is "<path>"
 *     ServiceName is "<service>"
 *     State = DeviceNodeStarted (0x308)
 *     Previous State = DeviceNodeEnumerateCompletion (0x30d)
 *     StateHistory[04] = … (0x30d)
 *     Flags (0x…)  DNF_…, …                 (wraps onto indented lines)
 *     Problem = CM_PROB_FAILED_ADD
 *     Problem Status = 0xc00000bb
 *
 * `!devnode 0 1` prints the whole tree, one node after another, indented;
 * flags 2, 4 and 8 add resource lists, which are known and skipped.
 */

const FIELD =
  'a !devnode line ("Parent …", "InstancePath is …", "ServiceName is …", "State = …", "Flags (…)", "Problem = …")';

/** Lines the reader knows and does not keep (kdexts prints them for every node). */
const KNOWN = [
  /^ *Parent /i,
  /^ *InterfaceType /i,
  /^ *TargetDeviceNotify List/i,
  /^ *StateHistory\[/i,
  /^ *\.{3,}$/,
  /^ *(User|Capability|Disable)Flags\b/i,
  /^ *DisableableDepends/i,
  /^ *(Reset|Legacy)BusNumber/i,
  /^ *Dumping IopRootDeviceNode/i,
];

/** The start of a resource listing (flags 2, 4, 8): everything indented under it is skipped. */
const RESOURCES = /^ *(IoResList|CmResourceList|TranslatedResourceList|BootResourcesList) at /i;

export class DevnodeReader extends BaseReader {
  readonly kind = 'devnode';
  private node?: DebuggerDevnode;
  private flags: 'no' | 'dnf' | 'other' = 'no';
  private resources = false;
  private seenNode = false;

  feed(line: Line): Outcome {
    const t = line.text;
    const h = headerOf(t);
    if (h !== undefined && h !== 'devnode') return END;
    this.last = line.n;
    if (/^ *Dumping IopRootDeviceNode/i.test(t)) return SKIP;
    const node = /^ *DevNode +((?:0x)?[0-9a-f`]+) +for PDO +((?:0x)?[0-9a-f`]+)/i.exec(t);
    if (node) return this.start(line.n, node[1], node[2]);
    if (!this.node) return unread('"DevNode (addr) for PDO (addr)" after !devnode');
    if (this.flags !== 'no' && isFlagContinuation(t)) {
      if (this.flags === 'dnf') this.node.flags = append(this.node.flags ?? [], flagNames(t), true);
      return READ;
    }
    this.flags = 'no';
    if (RESOURCES.test(t)) this.resources = true;
    if (this.resources && /^ {2,}/.test(t)) return SKIP;
    return this.field(t);
  }

  private start(n: number, address: string | undefined, pdo: string | undefined): Outcome {
    const a = pointer(address);
    const p = pointer(pdo);
    this.resources = false;
    this.flags = 'no';
    this.seenNode = true;
    if (!a) return unread('"DevNode (addr) for PDO (addr)" with a devnode address');
    this.begin(n);
    this.node = this.ctx.store.devnode(a, this.src, p ? { pdo: p } : {});
    if (p) this.ctx.store.device(p, this.src, { devnode: a });
    return READ;
  }

  private field(t: string): Outcome {
    const node = this.node;
    if (!node) return SKIP;
    const store = this.ctx.store;
    const set = (patch: Partial<DebuggerDevnode>) => {
      store.devnode(node.address, this.src, patch);
      return READ;
    };
    if (/^ *Parent /i.test(t)) {
      const parent = pointer(pairs(t).get('parent'));
      return parent ? set({ parent }) : SKIP;
    }
    const inst = after(t, 'InstancePath is');
    if (inst !== undefined) return set({ instancePath: quoted(inst) });
    const service = after(t, 'ServiceName is');
    if (service !== undefined) return set({ service: quoted(service) });
    const state = /^ *(Previous )?State = +(\w+)(?: +\((0x[0-9a-f]+)\))?/i.exec(t);
    if (state) {
      if (state[1]) return set({ previousState: state[2] });
      return set({ state: state[2], stateCode: hexNumber(state[3]) });
    }
    const problem = /^ *Problem = +(\S+)/i.exec(t);
    if (problem) return set({ problem: problem[1] });
    const status = /^ *Problem Status = +(\S+)/i.exec(t);
    if (status) return set({ problemStatus: status[1] });
    const flags = parenthesised(t, 'Flags');
    if (flags) {
      this.flags = 'dnf';
      return set({ flags: flagNames(flags.rest) });
    }
    if (KNOWN.some((re) => re.test(t))) {
      if (/Flags\b/i.test(t)) this.flags = 'other';
      return SKIP;
    }
    return unread(FIELD);
  }

  finish(): void {
    if (this.seenNode || this.gaveUp) return;
    this.cutOff(this.last, 'the !devnode output ends before its first "DevNode (addr) for PDO (addr)"');
  }
}
