import type { Migration } from '../migrate';

/**
 * Login throttling state per account, per account from one peer, and per peer (hardening #13, items 1-3).
 * In SQLite, not in memory, so every process on the data folder (app, web mode, CLI) counts the same attempts.
 * `name` is the username as typed, NOCASE like users.username: a real and an unknown name fold alike, so their
 * answers cannot differ. users.failed_attempts / locked_until are no longer used (kept: migrations only add).
 */
export const m004AuthThrottle: Migration = {
  version: 4,
  name: 'auth_throttle',
  up(db) {
    db.exec(`
      CREATE TABLE auth_throttle (
        scope TEXT NOT NULL CHECK (scope IN ('account', 'account_peer', 'peer')),
        name TEXT NOT NULL COLLATE NOCASE DEFAULT '',
        peer TEXT NOT NULL DEFAULT '',
        failures INTEGER NOT NULL DEFAULT 0,
        window_start TEXT NOT NULL,
        blocked_until TEXT,
        PRIMARY KEY (scope, name, peer)
      );
      CREATE INDEX auth_throttle_window ON auth_throttle(window_start);
      UPDATE users SET failed_attempts = 0, locked_until = NULL;
    `);
  },
};
