// Compiled by the fixture's `tsc --noEmit` (skipLibCheck: false), not bundled: the package's types as a
// host's code meets them. A line that stops compiling, or an @ts-expect-error that stops failing, fails.
import 'unload-lens/element';
import {
  type ActionArgs,
  type BuiltInScenarioId,
  type ScenarioInput,
  type UnloadVisualizerProps,
} from 'unload-lens';
import { connect, LensError, type Result } from 'unload-lens/sdk';

const el = document.querySelector('unload-visualizer');
if (el) {
  el.addEventListener('statechange', (e) => console.log(e.detail.step, e.detail.steps, e.detail.status));
  el.addEventListener('error', (e) => console.warn(e.detail.message));
  el.run('closeHandle', { handle: 'h1' });
  el.run('goTo', { step: 3 });
  el.run('pause');
  // @ts-expect-error not an action: the id union is real, not `string`
  el.run('closeHandles', { handle: 'h1' });
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

// The promise SDK for frames, as docs/embed.md shows it.
const frame = document.querySelector('iframe');
if (frame) {
  const lens = connect(frame);
  void lens.ready
    .then(async (ready) => {
      const at: Result = await lens.goto(3);
      console.log(ready.version, at.step, at.status);
      await lens.dispatch('closeHandle', { handle: 'h1' });
      await lens.dispatch('pause');
      await lens.load('svr5-default', 2);
      // @ts-expect-error closeHandle needs its handle
      await lens.dispatch('closeHandle');
      // @ts-expect-error not an action
      await lens.dispatch('closeHandles', { handle: 'h1' });
      lens.on('state', (s) => console.log(s.step, s.steps));
    })
    .catch((e: unknown) => console.warn(e instanceof LensError ? e.kind : e));
}
console.log(wrong, props, badTheme, args);
