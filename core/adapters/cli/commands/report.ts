/**
 * `motcua report --from YYYY-MM-DD --to YYYY-MM-DD --format json|xlsx|pdf [--agency CODE] [--out FILE]` (issue #19).
 * PLACEHOLDER: filled by its owner.
 */
import type { Command } from 'commander';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

export function registerReportCommand(program: Command, run: Run): void {
  void program;
  void run;
}
