/**
 * Pairing kiosks and display boards (issue #18). A public screen never sees a clerk's password: the device asks for a
 * pairing (it shows a short code), an admin approves that code under a name, the device claims its token once and
 * keeps it; every later connection binds the token with `resume`. A device token reaches only the methods and events
 * whose access list names the device's kind ('kiosk' or 'board'), and an admin can revoke it at any time.
 */
import { z } from 'zod';
import { DEVICE_KINDS, command, query } from './method';

export const deviceKindSchema = z.enum(DEVICE_KINDS);

/** What a handler knows of the paired device that calls it. */
export const pairedDeviceSchema = z.object({
  id: z.string(),
  kind: deviceKindSchema,
  name: z.string(),
  /** The kiosk's own ticket printer (a printer URI); null: the counter's ticket printer. */
  printerUri: z.string().nullable(),
});
export type PairedDevice = z.infer<typeof pairedDeviceSchema>;

export const deviceRecordSchema = pairedDeviceSchema.extend({
  pairedAt: z.string(),
  pairedBy: z.string(),
  lastSeenAt: z.string().nullable(),
  /** Where it last connected from (the LAN address). */
  lastPeer: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type DeviceRecord = z.infer<typeof deviceRecordSchema>;

/** 6 digits, shown large on the device's screen; typed by the admin. */
export const pairingCodeSchema = z.string().trim().regex(/^\d{6}$/);
const secretSchema = z.string().min(20).max(200);
const tokenSchema = z.string().min(20).max(200);

export const pairingContract = {
  request: command({
    summary: 'A kiosk or board asks to be paired: a short code to show on its screen, and a secret to claim the token with',
    access: 'public',
    input: z.object({ kind: deviceKindSchema }).strict(),
    output: z.object({ requestId: z.string(), code: pairingCodeSchema, secret: z.string(), expiresAt: z.string() }),
  }),
  claim: command({
    summary: "The device's token once an admin approved its code (once only); pending while not yet approved",
    access: 'public',
    input: z.object({ requestId: z.string().min(1).max(100), secret: secretSchema }).strict(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('pending'), expiresAt: z.string() }),
      z.object({ status: z.literal('paired'), token: z.string(), device: pairedDeviceSchema }),
    ]),
  }),
  resume: command({
    summary: 'Binds a device token to this connection (every reconnect); a revoked or unknown token is refused',
    access: 'public',
    input: z.object({ token: tokenSchema }).strict(),
    output: pairedDeviceSchema,
  }),
  leave: command({
    summary: 'Unbinds the device token from this connection (the token stays valid)',
    access: 'public',
    input: z.object({}).strict(),
    output: z.object({ ok: z.literal(true) }),
  }),
  approve: command({
    summary: 'An admin pairs the device showing this code, under a name (and, for a kiosk, its ticket printer)',
    access: ['admin', 'supervisor'],
    input: z
      .object({
        code: pairingCodeSchema,
        name: z.string().trim().min(1).max(80),
        printerUri: z.string().trim().min(1).max(500).optional(),
      })
      .strict(),
    output: deviceRecordSchema,
  }),
  list: query({
    summary: 'Paired kiosks and boards, revoked ones included',
    access: ['admin', 'supervisor'],
    input: z.object({}).strict(),
    output: z.array(deviceRecordSchema),
  }),
  update: command({
    summary: "Renames a device or sets a kiosk's ticket printer",
    access: ['admin', 'supervisor'],
    input: z
      .object({ id: z.string().min(1).max(100), name: z.string().trim().min(1).max(80).optional(), printerUri: z.string().trim().min(1).max(500).nullable().optional() })
      .strict(),
    output: deviceRecordSchema,
  }),
  revoke: command({
    summary: 'Revokes a device token: the device loses access at once (its open connection too)',
    access: ['admin', 'supervisor'],
    input: z.object({ id: z.string().min(1).max(100) }).strict(),
    output: deviceRecordSchema,
  }),
};
