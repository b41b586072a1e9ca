import type { Migration } from '../migrate';

/**
 * Staged chunked uploads (hardening #13, item 7). The bytes live in <data>/uploads/<id>.part; a row says who
 * owns them, how many bytes are durable, and (once finished) their checksum and detected type.
 */
export const m005Uploads: Migration = {
  version: 5,
  name: 'uploads',
  up(db) {
    db.exec(`
      CREATE TABLE uploads (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        purpose TEXT NOT NULL CHECK (purpose IN ('attachment','catalogue')),
        file_name TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        declared_sha256 TEXT,
        received INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL CHECK (state IN ('open','finished')),
        sha256 TEXT,
        detected_ext TEXT,
        detected_mime TEXT,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX uploads_owner ON uploads(owner);
      CREATE INDEX uploads_expires ON uploads(expires_at);
    `);
  },
};
