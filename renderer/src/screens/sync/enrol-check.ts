/**
 * Enrolment's checks before sending (an address the core could never reach, a token too short to be one) and
 * where an error the core answers shows: beside the address (bad URL, unreachable, not a central server) or
 * beside the token (used, expired, unknown). Pure, tested without a browser.
 */
export type EnrolField = 'central' | 'token';

export interface EnrolDraft {
  central: string;
  token: string;
}

/** Message keys of the problems found, by field; empty when the draft may be sent. */
export function checkEnrol(d: EnrolDraft): Partial<Record<EnrolField, string>> {
  const out: Partial<Record<EnrolField, string>> = {};
  const central = d.central.trim();
  if (!central) out.central = 'syncUi.enrol.noUrl';
  else if (!isHttpUrl(central)) out.central = 'syncUi.enrol.badUrl';
  if (d.token.trim().length < 8) out.token = 'syncUi.enrol.shortToken';
  return out;
}

export function isHttpUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

/**
 * The field a core error belongs to: the contract's field when it names one, else by what the code is about — its
 * own, or the central's code it passes on (params.code of a refusal: a spent token is about the token).
 */
export function enrolFieldOf(code: string, field: string | undefined, params: Record<string, unknown> = {}): EnrolField {
  const named = field?.split('.')[0];
  if (named === 'central' || named === 'token') return named;
  const passedOn = typeof params.code === 'string' ? params.code : '';
  return /TOKEN|OTHER_COUNTER/.test(code) || /TOKEN|OTHER_COUNTER/.test(passedOn) ? 'token' : 'central';
}
