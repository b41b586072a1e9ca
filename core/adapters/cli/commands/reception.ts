/** Reception commands: CCCD QR, due dates, dossiers, forms, catalogue. Shapes are fixed by issue #3. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CliFailure, cliFailure, printJson, withCore, writeOutputFile } from '../runtime';
import { uploadLocalFile } from '../upload-file';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Plain decimal only: Number() would also take '0x10', '1e3' or ' 5 '. */
const DECIMAL = /^\d+(\.\d+)?$/;

function positiveNumber(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!DECIMAL.test(v) || !Number.isFinite(n) || n <= 0) {
    throw cliFailure('CLI_BAD_ARGUMENT', `${name} "${v}": phải là số dương viết thập phân, ví dụ 3 hoặc 0.5 / must be a positive decimal number`);
  }
  return n;
}

async function readJsonFile(file: string): Promise<unknown> {
  try {
    // Windows Notepad saves UTF-8 with a byte order mark, which JSON.parse refuses.
    return JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    throw cliFailure('CALENDAR_FILE_INVALID', `Không đọc được tệp lịch ${file}: ${(e as Error).message}`);
  }
}

export function registerReceptionCommands(program: Command, run: Run): void {
  program
    .command('cccd')
    .description('Đọc nội dung mã QR trên CCCD / parse the text of a CCCD QR code')
    .argument('<text>', 'nội dung QR / QR text')
    .option('--json', 'in JSON / print JSON')
    .action((text: string, opts: { json?: boolean }) =>
      run(() =>
        withCore(async (s) => {
          const r = await s.call('applicants.parseQr', { text });
          // The card's fields exactly as issue #3 fixes them; `known` (a returning applicant) is the UI's.
          const { known: _known, ...out } = r;
          if (opts.json) printJson(out);
          else for (const [k, v] of Object.entries(out)) process.stdout.write(`${k}: ${Array.isArray(v) ? v.join(', ') : v ?? ''}\n`);
        }),
      ),
    );

  program
    .command('due-date')
    .description('Tính ngày hẹn trả theo thời gian làm việc / due date in working time')
    .requiredOption('--received <YYYY-MM-DDTHH:mm>', 'thời điểm tiếp nhận / receipt time')
    .option('--days <n>', 'số ngày làm việc / working days')
    .option('--hours <n>', 'số giờ làm việc / working hours')
    .option('--agency <code>', 'mã cơ quan (khung giờ làm việc riêng) / agency code')
    .option('--calendar <file>', 'tệp lịch nghỉ chính thức / official calendar file')
    .option('--json', 'in JSON / print JSON')
    .action((opts: { received: string; days?: string; hours?: string; agency?: string; calendar?: string; json?: boolean }) =>
      run(async () => {
        const official = opts.calendar ? await readJsonFile(opts.calendar) : undefined;
        const days = positiveNumber('--days', opts.days);
        const hours = positiveNumber('--hours', opts.hours);
        return withCore(async (s) => {
          const r = await s.call('calendar.dueDate', {
            received: opts.received,
            ...(days !== undefined ? { days } : {}),
            ...(hours !== undefined ? { hours } : {}),
            ...(opts.agency ? { agencyCode: opts.agency } : {}),
            ...(official !== undefined ? { official } : {}),
          });
          if (opts.json) printJson(r);
          else process.stdout.write(`${r.due}\n`);
        });
      }),
    );

  const dossier = program.command('dossier').description('Hồ sơ / dossiers');
  dossier
    .command('receive')
    .description('Tiếp nhận hồ sơ đủ thành phần / receive a complete dossier')
    .requiredOption('--agency <code>', 'mã cơ quan / agency code')
    .requiredOption('--procedure <code>', 'mã thủ tục / procedure code')
    .requiredOption('--applicant-qr <text>', 'nội dung QR CCCD của người nộp / CCCD QR text')
    .option('--attach <file>', 'đính kèm tệp (ITEM=FILE gán vào thành phần ITEM) / attach a file', collect, [])
    .option('--result-return <how>', 'counter | post', 'counter')
    .option('--json', 'in JSON / print JSON')
    .action((opts: { agency: string; procedure: string; applicantQr: string; attach: string[]; resultReturn: string; json?: boolean }) =>
      run(async () => {
        const specs = opts.attach.map((spec) => {
          const m = /^([A-Za-z0-9._-]+)=(.+)$/.exec(spec);
          return { itemCode: m ? m[1]! : 'KHAC', file: m ? m[2]! : spec };
        });
        return withCore(async (s) => {
          // Each file goes in chunks through the upload staging, as from the UI: one size limit, no huge message.
          const attachments = [];
          for (const a of specs) attachments.push({ itemCode: a.itemCode, uploadId: (await uploadLocalFile(s, a.file, 'attachment')).uploadId });
          const v = await s.call('dossiers.receive', {
            agencyCode: opts.agency,
            procedureCode: opts.procedure,
            applicantQr: opts.applicantQr,
            attachments,
            resultReturn: opts.resultReturn as 'counter',
          });
          if (opts.json) printJson(v);
          else process.stdout.write(`${v.code}  ${v.applicant.fullName}  hẹn trả / due ${v.due ?? '-'}\n`);
        });
      }),
    );
  dossier
    .command('get')
    .description('Xem hồ sơ theo mã hoặc nội dung QR giấy tiếp nhận / show a dossier by code or receipt QR')
    .argument('<code>')
    .option('--json', 'in JSON (mặc định) / print JSON (the default)')
    .action((code: string) => run(() => withCore(async (s) => printJson(await s.call('dossiers.lookup', { text: code })))));
  dossier
    .command('return')
    .description('Trả kết quả / hand the result over')
    .argument('<code>')
    .requiredOption('--to <name>', 'người nhận / receiver')
    .option('--id-number <n>', 'số giấy tờ người nhận / receiver ID number')
    .option('--json', 'in JSON / print JSON')
    .action((code: string, opts: { to: string; idNumber?: string; json?: boolean }) =>
      run(() =>
        withCore(async (s) => {
          const d = await s.call('dossiers.lookup', { text: code });
          const v = await s.call('dossiers.returnResult', { id: d.id, receiverName: opts.to, ...(opts.idNumber ? { receiverIdNumber: opts.idNumber } : {}) });
          if (opts.json) printJson(v);
          else process.stdout.write(`${v.code}: ${v.state}\n`);
        }),
      ),
    );

  program
    .command('form')
    .description('In phiếu của hồ sơ ra PDF / render a dossier form as PDF')
    .argument('<form>', 'receipt | supplement | refusal | apology | bien-lai')
    .argument('<code>', 'mã hồ sơ / dossier code')
    .requiredOption('--out <file.pdf>', 'tệp PDF / output file')
    .option('--layout <layout>', 'a4 | 80mm', 'a4')
    .option('--json', 'in JSON / print JSON')
    .action((form: string, code: string, opts: { out: string; layout: string; json?: boolean }) =>
      run(() =>
        withCore(async (s) => {
          const r = await s.call('forms.render', { code, form: form as 'receipt', layout: opts.layout as 'a4' });
          await writeOutputFile(opts.out, Buffer.from(r.contentBase64, 'base64'));
          if (opts.json) printJson({ path: opts.out, bytes: r.bytes });
          else process.stdout.write(`${opts.out} (${r.bytes} bytes)\n`);
        }),
      ),
    );

  program
    .command('handover')
    .description('Danh sách bàn giao hồ sơ giấy (bưu chính → cơ quan) ra PDF / postal handover list as PDF')
    .argument('<codes...>', 'mã các hồ sơ / dossier codes')
    .requiredOption('--from <who>', 'bên giao / handed over by')
    .requiredOption('--to <who>', 'bên nhận / received by')
    .requiredOption('--out <file.pdf>', 'tệp PDF / output file')
    .option('--layout <layout>', 'a4 | 80mm', 'a4')
    .option('--json', 'in JSON / print JSON')
    .action((codes: string[], opts: { from: string; to: string; out: string; layout: string; json?: boolean }) =>
      run(() =>
        withCore(async (s) => {
          const ids: string[] = [];
          for (const code of codes) ids.push((await s.call('dossiers.get', { code })).id);
          const r = await s.call('forms.handover', { ids, from: opts.from, to: opts.to, layout: opts.layout as 'a4' });
          await writeOutputFile(opts.out, Buffer.from(r.contentBase64, 'base64'));
          if (opts.json) printJson({ path: opts.out, bytes: r.bytes });
          else process.stdout.write(`${opts.out} (${r.bytes} bytes)\n`);
        }),
      ),
    );

  const catalogue = program.command('catalogue').description('Danh mục thủ tục / procedure catalogue');
  catalogue
    .command('import')
    .description('Nhập danh mục từ JSON hoặc XLSX (dòng lỗi: không nhập gì) / import a catalogue')
    .argument('<file>')
    .option('--replace', 'thay toàn bộ danh mục / replace the whole catalogue')
    .option('--json', 'in JSON / print JSON')
    .action((file: string, opts: { replace?: boolean; json?: boolean }) =>
      run(() =>
        withCore(async (s) => {
          const { uploadId } = await uploadLocalFile(s, file, 'catalogue');
          try {
            const r = await s.call('catalogue.import', { uploadId, mode: opts.replace ? 'replace' : 'merge' });
            if (opts.json) printJson(r);
            else process.stdout.write(`${r.agencies} cơ quan / agencies, ${r.procedures} thủ tục / procedures\n`);
          } catch (e) {
            // Only a rejected file carries row issues; other failures (limits, unreadable) are their message alone.
            if (e instanceof CliFailure && e.error.code === 'CATALOGUE_IMPORT_REJECTED' && Array.isArray(e.error.details)) {
              for (const d of e.error.details as { sheet?: string; row?: number; column?: string; code: string; message?: string }[]) {
                const where = d.sheet ? `${d.sheet}${d.row ? ` dòng/row ${d.row}` : ''}${d.column ? ` [${d.column}]` : ''}: ` : '';
                process.stderr.write(`  ${where}${d.message ?? d.code}\n`);
              }
            }
            throw e;
          }
        }),
      ),
    );
  catalogue
    .command('export')
    .description('Xuất danh mục ra JSON hoặc XLSX (theo đuôi tệp) / export the catalogue')
    .requiredOption('--out <file>', '.json | .xlsx')
    .option('--json', 'in JSON / print JSON')
    .action((opts: { out: string; json?: boolean }) =>
      run(() =>
        withCore(async (s) => {
          const format = opts.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'json';
          const r = await s.call('catalogue.export', { format });
          const bytes = Buffer.from(r.contentBase64, 'base64');
          await writeOutputFile(opts.out, bytes);
          if (opts.json) printJson({ path: opts.out, format, bytes: bytes.length });
          else process.stdout.write(`${opts.out}\n`);
        }),
      ),
    );
}
