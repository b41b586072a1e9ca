/**
 * Accounts, logins and sessions. Session tokens are random; only their SHA-256 is stored, so a copied
 * database does not hand out live sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../contract/method';
import type { SessionInfo, User, UserView } from '../../contract/auth';
import { AppError } from '../../contract/errors';
import type { Clock } from '../../platform/clock';
import { inTransaction, type Db } from '../../store/database';
import type { Actor } from '../actor';
import { actorLabel } from '../actor';
import type { AuditLog } from '../audit/audit-log';
import { FairLimiter } from './fair-limiter';
import { DEFAULT_HASH_COST, dummyHash, hashPassword, needsRehash, verifyPassword, type HashCost } from './password';
import { LoginThrottle, secondsUntil, type Hold, type ThrottlePolicy } from './throttle';

export interface AuthPolicy extends ThrottlePolicy {
  /** Absolute lifetime of a session. */
  sessionHours: number;
  /** A session unused this long expires. */
  idleMinutes: number;
  /** scrypt parameters for new hashes (older ones are upgraded at login). Tests inject cheaper ones. */
  hashCost: HashCost;
  /** Password hashes computed at once (each takes a core and, at the default cost, 128 MiB). */
  hashConcurrency: number;
}
export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  maxFailedAttempts: 5,
  accountMaxFailedAttempts: 15,
  peerMaxFailedAttempts: 25,
  lockSeconds: 30,
  maxLockSeconds: 15 * 60,
  windowMinutes: 60,
  sessionHours: 12,
  idleMinutes: 120,
  hashCost: DEFAULT_HASH_COST,
  hashConcurrency: 2,
};

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

function holdError(hold: Hold, now: Date): AppError {
  const seconds = secondsUntil(hold.until, now);
  // A peer's hold names no account; an account's reads the same whether or not the name exists.
  return new AppError(hold.scope === 'peer' ? 'AUTH_THROTTLED' : 'AUTH_LOCKED', { seconds });
}

