/**
 * Every test run keeps audit keys (core/platform/audit-key-store.ts) in its own temporary owner-only folder, never
 * in the user's config folder; child processes (CLI, web mode) inherit it through the environment.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

process.env.MOTCUA_KEY_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'motcua-test-keys-'));
