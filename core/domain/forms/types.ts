/**
 * What the dossier service hands to the form renderer. Plain data only: every label a form prints is either
 * in this context or in the form's template (resources/templates/<form>.json), so agencies edit wording
 * without touching code.
 *
 * Times are Asia/Ho_Chi_Minh wall-clock strings 'YYYY-MM-DDTHH:mm' (seconds allowed, ignored when printed):
 * the counter prints what the clerk saw, with no time-zone arithmetic.
 */

/** Forms shipped with the app. An agency template directory may add more names. */
export type FormName = 'receipt' | 'supplement' | 'refusal' | 'apology' | 'handover' | 'bien-lai';
export const BUILT_IN_FORMS: readonly FormName[] = ['receipt', 'supplement', 'refusal', 'apology', 'handover', 'bien-lai'];

/**
 * 'a4' for laser printers; '80mm' for thermal receipt printers (one long page); '58mm' the narrow roll (thermal
 * printing only: templates tag roll-only blocks '80mm', which applies to both rolls).
 */
export type FormLayout = 'a4' | '80mm' | '58mm';

/** 'YYYY-MM-DDTHH:mm' local time (Asia/Ho_Chi_Minh). */
export type LocalDateTime = string;

/** fileMark of a checklist item: 1 photocopy, 2 certified copy, 3 original, 4 translation. */
export type DocumentMark = 1 | 2 | 3 | 4;
export type ResultReturn = 'counter' | 'post';
/** Channel codes 1/2/3 of the National Portal. */
export type DossierChannel = 'direct' | 'online' | 'postal';
export type ApplicantKind = 'citizen' | 'organisation';

export interface FormAgency {
  code: string;
  name: string;
  /** Cơ quan chủ quản, printed above the agency name. */
  parentName?: string;
  address?: string;
  phone?: string;
  /** Địa danh for the '…, ngày … tháng … năm …' line, e.g. 'Hà Nội'. */
  place?: string;
}

export interface FormDossier {
  code: string;
  /** UUID, the sync identity (not printed by the default templates). */
  id: string;
  lookupPin: string;
  receivedAt: LocalDateTime;
  /** Null when the procedure has no processing time (answered on the spot). */
  dueAt: LocalDateTime | null;
  /** New appointment after an apology (mirrors apology.newDueAt for templates that read it here). */
  newDueAt?: LocalDateTime;
  resultReturn: ResultReturn;
  /** Where the post delivers the result, when resultReturn is 'post'. */
  returnAddress?: string;
  channel: DossierChannel;
  /** Processing time as printed, e.g. '15 ngày làm việc'. */
  processingTime?: string;
}

export interface FormProcedure {
  code: string;
  name: string;
  /** Lĩnh vực. */
  field?: string;
}

export interface FormPerson {
  fullName: string;
  /** CCCD number for a citizen, tax code for an organisation. */
  idNumber: string;
  address: string;
  phone?: string;
  email?: string;
  kind: ApplicantKind;
}

export interface FormChecklistLine {
  name: string;
  mark: DocumentMark;
  /** Printed label of the mark, e.g. 'Bản sao chứng thực' (the service may localise or override). */
  markLabel: string;
  copies: number;
  received: boolean;
  note?: string;
}

/** Integers in VND. */
export interface FormFees {
  fee: number;
  charge: number;
  postage: number;
  /** Paid before (on a fee receipt: before this receipt). */
  paid: number;
  /** Still to pay (on a fee receipt: the amount this receipt collects). */
  due: number;
  /** Number of the fee receipt (biên lai) being printed. */
  receiptNumber?: string;
  /** Form number (mẫu số) and series (ký hiệu) the agency registered for its fee receipts, when set. */
  receiptFormNumber?: string;
  receiptSeries?: string;
}

export interface FormOfficer {
  name: string;
  title?: string;
}

export interface FormSupplement {
  items: { name: string; reason: string }[];
  note?: string;
}

export interface FormRefusal {
  reason: string;
}

export interface FormApology {
  reason: string;
  newDueAt: LocalDateTime;
}

export interface FormHandoverDossier {
  code: string;
  procedureName: string;
  applicantName: string;
  pages?: number;
}

export interface FormHandover {
  dossiers: FormHandoverDossier[];
  /** Who hands over (e.g. 'Bưu điện huyện Gia Lâm — Nguyễn Văn B'). */
  from: string;
  /** Who receives (e.g. 'Văn phòng UBND huyện Gia Lâm'). */
  to: string;
}

export interface FormContext {
  agency: FormAgency;
  dossier: FormDossier;
  procedure: FormProcedure;
  applicant: FormPerson;
  /** Only when the person at the counter is not the applicant. */
  submitter?: FormPerson;
  checklist: FormChecklistLine[];
  fees: FormFees;
  officer: FormOfficer;
  supplement?: FormSupplement;
  refusal?: FormRefusal;
  apology?: FormApology;
  handover?: FormHandover;
  /**
   * Public status page; the QR then holds it with `{code}` replaced by the dossier code (URL-encoded), or with
   * `?code=<dossier code>` added when it has no `{code}`; without it, the bare code.
   */
  lookupUrl?: string;
  printedAt: LocalDateTime;
}

export interface RenderFormOptions {
  layout: FormLayout;
  /** Agency overrides: <templatesDir>/<form>.json wins over the built-in template of the same name. */
  templatesDir?: string;
  /** Where fonts/ and templates/ live (packaged apps); defaults to the repository's resources/. */
  resourcesDir?: string;
  /** A reprint: "BẢN IN LẠI — <time>" across the top (every page on A4). `at`: local 'YYYY-MM-DDTHH:mm' or an ISO instant. */
  reprint?: { at: string };
}
