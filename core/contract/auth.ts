import { z } from 'zod';
import { ROLES, command, query } from './method';

export const roleSchema = z.enum(ROLES);
export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, 'username: letters, digits, . _ -');
export const passwordSchema = z.string().min(8).max(256);

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

/** What administrators see of an account: also whether logins to it are held back after wrong passwords. */
export const userViewSchema = userSchema.extend({
  /** Until when logins are held back (account-wide or from some machine); null when they are not. */
  lockedUntil: z.string().nullable(),
});
export type UserView = z.infer<typeof userViewSchema>;

export const sessionInfoSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: userSchema,
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const authContract = {
  status: query({
    summary: 'Whether the first admin still has to be created, and who is logged in on this connection',
    access: 'public',
    input: z.object({}).strict().default({}),
    output: z.object({ needsSetup: z.boolean(), user: userSchema.nullable() }),
  }),
  setupAdmin: command({
    summary: 'First run only: create the first admin account and log in',
    access: 'public',
    input: z.object({ username: usernameSchema, displayName: z.string().trim().min(1).max(120), password: passwordSchema }).strict(),
    output: sessionInfoSchema,
  }),
  login: command({
    summary: 'Log in with username and password; repeated wrong passwords hold the account (and the machine) back for growing delays',
    access: 'public',
    input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
    output: sessionInfoSchema,
  }),
  resume: command({
    summary: 'Bind an existing session token to this connection (reconnects, page reloads)',
    access: 'public',
    input: z.object({ token: z.string().min(16).max(256) }).strict(),
    output: sessionInfoSchema,
  }),
  logout: command({
    summary: 'End the session of this connection',
    access: 'session',
    input: z.object({}).strict().default({}),
    output: z.object({ ok: z.literal(true) }),
  }),
} as const;

export const usersContract = {
  list: query({
    summary: 'All user accounts',
    access: ['admin', 'supervisor'],
    input: z.object({}).strict().default({}),
    output: z.array(userViewSchema),
  }),
  create: command({
    summary: 'Create a user account',
    access: ['admin'],
    input: z.object({ username: usernameSchema, displayName: z.string().trim().min(1).max(120), role: roleSchema, password: passwordSchema }).strict(),
    output: userSchema,
  }),
  setPassword: command({
    summary: 'Set a user\'s password (admin); also lifts holds on the account (audited)',
    access: ['admin'],
    input: z.object({ userId: z.number().int().positive(), password: passwordSchema }).strict(),
    output: z.object({ ok: z.literal(true) }),
  }),
  unlock: command({
    summary: 'Lift the holds on an account after wrong passwords (audited)',
    access: ['admin'],
    input: z.object({ userId: z.number().int().positive() }).strict(),
    output: userViewSchema,
  }),
  setDisabled: command({
    summary: 'Disable (ends its sessions) or enable an account; the last active admin cannot be disabled (audited)',
    access: ['admin'],
    input: z.object({ userId: z.number().int().positive(), disabled: z.boolean() }).strict(),
    output: userViewSchema,
  }),
  setRole: command({
    summary: 'Change an account\'s role; the last active admin keeps the admin role (audited)',
    access: ['admin'],
    input: z.object({ userId: z.number().int().positive(), role: roleSchema }).strict(),
    output: userViewSchema,
  }),
} as const;
