/**
 * HTTPS in LAN mode (issue #18): web mode started with MOTCUA_WEB_TLS_CERT/KEY (a throw-away self-signed certificate
 * made here with openssl) serves HTTPS and the contract over wss, and a kiosk pairs over it; files that are missing,
 * not PEM or not a pair are refused with a Vietnamese message, and the launcher exits 2 instead of serving HTTP.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadTlsFiles, TLS_CERT_ENV, TLS_KEY_ENV, tlsFailureText } from '../../../core/adapters/web/tls';
import { AppError } from '../../../core/contract/errors';
import { REPO, tempDir } from '../../helpers/temp';

const START_SCRIPT = path.join(REPO, 'scripts', 'start-web.mjs');
let dir: ReturnType<typeof tempDir>;
const file = (name: string) => path.join(dir.dir, name);

function selfSigned(name: string): { cert: string; key: string } {
  const cert = file(`${name}.crt`);
  const key = file(`${name}.key`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore', timeout: 30_000 });
  return { cert, key };
}

let good: { cert: string; key: string };
let other: { cert: string; key: string };
beforeAll(() => {
  dir = tempDir();
  good = selfSigned('good');
  other = selfSigned('other');
});
afterAll(() => dir.cleanup());

function refusal(env: NodeJS.ProcessEnv): AppError {
  try {
    loadTlsFiles(env);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('accepted');
}

/** A minimal wss client trusting only the test's certificate. */
async function wss(url: string, ca: Buffer) {
  const ws = new WebSocket(url.replace(/^https/, 'wss') + '/rpc', { ca });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let next = 1;
  const waiting = new Map<number, (r: { ok: boolean; value?: unknown; error?: { code: string } }) => void>();
  ws.on('message', (d) => {
    const r = JSON.parse(d.toString()) as { id: number; ok: boolean };
    waiting.get(r.id)?.(r);
    waiting.delete(r.id);
  });
  return {
    call: (method: string, input: unknown) =>
      new Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>((resolve) => {
        const id = next++;
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ id, method, input }));
      }),
    close: () => ws.close(),
  };
}

describe('HTTPS in web mode', () => {
  it('refuses TLS files that are missing, half-set, not PEM, or not a pair, in Vietnamese', () => {
    expect(loadTlsFiles({})).toBeNull();
    expect(loadTlsFiles({ [TLS_CERT_ENV]: good.cert, [TLS_KEY_ENV]: good.key })).toMatchObject({ cert: expect.any(Buffer), key: expect.any(Buffer) });
    expect(refusal({ [TLS_CERT_ENV]: good.cert }).code).toBe('WEB_TLS_INCOMPLETE');
    const missing = refusal({ [TLS_CERT_ENV]: file('khong-co.crt'), [TLS_KEY_ENV]: good.key });
    expect(missing).toMatchObject({ code: 'WEB_TLS_UNREADABLE', params: { which: 'certificate', reason: 'ENOENT' } });
    expect(tlsFailureText(missing)).toMatch(/^Lỗi \[WEB_TLS_UNREADABLE\]: Không đọc được tệp chứng chỉ .*khong-co\.crt.*MOTCUA_WEB_TLS_CERT/);
    writeFileSync(file('junk.pem'), 'không phải chứng chỉ');
    expect(refusal({ [TLS_CERT_ENV]: file('junk.pem'), [TLS_KEY_ENV]: good.key })).toMatchObject({ code: 'WEB_TLS_INVALID', params: { which: 'certificate' } });
    expect(refusal({ [TLS_CERT_ENV]: good.cert, [TLS_KEY_ENV]: file('junk.pem') })).toMatchObject({ code: 'WEB_TLS_INVALID', params: { which: 'privateKey' } });
    expect(tlsFailureText(refusal({ [TLS_CERT_ENV]: good.cert, [TLS_KEY_ENV]: other.key }))).toMatch(/WEB_TLS_MISMATCH\]: Khoá riêng .* không khớp với chứng chỉ/);
  });

  it('a mismatched key: the launcher says so and exits 2, serving nothing', async () => {
    const child = spawn(process.execPath, [START_SCRIPT, '--port', '0'], {
      cwd: REPO,
      env: { ...process.env, MOTCUA_DATA_DIR: file('data-bad'), MOTCUA_SKIP_RENDERER_BUILD: '1', [TLS_CERT_ENV]: good.cert, [TLS_KEY_ENV]: other.key },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(timer);
    expect(code, out).toBe(2);
    expect(out).toContain('Lỗi [WEB_TLS_MISMATCH]: Khoá riêng');
    expect(out).not.toContain('MotCua Desk (web)');
  });

  it('serves HTTPS and the contract over wss; a kiosk pairs and resumes over it', async () => {
    const child = spawn(process.execPath, [START_SCRIPT, '--port', '0'], {
      cwd: REPO,
      env: { ...process.env, MOTCUA_DATA_DIR: file('data'), MOTCUA_SKIP_RENDERER_BUILD: '1', [TLS_CERT_ENV]: good.cert, [TLS_KEY_ENV]: good.key },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL in 60 s\n${out}`)), 60_000);
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /MotCua Desk \(web\): (\S+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}\n${out}`)));
      });
      expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const ca = readFileSync(good.cert);
      const health = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        https
          .get(`${url}/healthz`, { ca, timeout: 10_000 }, (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          })
          .on('error', reject);
      });
      expect(health).toEqual({ status: 200, body: '{"ok":true}' });

      const admin = await wss(url, ca);
      expect(await admin.call('auth.setupAdmin', { username: 'quantri', displayName: 'Quản trị', password: 'mat-khau-an-toan-1' })).toMatchObject({ ok: true });
      const kiosk = await wss(url, ca);
      const req = (await kiosk.call('pairing.request', { kind: 'kiosk' })).value as { requestId: string; code: string; secret: string };
      expect(await admin.call('pairing.approve', { code: req.code, name: 'Ki-ốt sảnh' })).toMatchObject({ ok: true });
      const claimed = (await kiosk.call('pairing.claim', { requestId: req.requestId, secret: req.secret })).value as { token: string };
      kiosk.close();
      const again = await wss(url, ca);
      expect(await again.call('pairing.resume', { token: claimed.token })).toMatchObject({ ok: true, value: { kind: 'kiosk', name: 'Ki-ốt sảnh' } });
      expect((await again.call('users.list', {})).error?.code).toBe('RPC_FORBIDDEN');
      again.close();
      admin.close();
      // Plain HTTP on the same port is not served.
      const plain = await fetch(url.replace(/^https/, 'http') + '/healthz').then(
        (r) => r.status,
        () => 'refused',
      );
      expect(plain).not.toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    }
  });
});
