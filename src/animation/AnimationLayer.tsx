/** Plays the current step's events over the graph (inside React Flow). */
export function AnimationLayer() {
  return null;
}
