import { LIMITS } from '../kernel/core';

/**
 * A generated Windows scenario of about `objects` objects (drivers, device
 * objects, handles, IRPs), for benchmarks and for trying the app at scale
 * (`?generate=1000`). Built from ordinary scenario steps, so the kernel makes
 * a real world from it: one bus driver, function drivers serving four stacks
 * each, a filter on every other stack, a handle on each stack and an IRP
 * pending on every other one.
 */
export function generatedScenario(objects: number): unknown {
  const plain = machine(objects, false);
  // A farm too large for a scenario's steps (LIMITS.steps: about 10,000 objects) gives each function
  // driver a control device made in its DriverEntry (a step that makes two objects), as a large
  // server's drivers often have for their tools; smaller machines stay exactly as they were.
  return plain.steps.length <= LIMITS.steps ? plain : machine(objects, true);
}

function machine(objects: number, controlDevices: boolean) {
  const steps: Record<string, unknown>[] = [{ do: 'loadDriver', driver: 'Bus' }];
  let count = 1;
  for (let i = 0; count < objects; i++) {
    if (i % 4 === 0) {
      steps.push({
        do: 'loadDriver',
        driver: `Func${i / 4}`,
        ...(controlDevices ? { controlDevice: `Ctl${i / 4}` } : {}),
      });
      count += controlDevices ? 2 : 1;
    }
    if (i % 8 === 0) {
      steps.push({ do: 'loadDriver', driver: `Filt${i / 8}` });
      count++;
    }
    const func = `Func${Math.floor(i / 4)}`;
    steps.push({ do: 'createDevice', driver: 'Bus', device: `Pdo${i}`, role: 'pdo' });
    steps.push({ do: 'createDevice', driver: func, device: `Fdo${i}`, role: 'fdo', attachTo: `Pdo${i}` });
    count += 2;
    if (i % 2 === 0) {
      const filt = `Filt${Math.floor(i / 8)}`;
      steps.push({
        do: 'createDevice',
        driver: filt,
        device: `Flt${i}`,
        role: 'filter',
        attachTo: `Pdo${i}`,
      });
      count++;
    }
    steps.push({ do: 'openHandle', device: `Pdo${i}`, handle: `h${i}` });
    count++;
    if (i % 2 === 1) {
      steps.push({ do: 'sendIrp', handle: `h${i}`, irp: `irp${i}` });
      count++;
    }
  }
  return {
    format: 'unload-scenario/1',
    title: `A generated machine: ${count} objects`,
    os: 'windows',
    summary: 'Generated for benchmarks: PnP stacks with filters, handles and pending IRPs.',
    steps,
  };
}
