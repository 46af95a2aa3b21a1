import type { Fault } from '../store';

/**
 * An action that threw inside the door, in words for a host (an `error` with `cause: "fault"`, a
 * component's `onError`, an element's `error` event): `the action "switchOs" threw: <message>`.
 * The door's own text already starts with the action's name; it is said once.
 */
export function actionFaultText({ id, error }: Fault): string {
  const message = error.startsWith(`${id}: `) ? error.slice(id.length + 2) : error;
  return `the action "${id}" threw: ${message}`;
}
