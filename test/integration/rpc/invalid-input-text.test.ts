/**
 * Issue #13 item 16: no raw validator text reaches a clerk. RPC_INVALID_INPUT names the field and the rule in
 * Vietnamese (English in the en tree), through the real dispatcher, on every adapter (they all use it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { t } from '../../../core/i18n/translate';
import { issuesText } from '../../../core/rpc/validation-text';
import type { Connection } from '../../../core/rpc/connection';
import { startCore, withAdmin, type TestCore } from '../../helpers/core';

let tc: TestCore;
let admin: Connection;
beforeAll(async () => {
  tc = await startCore();
  admin = await withAdmin(tc.core);
});
afterAll(() => tc.close());

/** Nothing of zod's English default messages. */
const ZOD_ENGLISH = /Too (big|small)|expected|Invalid|Unrecognized|characters|<=|>=/;

describe('RPC_INVALID_INPUT in words', () => {
  it('a too-long text names the field and the limit in Vietnamese, with the English in the en tree', async () => {
    const r = await tc.core.dispatch(admin, 'dossiers.receive', {
      agencyCode: '000.27.10.H12',
      procedureCode: '1.004873',
      applicantQr: 'x'.repeat(2001),
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('RPC_INVALID_INPUT');
    expect(r.error.message).toContain('trường "applicantQr": quá dài, tối đa 2.000 ký tự');
    expect(r.error.message).not.toMatch(ZOD_ENGLISH);
    expect(t('errors.RPC_INVALID_INPUT', r.error.params, 'en')).toContain('field "applicantQr": too long, at most 2,000 characters');
    expect(JSON.stringify(r.error.details)).not.toMatch(ZOD_ENGLISH);
  });

  it('a missing field, a wrong type, a value outside a list and a stray key each get their rule', async () => {
    const r = await tc.core.dispatch(admin, 'users.create', { username: 'x', displayName: 5, role: 'emperor', password: 'mat-khau-123', extra: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).not.toMatch(ZOD_ENGLISH);
    expect(r.error.message).toMatch(/trường "displayName": sai kiểu, cần chuỗi chữ/);
    expect(r.error.message).toMatch(/trường "role": phải là một trong các giá trị "clerk"/);
    expect(r.error.message).toMatch(/có trường không được phép: extra/);
    const missing = await tc.core.dispatch(admin, 'settings.get', {});
    expect(missing.ok ? '' : missing.error.message).toMatch(/trường "key": còn thiếu, phải nhập/);
  });

  it('covers every rule kind without falling back to the validator', () => {
    const schema = z.object({
      a: z.string().min(3),
      b: z.string().min(1),
      c: z.number().int().max(10),
      d: z.number().gt(0),
      e: z.array(z.string()).max(1),
      f: z.string().regex(/^\d+$/),
      g: z.number().multipleOf(5),
      h: z.union([z.string(), z.number()]),
      i: z.string().email(),
    });
    const parsed = schema.safeParse({ a: 'x', b: '', c: 11, d: 0, e: ['1', '2'], f: 'x', g: 7, h: true, i: 'no' });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const vi = issuesText(parsed.error.issues, 'vi', 20);
    for (const part of ['tối thiểu 3 ký tự', '"b": không được để trống', 'tối đa 10', 'phải lớn hơn 0', 'quá nhiều mục, tối đa 1', 'không đúng mẫu quy định', 'bội số của 5', 'không khớp dạng', 'địa chỉ email']) {
      expect(vi).toContain(part);
    }
    expect(vi).not.toMatch(ZOD_ENGLISH);
  });
});
