import { createContext, useContext } from 'react';

/**
 * The name of the visualizer a part is drawn in, when the page has several
 * (the pair view, documentation embeds): each part's landmark carries it, so
 * a page with two visualizers has no two landmarks of the same name.
 */
export const ViewName = createContext<string | undefined>(undefined);

/** A part's landmark name: `name`, after its visualizer's name when it has one. */
export function useLandmarkName(name: string): string {
  const view = useContext(ViewName);
  return view ? `${view}: ${name}` : name;
}
