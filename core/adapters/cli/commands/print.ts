/**
 * `motcua print --printer URI (--ticket N [--service NAME] | --pdf FILE | --form F --dossier CODE [--layout a4|80mm]) [--json]`
 * and `motcua print queue --json`. PLACEHOLDER (skeleton): the CLI's owner writes it.
 */
import type { Command } from 'commander';
type Run = (fn: () => Promise<number | void>) => Promise<void>;

export function registerPrintCommands(program: Command, run: Run): void {
  void program;
  void run;
}
