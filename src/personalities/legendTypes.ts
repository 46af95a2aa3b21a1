/**
 * What every shape, border, badge and edge of the graph means, per OS (the
 * legend). A sample is drawn with the graph's own classes, so the legend
 * cannot drift from the drawing.
 */
export type LegendSample =
  | {
      readonly kind: 'card';
      readonly tone: 'neutral' | 'ok' | 'pending' | 'danger' | 'ghost';
      readonly text: string;
    }
  | { readonly kind: 'chip'; readonly tone: 'info' | 'pending'; readonly text: string }
  | {
      readonly kind: 'badge';
      readonly tone: 'neutral' | 'ok' | 'pending' | 'danger' | 'info';
      readonly text: string;
    }
  | { readonly kind: 'edge'; readonly edge: 'attach' | 'own' | 'info' | 'pending' | 'depends' | 'reference' }
  | { readonly kind: 'frame' }
  | { readonly kind: 'token'; readonly text: string }
  | { readonly kind: 'ring'; readonly text: string };

interface LegendEntry {
  readonly sample: LegendSample;
  readonly meaning: string;
}

export interface LegendSection {
  readonly title: string;
  readonly entries: readonly LegendEntry[];
}
