/**
 * The whole contract: every capability of the core as "group.method" with validated input and output.
 * Adapters (Electron IPC, web WebSocket, CLI) and the renderer's typed client all derive from this object.
 */
import type { z } from 'zod';
import { authContract, usersContract } from './auth';
import { calendarContract } from './calendar';
import { catalogueContract } from './catalogue';
import { devicesContract } from './devices';
import { documentsContract } from './documents';
import { eventsMethodsContract } from './events';
import { applicantsContract, dossiersContract } from './dossiers';
import { formsContract } from './forms';
import { ocrContract, searchContract } from './ocr';
import { printingContract } from './printing';
import { syncContract } from './sync';
import { pairingContract } from './pairing';
import { queueContract } from './queue';
import { reportsContract } from './reports';
import type { MethodDef } from './method';
import { receptionContract } from './reception';
import { pagesContract, scansContract } from './scans';
import { auditContract, settingsContract, systemContract } from './system';
import { uploadsContract } from './uploads';

export const contract = {
  system: systemContract,
  auth: authContract,
  users: usersContract,
  audit: auditContract,
  settings: settingsContract,
  calendar: calendarContract,
  catalogue: catalogueContract,
  applicants: applicantsContract,
  dossiers: dossiersContract,
  forms: formsContract,
  devices: devicesContract,
  reception: receptionContract,
  uploads: uploadsContract,
  documents: documentsContract,
  pages: pagesContract,
  scans: scansContract,
  ocr: ocrContract,
  search: searchContract,
  printing: printingContract,
  sync: syncContract,
  queue: queueContract,
  reports: reportsContract,
  pairing: pairingContract,
  events: eventsMethodsContract,
} as const;

type Contract = typeof contract;
type Flatten<C> = {
  [G in keyof C & string]: { [M in keyof C[G] & string as `${G}.${M}`]: C[G][M] };
}[keyof C & string];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export type MethodMap = UnionToIntersection<Flatten<Contract>>;
export type MethodName = keyof MethodMap & string;
export type MethodInput<M extends MethodName> = MethodMap[M] extends MethodDef ? z.input<MethodMap[M]['input']> : never;
export type MethodOutput<M extends MethodName> = MethodMap[M] extends MethodDef ? z.output<MethodMap[M]['output']> : never;

export const methods: ReadonlyMap<string, MethodDef> = new Map(
  Object.entries(contract).flatMap(([group, defs]) =>
    Object.entries(defs as Record<string, MethodDef>).map(([name, def]) => [`${group}.${name}`, def] as const),
  ),
);
