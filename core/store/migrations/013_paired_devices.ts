import type { Migration } from '../migrate';

/** Issue #18 (PLACEHOLDER, skeleton: its helper fills it in; unreleased, so it may still change). */
export const m013PairedDevices: Migration = {
  version: 13,
  name: 'paired_devices',
  up: () => undefined,
};
