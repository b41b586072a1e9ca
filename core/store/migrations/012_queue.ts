import type { Migration } from '../migrate';

/** Issue #18 (PLACEHOLDER, skeleton: its helper fills it in; unreleased, so it may still change). */
export const m012Queue: Migration = {
  version: 12,
  name: 'queue',
  up: () => undefined,
};
