/**
 * Issue #13 item 16, for every command the program has (walked from commander, so a new command is covered too):
 * bad input exits 2 with a stable code and no raw validator text, and every command that prints data takes --json.
 * The bad-input table runs the program in this process (main(), what the bin runs: same exit code, stdout, stderr),
 * since it is about each command's answer; the last test runs the real bin as a child process.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../../core/adapters/cli/main';
import { EXIT_FAILED, EXIT_USAGE, exitCodeFor } from '../../../core/adapters/cli/runtime';
import { isInputError } from '../../../core/contract/errors';
import { motcuaInProcess, motcua as runMotcua } from '../../helpers/cli';
import { NGUYEN_THI_HUYNH, qrOf } from '../../helpers/people';
import { tempDir } from '../../helpers/temp';

let data: ReturnType<typeof tempDir>;
const motcua = (args: string[]) => runMotcua(data.dir, args);
const file = (name: string, content: string | Buffer) => {
  const p = path.join(data.dir, 'inputs', name);
  writeFileSync(p, content);
  return p;
};

beforeAll(async () => {
  data = tempDir();
  (await import('node:fs')).mkdirSync(path.join(data.dir, 'inputs'));
});
afterAll(() => data.cleanup());

function leafCommands(): { path: string; cmd: Command }[] {
  const out: { path: string; cmd: Command }[] = [];
  const walk = (c: Command, p: string[]): void => {
    if (c.commands.length === 0 && p.length) out.push({ path: p.join(' '), cmd: c });
    for (const s of c.commands) walk(s, [...p, s.name()]);
  };
  walk(buildProgram(), []);
  return out;
}

/** Commands that print no data: serve runs a server until stopped. */
const PRINTS_NO_DATA = new Set(['serve']);

const AGENCY = '000.27.10.H12';
const PROCEDURE = '1.004873';

/** One bad input per command, and the code it must be refused with (null: commander's own argument error). */
function badInputs(): Record<string, { args: string[]; code: RegExp | null }[]> {
  const pdf = () => file('to-khai.pdf', '%PDF-1.4 tờ khai');
  return {
    serve: [{ args: ['serve', '--port', 'abc'], code: /CLI_BAD_ARGUMENT/ }],
    'pairing approve': [
      { args: ['pairing', 'approve', '--code', '12345', '--name', 'Ki-ốt'], code: /RPC_INVALID_INPUT/ },
      { args: ['pairing', 'approve', '--code', '123456', '--name', 'Ki-ốt'], code: /PAIRING_CODE_UNKNOWN/ },
    ],
    'pairing revoke': [{ args: ['pairing', 'revoke', 'khong-co-thiet-bi'], code: /PAIRING_DEVICE_NOT_FOUND/ }],
    backup: [{ args: ['backup', '--out', path.join(data.dir, 'motcua.sqlite')], code: /BACKUP_TARGET_IS_DATABASE/ }],
    'audit verify': [{ args: ['audit', 'verify', '--rows', '5'], code: null }],
    'user add': [{ args: ['user', 'add', '--username', 'x', '--name', 'X', '--role', 'emperor'], code: /RPC_INVALID_INPUT/ }],
    cccd: [
      { args: ['cccd', '001185012345|x|y'], code: /CCCD_MALFORMED/ },
      { args: ['cccd', qrOf({ ...NGUYEN_THI_HUYNH, gender: 'X' as 'Nam' })], code: /CCCD_BAD_GENDER/ },
    ],
    'due-date': [{ args: ['due-date', '--received', '2026-11-27T16:00', '--days', '0x10'], code: /CLI_BAD_ARGUMENT/ }],
    'dossier receive': [
      { args: ['dossier', 'receive', '--agency', AGENCY, '--procedure', PROCEDURE, '--applicant-qr', qrOf(NGUYEN_THI_HUYNH), '--attach', `NOPE=${pdf()}`], code: /DOSSIER_UNKNOWN_ITEM/ },
      {
        args: ['dossier', 'receive', '--agency', AGENCY, '--procedure', PROCEDURE, '--applicant-qr', qrOf(NGUYEN_THI_HUYNH), '--attach', `TP1=${file('ghi-chu.txt', 'chỉ là một ghi chú, không phải PDF')}`],
        code: /DOSSIER_FILE_[A-Z_]+/,
      },
      { args: ['dossier', 'receive', '--agency', AGENCY, '--procedure', PROCEDURE, '--applicant-qr', 'x'.repeat(3000)], code: /RPC_INVALID_INPUT/ },
    ],
    'dossier get': [{ args: ['dossier', 'get', 'KHONG-CO-MA-NAY', '--json'], code: /DOSSIER_NOT_FOUND/ }],
    'dossier return': [{ args: ['dossier', 'return', 'KHONG-CO-MA-NAY', '--to', 'Trần Văn Đức'], code: /DOSSIER_NOT_FOUND/ }],
    form: [{ args: ['form', 'phieu-la', 'KHONG-CO-MA-NAY', '--out', path.join(data.dir, 'inputs', 'f.pdf')], code: /RPC_INVALID_INPUT/ }],
    handover: [{ args: ['handover', 'KHONG-CO-MA-NAY', '--from', 'A', '--to', 'B', '--out', path.join(data.dir, 'inputs', 'h.pdf')], code: /DOSSIER_NOT_FOUND/ }],
    'catalogue import': [{ args: ['catalogue', 'import', file('hong.json', '{"version": 1, "agencies": [')], code: /CATALOGUE_FILE_UNREADABLE/ }],
    'catalogue export': [{ args: ['catalogue', 'export', '--out', path.join(data.dir, 'khong-co-thu-muc', 'dm.json')], code: /CLI_FILE_UNWRITABLE/ }],
    scan: [
      { args: ['scan', '--device', 'usb:1', '--out', path.join(data.dir, 'inputs', 'scan')], code: /SCAN_BAD_DEVICE_URI/ },
      { args: ['scan', '--device', 'escl:not a url', '--out', path.join(data.dir, 'inputs', 'scan')], code: /SCAN_BAD_DEVICE_URI/ },
    ],
    devices: [{ args: ['devices', '--escl', 'not a url'], code: /SCAN_BAD_DEVICE_URI/ }],
    'dossier scan': [
      { args: ['dossier', 'scan', 'KHONG-CO-MA-NAY', '--device', 'usb:1'], code: /SCAN_BAD_DEVICE_URI/ },
      { args: ['dossier', 'scan', 'KHONG-CO-MA-NAY', '--device', 'escl:http://127.0.0.1:9/eSCL'], code: /DOSSIER_NOT_FOUND/ },
    ],
  };
}

