import type { Command } from 'commander';
import { runWebMode } from '../../web/main';
import { isWebChild, superviseWebMode } from '../../web/supervisor';

export function registerServeCommand(program: Command, run: (fn: () => Promise<number | void>) => Promise<void>): void {
  program
    .command('serve')
    .description('Chạy chế độ web / run web mode (renderer + contract over WebSocket)')
    .option('--host <host>', 'địa chỉ lắng nghe / listen address (127.0.0.1; 0.0.0.0 to serve the LAN)')
    .option('--port <port>', 'cổng / port (5178)')
    .action((opts: { host?: string; port?: string }) =>
      run(async () => {
        // The launcher restarts the server (this same command, as its child) after a crash.
        if (!isWebChild()) return superviseWebMode();
        await runWebMode({ host: opts.host, port: opts.port === undefined ? undefined : Number(opts.port) });
        return new Promise<never>(() => {});
      }),
    );
}
