import type { DeviceRole, DriverState } from '../../kernel/core';
import type { Tone } from '../types';

/**
 * Windows words, defined once: every card, inspector row, checklist line and
 * label takes them from here, so they never disagree.
 */

/** Device roles: the short name a card shows, and the long one the inspector spells out. */
export const ROLE: Readonly<Record<DeviceRole, { readonly short: string; readonly long: string }>> = {
  pdo: { short: 'PDO', long: 'PDO (physical device object, made by the bus driver)' },
  fdo: { short: 'FDO', long: 'FDO (functional device object)' },
  filter: { short: 'FiDO', long: 'FiDO (filter device object)' },
  control: { short: 'CDO', long: 'CDO (control device object)' },
  volume: { short: 'VDO', long: 'VDO (volume device object of a mounted file system)' },
};

/** A driver's state in a word or two, and how it looks. */
export const DRIVER_STATE: Readonly<Record<DriverState, { readonly word: string; readonly tone: Tone }>> = {
  loaded: { word: 'loaded', tone: 'ok' },
  unloadPending: { word: 'Unload Pending', tone: 'pending' },
  unloaded: { word: 'unloaded', tone: 'ghost' },
  entryFailed: { word: 'DriverEntry failed', tone: 'danger' },
};

/** PnP notification categories: the card's word and the name IoRegisterPlugPlayNotification takes. */
export const CATEGORY = {
  deviceInterfaceChange: { short: 'interface', long: 'EventCategoryDeviceInterfaceChange' },
  targetDeviceChange: { short: 'target', long: 'EventCategoryTargetDeviceChange' },
  hardwareProfileChange: { short: 'profile', long: 'EventCategoryHardwareProfileChange' },
} as const;

/** `\Driver\Beep`: a driver as the object manager names it. */
export const driverTitle = (name: string) => `\\Driver\\${name}`;
