/**
 * The height a frame needs to show its content without a scroll bar: the
 * content's height, less what the graph grew past its own minimum to fill a
 * frame taller than that (so a host that sizes the frame to it never loops).
 */
export function naturalHeight(root: HTMLElement): number {
  const h = root.getBoundingClientRect().height;
  const graph = root.querySelector<HTMLElement>('[data-grows]');
  if (!graph) return h;
  const min = Number.parseFloat(getComputedStyle(graph).minHeight) || 0;
  return h - Math.max(0, graph.getBoundingClientRect().height - min);
}

/** Calls `onHeight` with the natural height now and whenever the content or the frame changes size. */
export function watchHeight(root: HTMLElement, onHeight: (height: number) => void): () => void {
  const measure = () => onHeight(naturalHeight(root));
  const observer = new ResizeObserver(measure);
  const observeAll = () => {
    observer.observe(root);
    for (const child of root.children) observer.observe(child);
  };
  observeAll();
  // Panels come and go (lazy parts, a selection): watch the new ones too.
  const mutations = new MutationObserver(() => {
    observeAll();
    measure();
  });
  mutations.observe(root, { childList: true });
  measure();
  return () => {
    observer.disconnect();
    mutations.disconnect();
  };
}
