/** `motcua document ID --out FILE`: saves a dossier's attached file (ids: `motcua dossier get CODE --json`). */
import type { Command } from 'commander';
import { UPLOAD_CHUNK_BYTES } from '../../../contract/limits';
import { printJson, withCore, writeOutputFile } from '../runtime';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

export function registerDocumentCommands(program: Command, run: Run): void {
  program
    .command('document')
    .description('Lưu tệp đính kèm của hồ sơ ra đĩa / save a file attached to a dossier')
    .argument('<id>', 'mã tệp (documents[].id trong `dossier get --json`) / document id')
    .requiredOption('--out <file>', 'tệp ghi ra / output file')
    .option('--json', 'in JSON / print JSON')
    .action((id: string, opts: { out: string; json?: boolean }) =>
      run(() =>
        withCore(async (s) => {
          // The same chunked method as the UI, so the CLI reads what a clerk would open.
          const first = await s.call('documents.read', { id, offset: 0, length: UPLOAD_CHUNK_BYTES });
          const meta = first;
          const parts: Buffer[] = [Buffer.from(first.dataBase64, 'base64')];
          for (let offset = first.next; offset < meta.bytes; ) {
            const r = await s.call('documents.read', { id, offset, length: UPLOAD_CHUNK_BYTES });
            parts.push(Buffer.from(r.dataBase64, 'base64'));
            offset = r.next;
          }
          await writeOutputFile(opts.out, Buffer.concat(parts));
          const out = { path: opts.out, fileName: meta.fileName, mediaType: meta.mediaType, bytes: meta.bytes, sha256: meta.sha256 };
          if (opts.json) printJson(out);
          else process.stdout.write(`${opts.out} (${meta.fileName}, ${meta.bytes} bytes)\n`);
        }),
      ),
    );
}
