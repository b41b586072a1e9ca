import { z } from 'zod';
import { DOSSIER_STATES } from '../domain/dossier/states';
import { agencyCodeInput, procedureCodeInput } from './catalogue';
import { command, query } from './method';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const phone = z.string().trim().regex(/^\+?[0-9 .-]{8,20}$/, 'phone number').optional();
const email = z.string().trim().email().max(200).optional();

export const personInputSchema = z
  .object({
    kind: z.enum(['citizen', 'organisation']).default('citizen'),
    /** CCCD (12 digits) for a citizen; tax code or registration number for an organisation. */
    idNumber: z.string().trim().min(1).max(20),
    oldIdNumber: z.string().trim().regex(/^\d{9}$/).nullable().optional(),
    fullName: z.string().trim().min(1).max(200),
    dateOfBirth: isoDate.nullable().optional(),
    gender: z.enum(['male', 'female']).nullable().optional(),
    address: z.string().trim().max(500).default(''),
    issueDate: isoDate.nullable().optional(),
    phone,
    email,
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.kind === 'citizen' && !/^\d{12}$/.test(p.idNumber)) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'CCCD number must be 12 digits' });
    }
  });
export type PersonInput = z.output<typeof personInputSchema>;

export const applicantSchema = z.object({
  id: z.string(),
  kind: z.enum(['citizen', 'organisation']),
  idNumber: z.string().nullable(),
  oldIdNumber: z.string().nullable(),
  fullName: z.string(),
  dateOfBirth: z.string().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  address: z.string().nullable(),
  issueDate: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type Applicant = z.infer<typeof applicantSchema>;

export const receivedItemSchema = z
  .object({
    itemCode: z.string().trim().min(1).max(40),
    mark: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    copies: z.number().int().min(1).max(100).default(1),
    check: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(1),
    name: z.string().trim().max(500).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict();

/** An attached file: a finished upload (uploads.begin/chunk/finish), filed under a checklist item. */
const attachmentSchema = z
  .object({
    itemCode: z.string().trim().min(1).max(40),
    uploadId: z.string().uuid(),
  })
  .strict();

/** What the counter captures for a new dossier, whatever the decision. */
const intakeFields = {
  agencyCode: agencyCodeInput,
  procedureCode: procedureCodeInput,
  /** The applicant as typed or confirmed by the clerk. */
  applicant: personInputSchema.optional(),
  /**
   * The raw text of the CCCD QR code, parsed and validated by the core. Alone, it is the applicant; beside
   * `applicant` (the clerk added phone or email), it must be the same card and its warnings are kept.
   */
  applicantQr: z.string().max(2000).optional(),
  submitter: personInputSchema.optional(),
  checklist: z.array(receivedItemSchema).max(200).optional(),
  resultReturn: z.enum(['counter', 'post']).default('counter'),
  returnAddress: z.string().trim().max(500).optional(),
  channel: z.enum(['direct', 'postal']).optional(),
  summary: z.string().trim().max(1000).optional(),
  attachments: z.array(attachmentSchema).max(100).default([]),
  /**
   * Take the pages in the calling clerk's reception tray into this dossier, whatever the outcome (items it lacks
   * go to 'KHAC'); reception.discardDraft sets tray pages aside instead.
   */
  trayPages: z.boolean().optional(),
};

/** Who collected a dossier's result: recorded by returnResult, corrected by correctReturn, with the same rules. */
const receiverFields = {
  id: z.string().uuid(),
  receiverName: z.string().trim().min(1).max(200),
  receiverIdNumber: z.string().trim().max(20).optional(),
};

function oneApplicant<T extends { applicant?: unknown; applicantQr?: unknown }>(v: T, ctx: z.RefinementCtx): void {
  if (v.applicant === undefined && v.applicantQr === undefined) {
    ctx.addIssue({ code: 'custom', path: ['applicant'], message: 'give applicant or applicantQr' });
  }
}

export const feesSchema = z.object({
  fee: z.number().int(),
  charge: z.number().int(),
  postage: z.number().int(),
  paid: z.number().int(),
  due: z.number().int(),
  receipts: z.array(z.object({ number: z.string(), amount: z.number().int(), collectedAt: z.string(), collectedBy: z.string() })),
});

export const dossierViewSchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  state: z.enum(DOSSIER_STATES),
  agencyCode: z.string(),
  agencyName: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicant: applicantSchema,
  submitter: personInputSchema.nullable(),
  channel: z.enum(['direct', 'online', 'postal']),
  resultReturn: z.enum(['counter', 'post']),
  returnAddress: z.string().nullable(),
  receivedAt: z.string().nullable(),
  due: z.string().nullable(),
  lookupPin: z.string(),
  summary: z.string().nullable(),
  checklist: z.array(
    z.object({
      itemCode: z.string(),
      name: z.string(),
      required: z.boolean(),
      received: z.boolean(),
      mark: z.number().int().nullable(),
      copies: z.number().int(),
      check: z.number().int(),
      note: z.string().nullable(),
    }),
  ),
  fees: feesSchema,
  documents: z.array(z.object({ id: z.string(), itemCode: z.string(), fileName: z.string(), bytes: z.number().int(), sha256: z.string() })),
  history: z.array(z.object({ from: z.string().nullable(), to: z.string(), at: z.string(), actor: z.string(), data: z.unknown() })),
  result: z
    .object({ returnedAt: z.string(), receiverName: z.string(), receiverIdNumber: z.string().nullable(), method: z.string(), note: z.string().nullable() })
    .nullable(),
  warnings: z.array(z.string()),
  counterId: z.string(),
});
export type DossierView = z.infer<typeof dossierViewSchema>;

const byRef = z
  .object({ id: z.string().uuid().optional(), code: z.string().trim().min(1).max(80).optional() })
  .strict()
  .refine((v) => (v.id === undefined) !== (v.code === undefined), { message: 'give id or code', path: ['id'] });

export const dossiersContract = {
  receive: command({
    summary: 'Receive a complete dossier: allocates its code, computes the due date in working time',
    access: ['clerk', 'postal_clerk', 'supervisor', 'admin'],
    input: z
      .object({
        ...intakeFields,
        fees: z.object({ collected: z.number().int().min(0), confirmed: z.literal(true) }).strict().optional(),
      })
      .strict()
      .superRefine(oneApplicant),
    output: dossierViewSchema,
  }),
  requestSupplement: command({
    summary: 'Dossier incomplete: record it and what is missing, for the request-to-supplement slip',
    access: ['clerk', 'postal_clerk', 'supervisor', 'admin'],
    input: z
      .object({
        ...intakeFields,
        items: z.array(z.object({ itemCode: z.string().max(40).optional(), name: z.string().trim().max(500).optional(), reason: z.string().trim().min(1).max(1000) }).strict()).min(1).max(100),
        note: z.string().trim().max(1000).optional(),
      })
      .strict()
      .superRefine(oneApplicant),
    output: dossierViewSchema,
  }),
  refuse: command({
    summary: 'Refuse a dossier with a reason, for the refusal slip',
    access: ['clerk', 'postal_clerk', 'supervisor', 'admin'],
    input: z.object({ ...intakeFields, reason: z.string().trim().min(3).max(2000) }).strict().superRefine(oneApplicant),
    output: dossierViewSchema,
  }),
  completeSupplement: command({
    summary: 'The applicant brought what was missing: receive the dossier now (due date from now)',
    access: ['clerk', 'postal_clerk', 'supervisor', 'admin'],
    input: z.object({ id: z.string().uuid(), checklist: z.array(receivedItemSchema).max(200) }).strict(),
    output: dossierViewSchema,
  }),
  get: query({
    summary: 'One dossier by id or code',
    access: 'session',
    input: byRef,
    output: dossierViewSchema,
  }),
  lookup: query({
    summary: 'Open a dossier from a scanned receipt QR (code or lookup URL) or a typed code',
    access: 'session',
    input: z.object({ text: z.string().trim().min(1).max(2000) }).strict(),
    output: dossierViewSchema,
  }),
  list: query({
    summary: 'Dossiers, newest first, filtered by state, agency or text (code, applicant name or ID)',
    access: 'session',
    input: z
      .object({
        state: z.enum(DOSSIER_STATES).optional(),
        agencyCode: z.string().max(40).optional(),
        query: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict()
      .default({ limit: 50 }),
    output: z.array(
      z.object({
        id: z.string(),
        code: z.string().nullable(),
        state: z.enum(DOSSIER_STATES),
        agencyCode: z.string(),
        procedureName: z.string(),
        applicantName: z.string(),
        receivedAt: z.string().nullable(),
        due: z.string().nullable(),
      }),
    ),
  }),
  transition: command({
    summary: 'Move a dossier on: sent to the agency, result ready, or withdrawn by the applicant',
    access: ['clerk', 'postal_clerk', 'supervisor', 'admin'],
    input: z.object({ id: z.string().uuid(), to: z.enum(['sent_to_agency', 'result_ready', 'withdrawn']), note: z.string().trim().max(1000).optional() }).strict(),
    output: dossierViewSchema,
  }),
  apologise: command({
    summary: 'The dossier runs late: record the reason and a new appointment (apology slip)',
    access: ['clerk', 'postal_clerk', 'supervisor', 'admin'],
    input: z.object({ id: z.string().uuid(), reason: z.string().trim().min(3).max(2000), newDue: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/) }).strict(),
    output: dossierViewSchema,
  }),
  collectFee: command({
    summary: 'Record fees collected in cash (confirmed by the clerk) and issue a fee receipt number',
    access: ['clerk', 'postal_clerk', 'supervisor', 'admin'],
    input: z.object({ id: z.string().uuid(), amount: z.number().int().positive().max(1_000_000_000_000), confirmed: z.literal(true) }).strict(),
    output: dossierViewSchema,
  }),
  returnResult: command({
    summary: 'Hand the result over: to whom, when, how',
    access: ['clerk', 'postal_clerk', 'supervisor', 'admin'],
    input: z
      .object({
        ...receiverFields,
        method: z.enum(['counter', 'post']).default('counter'),
        note: z.string().trim().max(1000).optional(),
      })
      .strict(),
    output: dossierViewSchema,
  }),
  correctReturn: command({
    summary: 'Correct who received a returned result (name, ID number), with the reason; the old values stay in the history',
    access: ['clerk', 'postal_clerk', 'supervisor', 'admin'],
    input: z
      .object({
        ...receiverFields,
        reason: z.string().trim().min(3).max(1000),
      })
      .strict(),
    output: dossierViewSchema,
  }),
} as const;

export const applicantsContract = {
  parseQr: query({
    summary: 'Parse and validate the text of a CCCD QR code (repairs certain scanner mangling, refuses the rest)',
    access: 'session',
    input: z.object({ text: z.string().min(1).max(2000) }).strict(),
    output: z.object({
      idNumber: z.string(),
      oldIdNumber: z.string().nullable(),
      fullName: z.string(),
      dateOfBirth: z.string(),
      gender: z.enum(['male', 'female']),
      address: z.string(),
      issueDate: z.string(),
      warnings: z.array(z.string()),
      known: applicantSchema.nullable(),
    }),
  }),
  findByIdNumber: query({
    summary: 'A returning applicant by ID number (CCCD or tax code)',
    access: 'session',
    input: z.object({ idNumber: z.string().trim().min(1).max(20), kind: z.enum(['citizen', 'organisation']).default('citizen') }).strict(),
    output: applicantSchema.nullable(),
  }),
} as const;