export class AuthService {
  private readonly throttle: LoginThrottle;
  private readonly hashing: FairLimiter;
  private readonly dummy: string;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly policy: AuthPolicy = DEFAULT_AUTH_POLICY,
  ) {
    this.throttle = new LoginThrottle(db, policy);
    this.hashing = new FairLimiter(policy.hashConcurrency);
    this.dummy = dummyHash(policy.hashCost);
  }

  /** Every scrypt run goes through the limiter, keyed by who asked, so one peer cannot starve the others. */
  private hash(key: string, password: string): Promise<string> {
    return this.hashing.run(key, () => hashPassword(password, this.policy.hashCost));
  }

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

  private view(row: UserRow): UserView {
    return { ...toUser(row), lockedUntil: this.throttle.heldUntil(row.username, this.clock.now()) };
  }

  getUserView(id: number): UserView {
    const row = this.db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?').get(id);
    if (!row) throw new AppError('NOT_FOUND', { what: `user ${id}` });
    return this.view(row);
  }

  listUsers(): UserView[] {
    return this.db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username').all().map((r) => this.view(r));
  }

  async createUser(actor: Actor, input: { username: string; displayName: string; role: Role; password: string }): Promise<User> {
    // Refused before the (costly) hash; checked again under the write lock below.
    if (this.findByUsername(input.username)) throw new AppError('AUTH_USERNAME_TAKEN', { username: input.username }, { field: 'username' });
    const hash = await this.hash(actorLabel(actor), input.password);
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
    const hash = await this.hash(peer, input.password);
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
   * The attempt is counted (LoginThrottle.reserve, one IMMEDIATE transaction) before the password is checked, so
   * concurrent calls cannot check more passwords than the allowances; a held-back attempt checks none.
   * Unknown names go through the same counters (keyed by the typed name, folded like users.username) and are
   * checked against a dummy hash at the current cost: sequentially or concurrently, a stranger gets the same
   * answers for a real name as for an unknown one. A disabled account says so only to its right password.
   */
  async login(username: string, password: string, transport: string, peer: string): Promise<SessionInfo> {
    const { row, reservation } = inTransaction(this.db, () => ({
      row: this.findByUsername(username),
      reservation: this.throttle.reserve(username, peer, this.clock.now()),
    }));
    if (reservation.held) throw holdError(reservation.held, this.clock.now());
    const ok = await this.hashing.run(peer, () => verifyPassword(password, row?.password_hash ?? this.dummy));
    const now = this.clock.now();
    const system: Actor = { kind: 'system', name: `login:${transport}`, role: 'clerk' };
    if (!ok || !row) {
      if (row) {
        inTransaction(this.db, () => this.audit.append(system, {
          action: reservation.started ? 'auth.locked' : 'auth.login_failed',
          entity: 'user',
          entityId: row.id,
          data: { peer, ...(reservation.started ? { until: reservation.started.until.toISOString() } : {}) },
        }));
      }
      if (reservation.started) throw holdError(reservation.started, now);
      throw new AppError('AUTH_INVALID_CREDENTIALS');
    }
    inTransaction(this.db, () => this.throttle.succeeded(username, peer));
    if (row.disabled) throw new AppError('AUTH_DISABLED');
    if (needsRehash(row.password_hash, this.policy.hashCost)) await this.upgradeHash(row, password, peer);
    return this.openSession(toUser(row), transport, peer);
  }

  /** A hash from older, cheaper parameters is replaced while the password is at hand (unless it changed meanwhile). */
  private async upgradeHash(row: UserRow, password: string, peer: string): Promise<void> {
    const hash = await this.hash(peer, password);
    this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?').run(hash, row.id, row.password_hash);
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

  /**
   * The live session for a token, or null when unknown, ended, expired or idle too long. Touches last_seen unless
   * opts.touch is false (the push channel checks access on every event, which is not the user's activity).
   */
  resolveSession(token: string, opts: { touch?: boolean } = {}): SessionPrincipal | null {
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
    if (opts.touch !== false && now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
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
    const hash = await this.hash(actorLabel(actor), password);
    inTransaction(this.db, () => {
      const user = this.getUser(userId);
      this.db.prepare('UPDATE users SET password_hash = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(hash, this.nowIso(), actorLabel(actor), userId);
      this.db.prepare('UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL').run(this.nowIso(), userId);
      // A new password makes earlier guesses moot, so its holds are lifted too, and the audit says so.
      const unlocked = this.throttle.clear(user.username);
      this.audit.append(actor, { action: 'user.set_password', entity: 'user', entityId: userId, data: { unlocked } });
    });
  }

  /** An administrator lifts the holds on an account (from every peer). */
  unlock(actor: Actor, userId: number): UserView {
    return inTransaction(this.db, () => {
      const user = this.getUser(userId);
      const was = this.throttle.heldUntil(user.username, this.clock.now());
      this.throttle.clear(user.username);
      this.audit.append(actor, { action: 'user.unlock', entity: 'user', entityId: userId, data: { username: user.username, heldUntil: was } });
      return this.getUserView(userId);
    });
  }

  /** Disabling ends the account's sessions; the last active administrator cannot be disabled. */
  setDisabled(actor: Actor, userId: number, disabled: boolean): UserView {
    return inTransaction(this.db, () => {
      const user = this.getUser(userId);
      if (user.disabled === disabled) return this.getUserView(userId);
      if (disabled && user.role === 'admin') this.keepAnAdmin(userId);
      const now = this.nowIso();
      this.db.prepare('UPDATE users SET disabled = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(disabled ? 1 : 0, now, actorLabel(actor), userId);
      if (disabled) this.db.prepare('UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL').run(now, userId);
      this.audit.append(actor, { action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: userId, data: { username: user.username } });
      return this.getUserView(userId);
    });
  }

  /** Roles apply from the next call (sessions read the user each time); the last active administrator stays one. */
  setRole(actor: Actor, userId: number, role: Role): UserView {
    return inTransaction(this.db, () => {
      const user = this.getUser(userId);
      if (user.role === role) return this.getUserView(userId);
      if (user.role === 'admin' && !user.disabled) this.keepAnAdmin(userId);
      this.db.prepare('UPDATE users SET role = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(role, this.nowIso(), actorLabel(actor), userId);
      this.audit.append(actor, { action: 'user.set_role', entity: 'user', entityId: userId, data: { username: user.username, from: user.role, to: role } });
      return this.getUserView(userId);
    });
  }

  /** Refuses a change that would leave no active administrator (nobody could then manage accounts). */
  private keepAnAdmin(losing: number): void {
    const others = this.db
      .prepare<[number], { n: number }>("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0 AND id != ?")
      .get(losing)!.n;
    if (others === 0) throw new AppError('AUTH_LAST_ADMIN');
  }
}
