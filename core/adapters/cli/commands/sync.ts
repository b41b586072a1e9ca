/**
 * `motcua sync enrol --central URL --token TOKEN`, `motcua sync [--once] [--central URL]` and
 * `motcua sync status --json` (issue #17). Without --once the worker runs until SIGINT/SIGTERM; with --once every
 * pending item is tried at once (backoff ignored, as "retry now" does): exit 0 when the outbox is empty, 3 when
 * items remain (pending or rejected), 2 for bad arguments.
 * PLACEHOLDER (skeleton): the outbox-worker helper implements it.
 */
import type { Command } from 'commander';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

export function registerSyncCommands(_program: Command, _run: Run): void {}
