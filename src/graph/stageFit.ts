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
