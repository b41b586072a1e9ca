/**
 * The one error type that crosses the contract. `code` is stable (logs, tests, support scripts grep it);
 * the human text comes from the message catalogue (`errors.<code>`), never from the thrower.
 */
export type ErrorParams = Record<string, string | number | boolean | null>;

export class AppError extends Error {
  readonly code: string;
  readonly params: ErrorParams;
  /** Field path the error belongs to, so the UI can show it beside that field. */
  readonly field: string | undefined;
  readonly details: unknown;

  constructor(code: string, params: ErrorParams = {}, opts: { field?: string; details?: unknown; cause?: unknown } = {}) {
    super(code, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.field = opts.field;
    this.details = opts.details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** The serialisable form of an error as every transport sends it. */
export interface WireError {
  code: string;
  message: string;
  params: ErrorParams;
  field?: string;
  details?: unknown;
}

/**
 * Which codes mean "what the caller handed in is wrong" (an argument, a typed or scanned value, a file, a code that
 * names nothing): the CLI exits 2 for them, and every adapter can tell "fix your input" from "the operation failed"
 * (state of the data, the machine, the network: exit 1). One rule, declared here beside the codes:
 *  - whole families whose every code is about a handed-in value: CLI_ (argument checks of the commands), CALENDAR_
 *    (a date, duration or calendar file), CATALOGUE_ (a catalogue file, its rows, or a code looked up in it), CCCD_
 *    (the QR text) except CCCD_SCANNER_ (the device), SETTINGS_ (a setting's key or value), UPLOAD_ (the bytes
 *    and offsets a client sends) except UPLOAD_TOO_MANY (the server's capacity);
 *  - and the single codes listed below. A new code that belongs to neither is an operation failure: add it here
 *    when the user can fix it by changing what they hand in.
 */
const INPUT_ERROR_FAMILIES = ['CLI_', 'CALENDAR_', 'CATALOGUE_', 'CCCD_', 'SETTINGS_', 'UPLOAD_'] as const;
const NOT_INPUT_IN_FAMILIES = ['CCCD_SCANNER_', 'UPLOAD_TOO_MANY'] as const;

export const INPUT_ERROR_CODES: ReadonlySet<string> = new Set([
  'RPC_INVALID_INPUT',
  'RPC_MALFORMED',
  'RPC_UNKNOWN_METHOD',
  'VALIDATION',
  'NOT_FOUND',
  'BACKUP_TARGET_IS_DATABASE',
  'AUTH_INVALID_CREDENTIALS',
  'AUTH_USERNAME_TAKEN',
  'RECEPTION_DRAFT_INVALID',
  // A dossier: the applicant, its files, its checklist, its dates and fees as handed in; a code that names none.
  'DOSSIER_NOT_FOUND',
  // Sync enrolment: a central URL that is not http(s) or carries credentials; a token the central says is wrong,
  // spent or expired (core/services/sync/enrolment.ts).
  'SYNC_CENTRAL_BAD_URL',
  'SYNC_BAD_STATUS_MAP',
  'SYNC_ENROL_TOKEN_INVALID',
  'SYNC_ENROL_TOKEN_USED',
  'SYNC_ENROL_TOKEN_EXPIRED',
  'SYNC_ENROL_OTHER_COUNTER',
  'DOSSIER_QR_MISMATCH',
  'DOSSIER_BAD_ID_PROVINCE',
  'DOSSIER_BAD_PERSON_DATE',
  'DOSSIER_TEXT_MANGLED',
  'DOSSIER_FILE_TYPE_NOT_ALLOWED',
  'DOSSIER_FILE_NOT_BASE64',
  'DOSSIER_FILE_EMPTY',
  'DOSSIER_FILE_TOO_LARGE',
  'DOSSIER_FILE_DANGEROUS',
  'DOSSIER_FILE_CONTENT_MISMATCH',
  'DOSSIER_UNKNOWN_ITEM',
  'DOSSIER_DUPLICATE_ITEM',
  'DOSSIER_MARK_NOT_ACCEPTED',
  'DOSSIER_EXTRA_ITEM_NAME',
  'DOSSIER_CHECKLIST_INCOMPLETE',
  'DOSSIER_PROCEDURE_INACTIVE',
  'DOSSIER_RETURN_ADDRESS_REQUIRED',
  'DOSSIER_RETURN_NOT_OFFERED',
  'DOSSIER_RETURN_UNCHANGED',
  'DOSSIER_FEE_TOO_MUCH',
  'DOSSIER_NEW_DUE_NOT_WORKING_TIME',
  'DOSSIER_NEW_DUE_NOT_LATER',
  'DOSSIER_BAD_CODE_PATTERN',
  'DOSSIER_BAD_COUNTER_ID',
  // An attached file id that names none, or a read position past its end.
  'DOCUMENT_NOT_FOUND',
  'DOCUMENT_BAD_OFFSET',
  'FORMS_UNKNOWN_FORM',
  'FORMS_HANDOVER_DUPLICATE',
  // A scanner URI that names no backend, or a source, resolution or colour mode the device does not offer.
  'SCAN_BAD_DEVICE_URI',
  'SCAN_UNSUPPORTED_SETTING',
  // A scan job or batch id that names none (or another place's batch), a dossier with no item to scan into.
  'SCAN_JOB_NOT_FOUND',
  'SCAN_BATCH_NOT_FOUND',
  'SCAN_BATCH_MISMATCH',
  'SCAN_NO_ITEM',
  // A scanned page id that names none, a read position past its image's end, a batch id not fit for a folder name.
  'PAGE_NOT_FOUND',
  'PAGE_BAD_OFFSET',
  'PAGE_BAD_BATCH_ID',
  // A search query with no word to look for, too many words, or a prefix (word*) too short.
  'SEARCH_QUERY_EMPTY',
  'SEARCH_QUERY_TOO_LONG',
  'SEARCH_PREFIX_TOO_SHORT',
  // A read position past the end of a document's PDF.
  'OCR_PDF_BAD_OFFSET',
  // A push-channel event name that names none.
  'EVENT_UNKNOWN',
  // Printing: a printer URI that is not one of the forms, a PDF that is empty or not a PDF, a job id that names
  // none, a job in a state the action does not fit, a ticket or PDF sent to a printer that cannot take it.
  'PRINT_BAD_URI',
  'PRINT_BAD_PDF',
  'PRINT_JOB_NOT_FOUND',
  'PRINT_JOB_STATE',
  'PRINT_NOT_FOR_PRINTER',
  'PRINT_NO_PRINTER',
  // A pdf: printer whose folder is a file, or whose parent folder does not exist (a typo, not a printer away).
  'PRINT_BAD_FOLDER',
  // The queue: a service or counter number that names none, a tracking id that names no ticket, an unreadable receipt
  // QR, a group prefix another group numbers with, a period that ends before it starts.
  'QUEUE_SERVICE_UNKNOWN',
  'QUEUE_COUNTER_UNKNOWN',
  'QUEUE_TRACKING_UNKNOWN',
  'QUEUE_BAD_RECEIPT',
  'QUEUE_PREFIX_TAKEN',
  'QUEUE_BAD_PERIOD',
  // The queue (issue #18): a ticket number or id that names no ticket of the day, a typed number of a service the counter does not serve.
  'QUEUE_TICKET_NOT_FOUND',
  'QUEUE_TICKET_OTHER_SERVICE',
  // A service asked for outside its hours or that no counter serves; a counter (typed, or named in a transfer) that
  // is paused, serves nothing, or does not serve the ticket's service: the user picks another service or counter.
  'QUEUE_CLOSED',
  'QUEUE_NO_COUNTER',
  'QUEUE_COUNTER_INACTIVE',
  'QUEUE_COUNTER_NO_GROUPS',
  'QUEUE_COUNTER_NOT_SERVING',
  // Pairing kiosks and boards (issue #18): a code or request that names no live request (or a wrong secret), a device
  // id that names none, a ticket printer given for a board; web mode's TLS certificate files (MOTCUA_WEB_TLS_*).
  'PAIRING_CODE_UNKNOWN',
  'PAIRING_DEVICE_NOT_FOUND',
  'PAIRING_PRINTER_NOT_FOR_BOARD',
  'WEB_TLS_INCOMPLETE',
  'WEB_TLS_UNREADABLE',
  'WEB_TLS_INVALID',
  'WEB_TLS_MISMATCH',
  // A report's period and filter (core/domain/reports/period.ts, core/services/reports).
  'REPORT_BAD_DAY',
  'REPORT_BAD_PERIOD',
  'REPORT_PERIOD_TOO_LONG',
  'REPORT_UNKNOWN_AGENCY',
  'REPORT_UNKNOWN_COUNTER',
  'REPORT_UNKNOWN_CLERK',
]);

export function isInputError(code: string): boolean {
  if (INPUT_ERROR_CODES.has(code)) return true;
  if (NOT_INPUT_IN_FAMILIES.some((p) => code.startsWith(p))) return false;
  return INPUT_ERROR_FAMILIES.some((p) => code.startsWith(p));
}
