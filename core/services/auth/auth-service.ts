/**
 * Accounts, logins and sessions. Session tokens are random; only their SHA-256 is stored, so a copied
 * database does not hand out live sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../contract/method';
import type { SessionInfo, User } from '../../contract/auth';
import { AppError } from '../../contract/errors';
import type { Clock } from '../../platform/clock';
import { inTransaction, type Db } from '../../store/database';
import type { Actor } from '../actor';
import { actorLabel } from '../actor';
import type { AuditLog } from '../audit/audit-log';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';

export interface AuthPolicy {
  maxFailedAttempts: number;
  lockMinutes: number;
  /** Absolute lifetime of a session. */
  sessionHours: number;
  /** A session unused this long expires. */
  idleMinutes: number;
}
export const DEFAULT_AUTH_POLICY: AuthPolicy = { maxFailedAttempts: 5, lockMinutes: 15, sessionHours: 12, idleMinutes: 120 };

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
}

export interface SessionPrincipal {
  tokenHash: string;
  user: User;
  expiresAt: string;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

function toUser(r: UserRow): User {
  return { id: r.id, username: r.username, displayName: r.display_name, role: r.role, disabled: r.disabled === 1, createdAt: r.created_at };
}

/** Unknown usernames whose failed logins are remembered (oldest forgotten first). */
const MAX_UNKNOWN_LOGINS = 10_000;

export class AuthService {
  private readonly unknownLogins = new Map<string, { failed: number; lockedUntil?: number }>();

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly policy: AuthPolicy = DEFAULT_AUTH_POLICY,
  ) {}

  private nowIso(): string {
    return this.clock.now().toISOString();
  }

  needsSetup(): boolean {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin'").get() as { n: number }).n === 0;
  }

  private findByUsername(username: string): UserRow | undefined {
    return this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?').get(username);
  }

  getUser(id: number): User {
    const row = this.db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?').get(id);
    if (!row) throw new AppError('NOT_FOUND', { what: `user ${id}` });
    return toUser(row);
  }

  listUsers(): User[] {
    return this.db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username').all().map(toUser);
  }

