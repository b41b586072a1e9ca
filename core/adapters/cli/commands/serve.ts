import type { Command } from 'commander';
import { integerOption } from '../runtime';
import { isWebChild, superviseWebMode } from '../../web/supervisor';

export function registerServeCommand(program: Command, run: (fn: () => Promise<number | void>) => Promise<void>): void {
  program
    .command('serve')
    .description('Chạy chế độ web / run web mode (renderer + contract over WebSocket)')
    .option('--host <host>', 'địa chỉ lắng nghe / listen address (127.0.0.1; 0.0.0.0 to serve the LAN)')
    .option('--port <port>', 'cổng / port (5178)')
    .action((opts: { host?: string; port?: string }) =>
      run(async () => {
        // Checked before anything starts (launcher included): a bad port is the user's input (exit 2), not a
        // server that never listens.
        const port = opts.port === undefined ? undefined : integerOption('--port', opts.port, 1, 65535);
        // The launcher restarts the server (this same command, as its child) after a crash.
        if (!isWebChild()) return superviseWebMode();
        // The web server (ws, the core) loads only for this command, so every other command starts without it.
        const { runWebMode } = await import('../../web/main');
        await runWebMode({ host: opts.host, port });
        return new Promise<never>(() => {});
      }),
    );
}
