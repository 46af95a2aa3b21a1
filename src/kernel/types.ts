import type { KernelEvent } from './events';

/** What one step of the kernel returns: the next world, the call's status, the events in order. */
export interface StepResult<W> {
  readonly world: W;
  /** Windows: an NTSTATUS name. SVR5: "0" or an errno name. */
  readonly status: string;
  readonly events: readonly KernelEvent[];
  /**
   * The world as each event was emitted, one per event (what had happened so
   * far; the changes an event leads to may come after it). An addition for
   * drawing a step event by event: `world` stays the step's result.
   */
  readonly moments?: readonly W[];
}
