import { explainUnload, type ObjectRef, type World } from '../kernel';
import type { AppState } from './index';
import type { HistoryEntry } from './session';

/**
 * Selectors live here, at module scope, so components subscribe narrowly:
 * none subscribes to the whole store.
 */

export const selectWorld = (s: AppState): World =>
  s.cursor === 0 ? s.initial : (s.entries[s.cursor - 1]?.world ?? s.initial);

export const selectCurrentEntry = (s: AppState): HistoryEntry | undefined => s.entries[s.cursor - 1];
export const selectEntries = (s: AppState) => s.entries;
export const selectCursor = (s: AppState) => s.cursor;
export const selectOs = (s: AppState) => s.os;
export const selectSelection = (s: AppState) => s.selection;
export const selectHighlight = (s: AppState) => s.highlight;
export const selectTheme = (s: AppState) => s.theme;
export const selectPaletteOpen = (s: AppState) => s.paletteOpen;
export const selectHelpOpen = (s: AppState) => s.helpOpen;
export const selectCanUndo = (s: AppState) => s.cursor > 0;
export const selectCanRedo = (s: AppState) => s.cursor < s.entries.length;

/** The driver (Windows) or module (SVR5) the checklist and inspector are about, from the selection. */
export function ownerOf(world: World, ref: ObjectRef | null): string | null {
  if (!ref) return null;
  if (world.os === 'windows') {
    switch (ref.kind) {
      case 'driver':
        return ref.name;
      case 'device':
        return world.devices.get(ref.name)?.driver ?? null;
      case 'handle': {
        const h = world.handles.get(ref.name);
        return h ? (world.devices.get(h.device)?.driver ?? null) : null;
      }
      case 'irp': {
        const irp = world.irps.get(ref.name);
        const at = irp?.path[irp.path.length - 1];
        return at ? (world.devices.get(at)?.driver ?? null) : null;
      }
      case 'registration':
        return world.registrations.get(ref.name)?.driver ?? null;
      case 'reference': {
        const r = world.references.get(ref.name);
        return r ? (world.devices.get(r.device)?.driver ?? null) : null;
      }
      default:
        return null;
    }
  }
  switch (ref.kind) {
    case 'module':
      return ref.name;
    case 'device':
      return world.devices.get(ref.name)?.module ?? null;
    case 'channel': {
      const c = world.channels.get(ref.name);
      return c ? (world.devices.get(c.device)?.module ?? null) : null;
    }
    default:
      return null;
  }
}

export function explainSelected(world: World, ref: ObjectRef | null) {
  const owner = ownerOf(world, ref);
  return owner ? explainUnload(world, owner) : null;
}

// Actions, selected once so panels bind handlers without subscribing to the whole store.
export const selectSelect = (s: AppState) => s.select;
export const selectSetHighlight = (s: AppState) => s.setHighlight;
export const selectJumpTo = (s: AppState) => s.jumpTo;
