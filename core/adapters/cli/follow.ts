/**
 * `--follow` on the CLI: the push channel as JSON lines. Each event the command's connection subscribed to is
 * written as one line `{"event":"scans.progress","data":{…}}` (the same shape web mode sends on its socket). When
 * the command prints its --json result on stdout, events go to stderr so stdout stays one JSON document.
 */
import type { Core } from '../../app';
import type { EventMessage, EventName } from '../../contract/events';
import type { Connection } from '../../rpc/connection';
import { CliFailure, exitCodeFor } from './runtime';

export type LineWriter = (line: string) => void;

/** Where event lines go: stderr when stdout carries the --json result, else stdout beside the text output. */
export function followWriter(jsonResult: boolean): LineWriter {
  const stream = jsonResult ? process.stderr : process.stdout;
  return (line) => void stream.write(line);
}

/**
 * Subscribes the CLI connection to these events (through the dispatcher: unknown names and access are checked there,
 * a refusal throws a CliFailure with its exit code) and writes each as one JSON line. Returns the unsubscribe.
 */
export async function followEvents(
  core: Pick<Core, 'dispatch'>,
  conn: Connection,
  names: readonly EventName[],
  write: LineWriter,
): Promise<() => Promise<void>> {
  const wanted = new Set<string>(names);
  const previous = conn.sink;
  const sink = (msg: EventMessage): void => {
    if (wanted.has(msg.event)) write(`${JSON.stringify({ event: msg.event, data: msg.data })}\n`);
    previous?.(msg);
  };
  conn.sink = sink;
  const r = await core.dispatch(conn, 'events.subscribe', { names: [...names] });
  if (!r.ok) {
    conn.sink = previous;
    throw new CliFailure(r.error, exitCodeFor(r.error.code));
  }
  let done = false;
  return async () => {
    if (done) return;
    done = true;
    if (conn.sink === sink) conn.sink = previous;
    await core.dispatch(conn, 'events.unsubscribe', { names: [...names] });
  };
}
