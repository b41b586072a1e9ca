/** scrypt password hashes, self-describing (`scrypt$N$r$p$salt$key`) so the cost can be raised without a migration. */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface HashCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP's current scrypt parameters (N = 2^17, r = 8, p = 1): 128 MiB and a few hundred ms per hash. */
export const DEFAULT_HASH_COST: HashCost = { N: 2 ** 17, r: 8, p: 1 };
const KEYLEN = 32;
/** Stored hashes above this are refused rather than run (a hand-edited row must not cost gigabytes). */
const MAX_N = 2 ** 20;

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(pw, salt, len, opts, (err, key) => (err ? reject(err) : resolve(key))));

// scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) refuses N = 2^17, so allow twice the need.
const options = (c: HashCost): ScryptOptions => ({ N: c.N, r: c.r, p: c.p, maxmem: 256 * c.N * c.r });

export async function hashPassword(password: string, cost: HashCost = DEFAULT_HASH_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEYLEN, options(cost));
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

function parse(stored: string): { cost: HashCost; salt: Buffer; key: Buffer } | null {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return null;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every(Number.isSafeInteger) || cost.N > MAX_N || cost.r > 32 || cost.p > 16) return null;
  return { cost, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parse(stored);
  if (!h) return false;
  const actual = await scrypt(password.normalize('NFC'), h.salt, h.key.length, options(h.cost));
  return actual.length === h.key.length && timingSafeEqual(actual, h.key);
}

/** A hash made with other parameters than `cost` (older, cheaper): replaced at the next successful login. */
export function needsRehash(stored: string, cost: HashCost = DEFAULT_HASH_COST): boolean {
  const h = parse(stored);
  return !h || h.cost.N !== cost.N || h.cost.r !== cost.r || h.cost.p !== cost.p;
}

/** Compared against when the username does not exist, at the current cost, so timing does not tell names apart. */
export function dummyHash(cost: HashCost = DEFAULT_HASH_COST): string {
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEYLEN).toString('base64')}`;
}
