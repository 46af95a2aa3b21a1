import { createContext, useContext } from 'react';

/**
 * The name of the visualizer a panel belongs to, when a page shows more than
 * one (the compare view: Windows beside SVR5). A panel's landmark is then
 * named after it ("Windows: Unload checklist"), so a screen reader's list of
 * landmarks has no two of the same name (axe's landmark-unique). Null: the
 * page's only visualizer, its panels keep their plain names.
 */
export const RegionOwner = createContext<string | null>(null);

/** A panel's landmark name, after its visualizer's when the page has several. */
export function useRegionName(name: string): string {
  const owner = useContext(RegionOwner);
  return owner ? `${owner}: ${name}` : name;
}
