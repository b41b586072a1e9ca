import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../core/i18n/catalogue';
import { clearApplicant, emptyDraft, hasApplicant, type Draft } from '../../../renderer/src/screens/reception/draft';
import { isBlankDraft, parseSavedDraft, serialiseDraft, vietnamWallClock } from '../../../renderer/src/screens/reception/saved-draft';
import { refusalDetail } from '../../../renderer/src/screens/reception/scan-refusal';

const someone: Draft = {
  ...emptyDraft('000.27.10.H12'),
  applicant: { kind: 'citizen', idNumber: '001185012345', oldIdNumber: '', fullName: 'Huỳnh Thị Ngọc Ánh', dateOfBirth: '15/03/1985', gender: 'female', address: 'Hà Nội', issueDate: '10/08/2021', phone: '0912345678', email: '' },
  scan: { idNumber: '001185012345', warnings: [], returning: false, text: '001185012345|…' },
  summary: 'Đăng ký nhận cha con',
};

describe('a refused scan never leaves the previous applicant', () => {
  it('clears every applicant field and the card it came from, keeping the rest of the dossier', () => {
    expect(hasApplicant(someone)).toBe(true);
    const cleared = clearApplicant(someone);
    expect(cleared.applicant).toEqual(emptyDraft().applicant);
    expect(cleared.scan).toBeNull();
    expect(hasApplicant(cleared)).toBe(false);
    expect(cleared.summary).toBe(someone.summary);
  });
});

describe('the refusal detail is in the clerk\'s language, never a raw code', () => {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { vi: { translation: catalogue.vi }, en: { translation: catalogue.en } }, lng: 'vi', initAsync: false, interpolation: { escapeValue: false } });
  const exists = (k: string) => i18n.exists(k);

  it('names a bad date\'s problem in Vietnamese (and English)', () => {
    expect(refusalDetail('CCCD_BAD_DATE', { value: '31021985', reason: 'invalid' }, i18n.t, exists)).toBe('Chi tiết: Ngày không có thật.');
    expect(refusalDetail('CCCD_BAD_DATE', { value: '31021985', reason: 'invalid' }, i18n.getFixedT('en'), exists)).toBe('Detail: The date does not exist.');
  });

  it('names a mangling with its word, and leaves out reasons it does not know', () => {
    expect(refusalDetail('CCCD_MANGLED', { reason: 'telex', word: 'Nguyeenx' }, i18n.t, exists)).toBe('Chi tiết: Chữ còn nguyên phím gõ Telex. (ở chữ “Nguyeenx”).');
    expect(refusalDetail('CCCD_BAD_DATE', { reason: 'who_knows' }, i18n.t, exists)).toBeNull();
    expect(refusalDetail('CCCD_MALFORMED', { fieldCount: 2 }, i18n.t, exists)).toBeNull();
  });
});

describe('the reception draft kept by the core', () => {
  it('comes back as it was saved, without file contents (counted so the clerk re-attaches them)', () => {
    const withFile: Draft = { ...someone, attachments: [{ key: 'f1', rowKey: 'r', itemCode: 'TK', fileName: 'to-khai.pdf', mediaType: 'application/pdf', bytes: 3, uploadId: 'upload-aaaa' } as unknown as Draft['attachments'][number]] };
    const text = serialiseDraft(withFile, 'checklist');
    expect(text).not.toContain('upload-aaaa');
    expect(parseSavedDraft(text)).toEqual({ draft: { ...someone, attachments: [] }, step: 'checklist', droppedFiles: 1 });
  });

  it('trusts nothing it reads back: wrong types fall back to empty, garbage is no draft', () => {
    expect(parseSavedDraft('not json')).toBeNull();
    expect(parseSavedDraft(JSON.stringify({ v: 99, draft: {} }))).toBeNull();
    const odd = parseSavedDraft(JSON.stringify({ v: 1, step: 'nowhere', draft: { applicant: { fullName: 42, kind: 'alien', gender: 'x' }, checklist: [{ key: 'a' }], summary: 'ok' } }));
    expect(odd?.step).toBe('applicant');
    expect(odd?.draft.applicant).toEqual(emptyDraft().applicant);
    expect(odd?.draft.checklist).toEqual([]); // no procedure: no checklist
    expect(odd?.draft.summary).toBe('ok');
  });

  it('knows a blank form (nothing to keep) from one with work in it', () => {
    expect(isBlankDraft(emptyDraft('000.27.10.H12'))).toBe(true);
    expect(isBlankDraft(someone)).toBe(false);
    expect(isBlankDraft({ ...emptyDraft(), ticket: 'A12' })).toBe(false);
  });

  it('applies the same blank rule to a person as the applicant check: spaces alone are nothing, the kind is no data', () => {
    const spaces: Draft = { ...emptyDraft(), applicant: { ...emptyDraft().applicant, fullName: '   ', phone: '\t' }, submitter: { ...emptyDraft().submitter, kind: 'organisation', address: ' ' } };
    expect(hasApplicant(spaces)).toBe(false);
    expect(isBlankDraft(spaces)).toBe(true);
    const named: Draft = { ...emptyDraft(), submitter: { ...emptyDraft().submitter, fullName: ' Lê Văn Nộp ' } };
    expect(hasApplicant(named)).toBe(false); // the submitter is not the applicant
    expect(isBlankDraft(named)).toBe(false);
  });

  it('shows the saved time on Vietnam\'s clock', () => {
    expect(vietnamWallClock('2026-12-06T13:38:00.000Z')).toBe('2026-12-06T20:38');
    expect(vietnamWallClock('garbage')).toBe('');
  });
});
