import { create } from 'zustand';
import { createSessionSlice, type SessionSlice } from './session';
import { createUiSlice, type UiSlice } from './ui';

export type AppState = SessionSlice & UiSlice;

/** The app's one store, in slices: the session (world and history) and the UI. */
export const useApp = create<AppState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createUiSlice(...a),
}));

export type { ActionSource, HistoryEntry } from './session';
export type { Theme } from './ui';
