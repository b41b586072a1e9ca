/**
 * `motcua`: the command line over the same contract as the UI. Subcommands live in commands/, one
 * file per area; each calls contract methods through runtime.withCore.
 */
import { Command, CommanderError } from 'commander';
import { appVersion } from '../../platform/version';
import { EXIT_USAGE, printFailure } from './runtime';
import { registerSystemCommands } from './commands/system';
import { registerServeCommand } from './commands/serve';
import { registerReceptionCommands } from './commands/reception';
import { registerUserCommands } from './commands/users';
import { registerDocumentCommands } from './commands/documents';
import { registerScanCommands } from './commands/scan';
import { registerDossierScanCommand } from './commands/dossier-scan';
import { registerOcrCommands } from './commands/ocr';
import { registerPdfCommand } from './commands/pdf';
import { registerSearchCommand } from './commands/search';
import { registerPrintCommands } from './commands/print';
import { registerSyncCommands } from './commands/sync';
import { registerQueueCommands } from './commands/queue';
import { registerPairingCommands } from './commands/pairing';
import { registerReportCommand } from './commands/report';

async function run(fn: () => Promise<number | void>): Promise<void> {
  try {
    const code = await fn();
    process.exitCode = typeof code === 'number' ? code : 0;
  } catch (e) {
    process.exitCode = printFailure(e);
  }
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('motcua')
    .description('MotCua Desk — dòng lệnh quầy Một cửa / one-stop counter command line.\nDữ liệu / data: MOTCUA_DATA_DIR (mặc định thư mục dữ liệu của ứng dụng).')
    .version(appVersion())
    .showHelpAfterError()
    .exitOverride();
  registerServeCommand(program, run);
  registerSystemCommands(program, run);
  registerUserCommands(program, run);
  registerReceptionCommands(program, run);
  registerDocumentCommands(program, run);
  registerScanCommands(program, run);
  registerDossierScanCommand(program, run);
  registerOcrCommands(program, run);
  registerPdfCommand(program, run);
  registerSearchCommand(program, run);
  registerPrintCommands(program, run);
  registerSyncCommands(program, run);
  registerQueueCommands(program, run);
  registerPairingCommands(program, run);
  registerReportCommand(program, run);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    process.exitCode = printFailure(e);
  }
}
