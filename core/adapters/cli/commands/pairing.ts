/**
 * `motcua devices pair --code CODE --name NAME [--printer URI]`, `motcua devices list [--json]`,
 * `motcua devices revoke ID` (issue #18). PLACEHOLDER (skeleton): the devices helper fills it in.
 */
import type { Command } from 'commander';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

export function registerPairingCommands(_program: Command, _run: Run): void {}
