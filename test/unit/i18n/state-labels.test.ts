/**
 * Errors that name a dossier's state or a form show their labels, not their ids (issue #16 review): in Vietnamese
 * the Vietnamese labels, in English the English ones, through the catalogue's nesting ($t(…)), as the renderer's
 * i18next does.
 */
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../core/i18n/translate';

describe('labels in error messages', () => {
  it('FORMS_NOT_FOR_STATE names the form and the state by their labels', () => {
    const vi = errorMessage('FORMS_NOT_FOR_STATE', { form: 'refusal', state: 'received' });
    expect(vi).toBe('Không in được "Phiếu từ chối tiếp nhận giải quyết hồ sơ" cho hồ sơ đang ở trạng thái "Đã tiếp nhận".');
    const en = errorMessage('FORMS_NOT_FOR_STATE', { form: 'bien-lai', state: 'supplement_requested' }, 'en');
    expect(en).toContain('"Supplement requested"');
    expect(en).not.toMatch(/bien-lai|supplement_requested|\$t\(/);
  });

  it('DOSSIER_BAD_TRANSITION names the state and the refused move in words', () => {
    const vi = errorMessage('DOSSIER_BAD_TRANSITION', { from: 'refused', to: 'fee' });
    expect(vi).toBe('Hồ sơ đang ở trạng thái "Từ chối tiếp nhận" nên không thể thu phí, lệ phí.');
    for (const to of ['received', 'apology', 'result_returned']) {
      for (const locale of ['vi', 'en'] as const) {
        const m = errorMessage('DOSSIER_BAD_TRANSITION', { from: 'sent_to_agency', to }, locale);
        expect(m, m).not.toMatch(/sent_to_agency|result_returned|\$t\(|dossier\./);
      }
    }
    expect(errorMessage('DOSSIER_BAD_TRANSITION', { from: 'withdrawn', to: 'received' }, 'en')).toBe('The dossier is "Withdrawn", so it cannot move to "Received".');
  });
});

describe('nesting never reaches into param values', () => {
  it("a user's text holding $t(…) or {{…}} is shown exactly as typed", () => {
    const typed = 'Dịch vụ $t(errors.INTERNAL) {{uri}} $t(dossier.states.{{state}})';
    const m = errorMessage('PRINT_BAD_PDF', { detail: typed, reason: typed, uri: 'X' });
    expect(m).toContain(typed);
  });

  it('an id with no label shows as the id itself', () => {
    expect(errorMessage('FORMS_NOT_FOR_STATE', { form: 'receipt', state: 'no_such_state' })).toContain('"no_such_state"');
  });
});
