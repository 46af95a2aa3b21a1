import { kernelFor, type ObjectRef, type World } from '../kernel/core';
import { shownWorld } from './moment';
import type { HistoryEntry, VisualizerState } from './state';

type AppState = VisualizerState;

/**
 * Selectors live here, at module scope, so components subscribe narrowly:
 * none subscribes to the whole store.
 */

/** The world drawn: while a step animates, as of the event being animated (animation that tells the truth). */
export const selectWorld = (s: AppState): World => shownWorld(s);

export const selectCurrentEntry = (s: AppState): HistoryEntry | undefined => s.entries[s.cursor - 1];
export const selectEntries = (s: AppState) => s.entries;
export const selectCursor = (s: AppState) => s.cursor;
export const selectOs = (s: AppState) => s.os;
export const selectSelection = (s: AppState) => s.selection;
export const selectHighlight = (s: AppState) => s.highlight;
export const selectTheme = (s: AppState) => s.theme;
export const selectPaletteOpen = (s: AppState) => s.paletteOpen;
export const selectHelpOpen = (s: AppState) => s.helpOpen;
export const selectTitle = (s: AppState) => s.title;
export const selectSummary = (s: AppState) => s.summary;
export const selectCount = (s: AppState) => s.entries.length;
export const selectSpeed = (s: AppState) => s.speed;
export const selectInstant = (s: AppState) => s.instant;
export const selectPlaying = (s: AppState) => s.playing;
export const selectInitial = (s: AppState) => s.initial;
/** Playing through the steps on its own: one switch for the app's timeline, lessons and embeds. */
export const selectAutoplay = (s: AppState) => s.classroom.autoplay;
/** Where every structural object stands: computed once per change, shared by the graph and the animation. */
export const selectLayout = (s: AppState) =>
  s.stage && s.stage.base === s.layout ? s.stage.layout : s.layout;
/** Where the layout placed them, before presenter mode shapes them to its stage. */
export const selectPlacedLayout = (s: AppState) => s.layout;

/** The driver or module the checklist and inspector are about, from the selection (its OS's personality says). */
export function ownerOf(world: World, ref: ObjectRef | null): string | null {
  return ref ? kernelFor(world).ownerOf(world, ref) : null;
}
