/**
 * Reading requests and writing replies with limits: a body larger than its cap is refused (413) as soon as the
 * declared or received size passes it, so a client cannot make the server buffer without end.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { CentralError } from '../errors';

/** JSON bodies: a dossier snapshot with its lists fits many times over. */
export const MAX_JSON_BYTES = 2 * 1024 * 1024;

export async function readBody(req: IncomingMessage, cap: number, code = 'BODY_TOO_LARGE'): Promise<Buffer> {
  const tooLarge = (): CentralError => new CentralError(413, code, { maxKb: Math.floor(cap / 1024) });
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > cap) throw tooLarge();
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of req as AsyncIterable<Buffer>) {
    size += part.length;
    if (size > cap) throw tooLarge();
    parts.push(part);
  }
  return Buffer.concat(parts, size);
}

const issueText = (e: z.ZodError): string =>
  e.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : '(body)'}: ${i.message}`)
    .join('; ');

/** Parses and validates a JSON body: 400 BAD_REQUEST with the first reasons on anything else. */
export async function readJson<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.infer<S>> {
  const raw = await readBody(req, MAX_JSON_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new CentralError(400, 'BAD_REQUEST', { reason: 'JSON' });
  }
  return validate(schema, value);
}

export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new CentralError(400, 'BAD_REQUEST', { reason: issueText(r.error) });
  return r.data;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}