  async createUser(actor: Actor, input: { username: string; displayName: string; role: Role; password: string }): Promise<User> {
    const hash = await hashPassword(input.password);
    return inTransaction(this.db, () => {
      if (this.findByUsername(input.username)) throw new AppError('AUTH_USERNAME_TAKEN', { username: input.username }, { field: 'username' });
      const now = this.nowIso();
      const who = actorLabel(actor);
      const info = this.db
        .prepare(
          `INSERT INTO users (username, display_name, role, password_hash, created_at, created_by, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.username, input.displayName, input.role, hash, now, who, now, who);
      const id = Number(info.lastInsertRowid);
      this.audit.append(actor, { action: 'user.create', entity: 'user', entityId: id, data: { username: input.username, role: input.role } });
      return this.getUser(id);
    });
  }

  /** First run: only while there is no admin. */
  async setupAdmin(input: { username: string; displayName: string; password: string }, transport: string, peer: string): Promise<SessionInfo> {
    if (!this.needsSetup()) throw new AppError('AUTH_SETUP_DONE');
    const system: Actor = { kind: 'system', name: 'first-run', role: 'admin' };
    const hash = await hashPassword(input.password);
    const userId = inTransaction(this.db, () => {
      if (!this.needsSetup()) throw new AppError('AUTH_SETUP_DONE');
      const now = this.nowIso();
      const info = this.db
        .prepare(
          `INSERT INTO users (username, display_name, role, password_hash, created_at, created_by, updated_at, updated_by)
           VALUES (?, ?, 'admin', ?, ?, ?, ?, ?)`,
        )
        .run(input.username, input.displayName, hash, now, actorLabel(system), now, actorLabel(system));
      const id = Number(info.lastInsertRowid);
      this.audit.append(system, { action: 'user.setup_admin', entity: 'user', entityId: id, data: { username: input.username } });
      return id;
    });
    return this.openSession(this.getUser(userId), transport, peer);
  }

  /**
   * Every wrong password gets the same answer whether or not the username exists: no attempt count, and
   * unknown usernames "lock" after as many tries as real ones (counted in memory), so neither the reply nor
   * the lock tells a stranger which accounts exist. A disabled account says so only to its right password.
   */
  async login(username: string, password: string, transport: string, peer: string): Promise<SessionInfo> {
    const row = this.findByUsername(username);
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    const now = this.clock.now();
    if (!row) this.failUnknown(username, now);
    if (row.locked_until && new Date(row.locked_until) > now) {
      throw new AppError('AUTH_LOCKED', { minutes: Math.ceil((new Date(row.locked_until).getTime() - now.getTime()) / 60_000) });
    }
    const system: Actor = { kind: 'system', name: `login:${transport}`, role: 'clerk' };
    if (!ok) {
      const failed = row.failed_attempts + 1;
      const lock = failed >= this.policy.maxFailedAttempts;
      inTransaction(this.db, () => {
        this.db
          .prepare('UPDATE users SET failed_attempts = ?, locked_until = ?, updated_at = ?, updated_by = ? WHERE id = ?')
          .run(lock ? 0 : failed, lock ? new Date(now.getTime() + this.policy.lockMinutes * 60_000).toISOString() : row.locked_until, now.toISOString(), actorLabel(system), row.id);
        this.audit.append(system, { action: lock ? 'auth.locked' : 'auth.login_failed', entity: 'user', entityId: row.id, data: { attempt: failed, peer } });
      });
      if (lock) throw new AppError('AUTH_LOCKED', { minutes: this.policy.lockMinutes });
      throw new AppError('AUTH_INVALID_CREDENTIALS');
    }
    if (row.disabled) throw new AppError('AUTH_DISABLED');
    if (row.failed_attempts !== 0 || row.locked_until) {
      this.db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(row.id);
    }
    return this.openSession(toUser(row), transport, peer);
  }

  /** The answers a real account would give to wrong passwords, for a username that does not exist. */
  private failUnknown(username: string, now: Date): never {
    const seen = this.unknownLogins.get(username); // compared exactly, as in the users table
    if (seen?.lockedUntil !== undefined && seen.lockedUntil > now.getTime()) {
      throw new AppError('AUTH_LOCKED', { minutes: Math.ceil((seen.lockedUntil - now.getTime()) / 60_000) });
    }
    const failed = (seen?.lockedUntil === undefined ? (seen?.failed ?? 0) : 0) + 1;
    this.unknownLogins.delete(username); // re-inserted last: the map's order is oldest first
    if (this.unknownLogins.size >= MAX_UNKNOWN_LOGINS) this.unknownLogins.delete(this.unknownLogins.keys().next().value!);
    if (failed >= this.policy.maxFailedAttempts) {
      this.unknownLogins.set(username, { failed: 0, lockedUntil: now.getTime() + this.policy.lockMinutes * 60_000 });
      throw new AppError('AUTH_LOCKED', { minutes: this.policy.lockMinutes });
    }
    this.unknownLogins.set(username, { failed });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }

  private openSession(user: User, transport: string, peer: string): SessionInfo {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.policy.sessionHours * 3_600_000).toISOString();
    const actor: Actor = { kind: 'user', userId: user.id, username: user.username, role: user.role };
    inTransaction(this.db, () => {
      this.db
        .prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, transport, peer) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(tokenHash(token), user.id, now.toISOString(), expiresAt, now.toISOString(), transport, peer);
      this.audit.append(actor, { action: 'auth.login', entity: 'user', entityId: user.id, data: { transport, peer } });
    });
    return { token, expiresAt, user };
  }

  /** The live session for a token, or null when unknown, ended, expired or idle too long. Touches last_seen. */
  resolveSession(token: string): SessionPrincipal | null {
    const h = tokenHash(token);
    const row = this.db
      .prepare<[string], { user_id: number; expires_at: string; last_seen_at: string; ended_at: string | null }>(
        'SELECT user_id, expires_at, last_seen_at, ended_at FROM sessions WHERE token_hash = ?',
      )
      .get(h);
    if (!row || row.ended_at) return null;
    const now = this.clock.now();
    if (new Date(row.expires_at) <= now) return null;
    if (now.getTime() - new Date(row.last_seen_at).getTime() > this.policy.idleMinutes * 60_000) return null;
    const user = this.getUser(row.user_id);
    if (user.disabled) return null;
    // Touch at most once a minute: reads must not turn into a write per call.
    if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
      this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now.toISOString(), h);
    }
    return { tokenHash: h, user, expiresAt: row.expires_at };
  }

  logout(token: string, actor: Actor): void {
    const h = tokenHash(token);
    inTransaction(this.db, () => {
      this.db.prepare('UPDATE sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL').run(this.nowIso(), h);
      this.audit.append(actor, { action: 'auth.logout', entity: 'user', entityId: actor.kind === 'user' ? actor.userId : null });
    });
  }

  async setPassword(actor: Actor, userId: number, password: string): Promise<void> {
    const hash = await hashPassword(password);
    inTransaction(this.db, () => {
      this.getUser(userId);
      this.db
        .prepare('UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL, updated_at = ?, updated_by = ? WHERE id = ?')
        .run(hash, this.nowIso(), actorLabel(actor), userId);
      this.db.prepare('UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL').run(this.nowIso(), userId);
      this.audit.append(actor, { action: 'user.set_password', entity: 'user', entityId: userId });
    });
  }
}
