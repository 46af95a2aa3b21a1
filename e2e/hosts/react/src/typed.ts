// Compiled by the fixture's `tsc --noEmit` (skipLibCheck: false), not bundled: the package's types as a
// host's code meets them. A line that stops compiling, or an @ts-expect-error that stops failing, fails.
import 'unload-lens/element';
import {
  type ActionArgs,
  type BuiltInScenarioId,
  type ScenarioInput,
  type UnloadVisualizerProps,
} from 'unload-lens';

const el = document.querySelector('unload-visualizer');
if (el) {
  el.addEventListener('statechange', (e) => console.log(e.detail.step, e.detail.steps, e.detail.status));
  el.addEventListener('error', (e) => console.warn(e.detail.message));
  el.run('closeHandle', { handle: 'h1' });
  el.run('goTo', { step: 3 });
  el.run('pause');
  // @ts-expect-error closeHandle needs its handle
  el.run('closeHandle');
  const step: number = el.state.step;
  console.log(step, el.goto(2).ok);
}
const id: BuiltInScenarioId = 'windows-default';
// @ts-expect-error not a built-in scenario's id
const wrong: BuiltInScenarioId = 'windows-defaults';
const input: ScenarioInput = id;
const props: UnloadVisualizerProps = { scenario: input, step: 2, theme: 'dark', controls: 'none' };
// @ts-expect-error not a theme
const badTheme: UnloadVisualizerProps = { theme: 'blue' };
const args: ActionArgs<'goTo'> = [{ step: 1 }];
console.log(wrong, props, badTheme, args);
