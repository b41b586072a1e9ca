/**
 * `motcua queue status --json`, `motcua queue ticket --service CODE [--priority REASON] [--json]`,
 * `motcua queue call --counter N [--json]` (issue #18). PLACEHOLDER (skeleton): the queue-service helper fills it in.
 */
import type { Command } from 'commander';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

export function registerQueueCommands(_program: Command, _run: Run): void {}
