import type { Driver } from '../../kernel/core';
import { consequence, row, type InspectorRow } from '../../panels/inspector/parts';

/**
 * A driver's inspector rows for what it runs under and what it gets wrong at unload: KMDF and the
 * framework references it holds, Driver Verifier, and the modelled mistakes (a forgotten
 * IRP_MJ_CLEANUP, pool, an ETW provider, a WMI callback or a timer left behind). The driver object's
 * own fields are inspector.ts's.
 */
export function driverMistakeRows(d: Driver): InspectorRow[] {
  const rows: InspectorRow[] = [];
  if (d.forgetsCleanup) {
    rows.push(
      row(
        'DispatchCleanup',
        ['driver bug', consequence(': leaves the file object’s queued IRPs pending')],
        'IRP_MJ_CLEANUP: the driver must cancel and complete the queued IRPs of the file object being closed',
      ),
    );
  }
  if (d.framework === 'kmdf') {
    rows.push(
      row(
        'Framework',
        `KMDF${d.evtDriverUnload ? ', with EvtDriverUnload' : ', no EvtDriverUnload'}`,
        'The framework answers PnP IRPs, cancels a closing file’s queued requests, closes remote I/O targets, detaches and deletes the driver’s devices',
      ),
    );
  }
  if ((d.wdfRefs ?? []).length > 0) {
    rows.push(
      row(
        'WdfObjectReference held',
        (d.wdfRefs ?? []).map((r) => `${r.device} (tag ${r.tag})`).join(', '),
        'Framework references the driver took and has not yet released; the object’s destroy callback waits for them',
      ),
    );
  }
  if (d.verified)
    rows.push(row('Driver Verifier', 'on (verifier /driver)', 'Unload mistakes become bug checks'));
  if (d.leaksPool)
    rows.push(row('Pool at unload', ['driver bug', consequence(': Unload leaves pool allocated')]));
  if (d.leavesEtwProvider)
    rows.push(row('ETW provider at unload', ['driver bug', consequence(': Unload leaves it registered')]));
  if (d.leavesWmiCallback)
    rows.push(row('WMI callback at unload', ['driver bug', consequence(': Unload leaves it registered')]));
  if (d.leavesTimer || d.danglingTimer) {
    rows.push(
      row(
        'Timer at unload',
        d.danglingTimer
          ? ['still queued in the freed image', consequence(': when it fires, bug check 0xCE')]
          : ['driver bug', consequence(': Unload leaves a timer queued')],
      ),
    );
  }
  return rows;
}
