/**
 * What a registered fee receipt form number (mẫu số, e.g. "01BLP0-001") or series (ký hiệu, e.g. "AA-25P") may
 * be: upper-case letters, digits and the separators printed receipt books use; no spaces (the number follows it).
 * One rule for the core's setting check and for Settings, which shows a mistake before saving.
 */
export const REGISTERED_RECEIPT_CODE_RE = /^[0-9A-Z](?:[0-9A-Z./-]{0,18}[0-9A-Z])?$/;