describe('every CLI command', () => {
  it('accepts --json when it prints data', () => {
    const missing = leafCommands()
      .filter(({ path: p, cmd }) => !PRINTS_NO_DATA.has(p) && !cmd.options.some((o) => o.long === '--json'))
      .map((c) => c.path);
    expect(missing).toEqual([]);
  });

  it('exits 2 on bad input, with the code and a Vietnamese message, never raw validator text', async () => {
    const table = badInputs();
    const leaves = leafCommands().map((c) => c.path);
    // A command added without a case here still gets a bad-argument check, and is listed so a real case is added.
    const uncovered = leaves.filter((p) => !(p in table));
    for (const p of uncovered) table[p] = [{ args: [...p.split(' '), '--khong-co-tuy-chon-nay'], code: null }];
    for (const [command, cases] of Object.entries(table)) {
      expect(leaves, command).toContain(command);
      for (const c of cases) {
        const r = await motcuaInProcess(data.dir, c.args);
        const what = `${c.args.slice(0, 3).join(' ')}: ${r.stderr}`;
        expect(r.code, what).toBe(EXIT_USAGE);
        expect(r.stdout, what).toBe('');
        if (c.code) {
          expect(r.stderr, what).toMatch(new RegExp(`^Lỗi \\[${c.code.source}\\]: `, 'm'));
          expect(r.stderr, what).not.toMatch(/Too (big|small)|expected|Invalid input|<=|>=/);
        }
      }
    }
    expect(uncovered, 'commands with only the generic bad-argument check').toEqual(uncovered);
  }, 180_000);

  it('`dossier get CODE --json` prints the dossier, not the help', async () => {
    const pdf = file('to-khai-2.pdf', '%PDF-1.4 tờ khai');
    const r = await motcua(['dossier', 'receive', '--agency', AGENCY, '--procedure', PROCEDURE, '--applicant-qr', qrOf(NGUYEN_THI_HUYNH), '--attach', `TP1=${pdf}`, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const code = (JSON.parse(r.stdout) as { code: string }).code;
    const got = await motcua(['dossier', 'get', code, '--json']);
    expect(got.code, got.stderr).toBe(0);
    expect(JSON.parse(got.stdout)).toMatchObject({ code, state: 'received' });
    const exported = await motcua(['catalogue', 'export', '--out', path.join(data.dir, 'inputs', 'dm.json'), '--json']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ format: 'json' });
  }, 60_000);

  it('reads bad input from the code itself, one rule for every adapter', () => {
    for (const code of ['DOSSIER_FILE_TYPE_NOT_ALLOWED', 'DOSSIER_UNKNOWN_ITEM', 'DOSSIER_NOT_FOUND', 'CCCD_BAD_GENDER', 'CLI_FILE_UNWRITABLE', 'UPLOAD_CHUNK_TOO_LARGE', 'SETTINGS_BAD_URL']) {
      expect(isInputError(code), code).toBe(true);
      expect(exitCodeFor(code), code).toBe(EXIT_USAGE);
    }
    for (const code of ['CCCD_SCANNER_NOT_FOUND', 'UPLOAD_TOO_MANY', 'FORMS_TEMPLATE_INVALID', 'FORMS_CONTEXT_INVALID', 'AUDIT_KEY_MISSING', 'DISK_FULL', 'DB_BUSY', 'DOSSIER_BAD_TRANSITION', 'INTERNAL']) {
      expect(isInputError(code), code).toBe(false);
      expect(exitCodeFor(code), code).toBe(EXIT_FAILED);
    }
  });
});
