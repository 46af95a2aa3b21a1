/**
 * Presenter mode's fit: the zoom and offset that show a box of the flow
 * (everything a lesson draws) as large as the stage allows, centred, with
 * a corner kept clear for what stands there (the legend's button, top
 * right). Pure arithmetic, so it is tested without a browser.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface StageFit {
  readonly zoom: number;
  /** The flow's offset on screen (React Flow's viewport x and y). */
  readonly x: number;
  readonly y: number;
}

/**
 * `stage`: the graph's box on screen (width, height); `content`: the box to
 * show, in flow units; `padding`: the share of the content kept around it;
 * `corner`: a top-right box on screen that nothing may be drawn under (its
 * width and height; 0 for none).
 */
export function fitStage(
  stage: { readonly width: number; readonly height: number },
  content: Rect,
  options: {
    readonly padding: number;
    readonly maxZoom: number;
    readonly corner?: { width: number; height: number };
  },
): StageFit {
  const room = 1 + 2 * options.padding;
  const place = (w: number, h: number, dx: number, dy: number): StageFit => {
    const zoom = Math.max(
      0,
      Math.min(w / (content.width * room), h / (content.height * room), options.maxZoom),
    );
    return {
      zoom,
      x: dx + (w - content.width * zoom) / 2 - content.x * zoom,
      y: dy + (h - content.height * zoom) / 2 - content.y * zoom,
    };
  };
  const whole = place(stage.width, stage.height, 0, 0);
  const corner = options.corner;
  if (!corner || corner.width <= 0 || corner.height <= 0) return whole;
  // Clear of the corner as centred: the content's box ends left of it or starts below it.
  const right = whole.x + (content.x + content.width) * whole.zoom;
  const top = whole.y + content.y * whole.zoom;
  if (right <= stage.width - corner.width || top >= corner.height) return whole;
  // Else the better of the two: the content below the corner, or left of it.
  const below = place(stage.width, stage.height - corner.height, 0, corner.height);
  const left = place(stage.width - corner.width, stage.height, 0, 0);
  return below.zoom >= left.zoom ? below : left;
}

/**
 * Where an open question stands on a folded stage (the panels away, only
 * the question beside the graph): beside the graph, in a column of
 * `column` px, or in a band of `band` px below it — whichever draws a
 * graph of this width-to-height `ratio` larger (by more than 2 %, so a
 * near tie keeps the column). Decided from the stage and the lesson, never
 * from the graph's box that the choice changes.
 */
export function questionBelow(
  stage: { readonly width: number; readonly height: number },
  ratio: number,
  room: { readonly column: number; readonly band: number },
): boolean {
  if (!(ratio > 0 && stage.width > 0 && stage.height > 0)) return false;
  const beside = Math.min((stage.width - room.column) / ratio, stage.height);
  const below = Math.min(stage.width / ratio, stage.height - room.band);
  return below > beside * 1.02;
}

/**
 * About how tall a question stands in a band `width` px wide with its text at
 * `floor` px (classroom.css, the band's type): a head line (the step and the
 * Back and Reveal buttons), the setup, the question a step larger, the
 * choices side by side in cells of at least 14rem, each as tall as the
 * longest. Characters are counted at an average width (0.55 of the size,
 * 0.6 bold), so it is an estimate for choosing a layout, never for drawing.
 */
export function questionBandHeight(
  texts: {
    readonly say?: string | undefined;
    readonly question: string;
    readonly choices: readonly string[];
  },
  width: number,
  floor: number,
): number {
  const inner = Math.max(1, width - 28);
  const lines = (text: string, size: number, room: number, em: number) =>
    text ? Math.max(1, Math.ceil((text.length * em * size) / Math.max(1, room))) : 0;
  const stem = floor * 1.15;
  const cell = 14 * 16;
  const columns = Math.max(1, Math.min(texts.choices.length, Math.floor((inner + 4) / (cell + 4))));
  const rows = Math.ceil(texts.choices.length / columns);
  // A cell: its padding (0.5em each side), the choice's number and gap (about 1.5em).
  const cellText = (inner - 4 * (columns - 1)) / columns - 2.5 * floor;
  const tallest = Math.max(0, ...texts.choices.map((c) => lines(c, floor, cellText, 0.55)));
  return Math.ceil(
    12 + // the band's padding and border
      floor * 1.45 + // the head line: the step's label, Back and Reveal
      lines(texts.say ?? '', floor, inner, 0.55) * floor * 1.3 +
      lines(texts.question, stem, inner, 0.6) * stem * 1.25 +
      rows * (tallest * floor * 1.3 + floor * 0.3 + 4) +
      3 * 3.2, // the gaps between them
  );
}
