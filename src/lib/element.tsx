import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Outcome } from '../actions/types';
import { CONTROLS, type Controls } from '../embed/params';
import { THEMES, type StateReport, type ThemeChoice } from '../embed/protocol';
import { stateReport } from '../embed/report';
import { createVisualizer, type Visualizer } from '../store';
import { UnloadVisualizer } from './UnloadVisualizer';

const ATTRIBUTES = ['scenario', 'step', 'theme', 'controls', 'speed', 'autoplay', 'label'] as const;

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  (allowed as readonly (string | null)[]).includes(value) ? (value as T) : undefined;

function wholeNumber(value: string | null): number | undefined {
  return value !== null && /^\d{1,9}$/.test(value.trim()) ? Number(value) : undefined;
}

/**
 * `<unload-visualizer scenario="windows-default" step="4" theme="auto" controls="minimal">`:
 * one visualizer for pages that are not React. Each element has its own
 * store and shadow root; attributes can change at any time. It fires
 * `statechange` (detail: the step, steps, status and checklist) after every
 * change and `error` (detail: { message }) when a scenario or step given
 * cannot be shown; and it can be driven from script:
 *
 *   el.goto(3); el.step(-1); el.play(); el.pause(); el.run('closeHandle', { handle: 'h1' });
 */
export class UnloadVisualizerElement extends HTMLElement {
  static readonly observedAttributes = ATTRIBUTES;

  /** This element's visualizer: its store and its door. */
  readonly visualizer: Visualizer = createVisualizer();
  #root: Root | null = null;
  #mount: HTMLDivElement | null = null;

  connectedCallback(): void {
    if (!this.#mount) {
      this.#mount = document.createElement('div');
      this.append(this.#mount);
    }
    this.#root ??= createRoot(this.#mount);
    this.#render();
  }

  disconnectedCallback(): void {
    // Unmounted after the current task, so moving the element in the page does not rebuild it.
    queueMicrotask(() => {
      if (this.isConnected || !this.#root) return;
      this.#root.unmount();
      this.#root = null;
    });
  }

  attributeChangedCallback(): void {
    if (this.#root) this.#render();
  }

  /** Where it stands now (what `statechange` reports). */
  get state(): StateReport {
    return stateReport(this.visualizer.getState());
  }

  /** Any command or kernel action, through the visualizer's door (as a host message's `dispatch`). */
  run(id: string, args?: unknown): Outcome {
    return this.visualizer.run(id, args, 'embed');
  }

  goto(step: number): Outcome {
    return this.run('goTo', { step });
  }

  step(delta = 1): Outcome {
    return this.run('stepBy', { delta });
  }

  play(): Outcome {
    return this.run('play');
  }

  pause(): Outcome {
    return this.run('pause');
  }

  #render(): void {
    const speed = Number(this.getAttribute('speed'));
    const props = {
      visualizer: this.visualizer,
      scenario: this.getAttribute('scenario') ?? undefined,
      step: wholeNumber(this.getAttribute('step')),
      theme: oneOf<ThemeChoice>(this.getAttribute('theme'), THEMES),
      controls: oneOf<Controls>(this.getAttribute('controls'), CONTROLS),
      speed: this.hasAttribute('speed') && speed >= 0.25 && speed <= 8 ? speed : undefined,
      autoplay: this.hasAttribute('autoplay') && this.getAttribute('autoplay') !== 'false',
      label: this.getAttribute('label') ?? undefined,
      onStateChange: (detail: StateReport) => this.dispatchEvent(new CustomEvent('statechange', { detail })),
      onError: (message: string) => this.dispatchEvent(new CustomEvent('error', { detail: { message } })),
    };
    // Without a scenario attribute, the default scenario (the element's visualizer starts empty).
    this.#root?.render(
      <StrictMode>
        <UnloadVisualizer {...props} scenario={props.scenario ?? 'windows-default'} />
      </StrictMode>,
    );
  }
}

/** Defines `<unload-visualizer>` (or another name) once; safe to call again. */
export function defineUnloadVisualizer(name = 'unload-visualizer'): void {
  if (!customElements.get(name)) customElements.define(name, class extends UnloadVisualizerElement {});
}
