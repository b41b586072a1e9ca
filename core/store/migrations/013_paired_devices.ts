import type { Migration } from '../migrate';

/**
 * Paired kiosks and display boards (issue #18).
 * - pairing_requests: a device's open request (the code it shows), live until expires_at; approving it links the
 *   device record, claiming it deletes it (the token is handed out once). Only the secret's SHA-256 is kept.
 *   Expired rows stay a while so a late claim is told "expired" rather than "unknown", then are purged.
 * - paired_devices: one row per device ever paired; token_hash is the SHA-256 of its token (null until claimed),
 *   revoked_at set once an admin revokes it (the row stays for the audit trail and the list).
 */
export const m013PairedDevices: Migration = {
  version: 13,
  name: 'paired_devices',
  up: (db) => {
    db.exec(`
      CREATE TABLE paired_devices (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('kiosk','board')),
        name TEXT NOT NULL,
        printer_uri TEXT,
        token_hash TEXT UNIQUE,
        paired_at TEXT NOT NULL,
        paired_by TEXT NOT NULL,
        last_seen_at TEXT,
        last_peer TEXT,
        revoked_at TEXT
      );

      CREATE TABLE pairing_requests (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        secret_hash TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('kiosk','board')),
        peer TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        device_id TEXT REFERENCES paired_devices(id)
      );
      -- Approving by code, and the code's uniqueness among live requests.
      CREATE INDEX pairing_requests_code ON pairing_requests(code, expires_at);
      -- The per-address bound on live requests.
      CREATE INDEX pairing_requests_peer ON pairing_requests(peer, created_at);
      CREATE INDEX pairing_requests_expiry ON pairing_requests(expires_at);
    `);
  },
};
