/**
 * HTTPS for LAN mode (issue #18): MOTCUA_WEB_TLS_CERT and MOTCUA_WEB_TLS_KEY name PEM files (the agency's certificate,
 * or a self-signed one for a trial). Checked before anything listens: a file that is missing, unreadable, not PEM, or a
 * key that is not the certificate's stops web mode with a clear message (exit 2), never a silent fall back to HTTP.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { AppError } from '../../contract/errors';
import { errorMessage, t } from '../../i18n/translate';

export const TLS_CERT_ENV = 'MOTCUA_WEB_TLS_CERT';
export const TLS_KEY_ENV = 'MOTCUA_WEB_TLS_KEY';

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

/** The first line of an OpenSSL or fs error, without a stack (it goes into a message for the operator). */
function reasonOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return String(err?.code ?? err?.message ?? e).split('\n')[0]!.slice(0, 200);
}

function readPem(file: string, which: 'certificate' | 'privateKey', variable: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new AppError('WEB_TLS_UNREADABLE', { which, file, variable, reason: reasonOf(e) });
  }
}

/** null: neither variable set (plain HTTP, as before). Throws AppError WEB_TLS_* for anything else that is not usable. */
export function loadTlsFiles(env: NodeJS.ProcessEnv = process.env): TlsFiles | null {
  const certFile = env[TLS_CERT_ENV]?.trim() || '';
  const keyFile = env[TLS_KEY_ENV]?.trim() || '';
  if (certFile === '' && keyFile === '') return null;
  if (certFile === '' || keyFile === '') throw new AppError('WEB_TLS_INCOMPLETE', { given: certFile === '' ? TLS_KEY_ENV : TLS_CERT_ENV });
  const cert = readPem(certFile, 'certificate', TLS_CERT_ENV);
  const key = readPem(keyFile, 'privateKey', TLS_KEY_ENV);
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch (e) {
    throw new AppError('WEB_TLS_INVALID', { which: 'certificate', file: certFile, reason: reasonOf(e) });
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch (e) {
    throw new AppError('WEB_TLS_INVALID', { which: 'privateKey', file: keyFile, reason: reasonOf(e) });
  }
  if (!x509.checkPrivateKey(privateKey)) throw new AppError('WEB_TLS_MISMATCH', { cert: certFile, key: keyFile });
  try {
    // What node:https will do with them (a chain file with junk after the first certificate, say).
    createSecureContext({ cert, key });
  } catch (e) {
    throw new AppError('WEB_TLS_INVALID', { which: 'certificate', file: certFile, reason: reasonOf(e) });
  }
  return { cert, key };
}

/** The operator's message for a refused TLS setup: Vietnamese, then English, then the code. */
export function tlsFailureText(e: AppError): string {
  return `Lỗi [${e.code}]: ${errorMessage(e.code, e.params, 'vi')} ${t('webTls.refused', {}, 'vi')}\n` + `Error [${e.code}]: ${errorMessage(e.code, e.params, 'en')} ${t('webTls.refused', {}, 'en')}\n`;
}

/**
 * For the launchers: the TLS files, or the message on stderr and exit 2 (bad input: the operator fixes a path or a
 * file; restarting would not help).
 */
export function tlsFilesOrExit(env: NodeJS.ProcessEnv = process.env): TlsFiles | null {
  try {
    return loadTlsFiles(env);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    process.stderr.write(tlsFailureText(e));
    process.exit(2);
  }
}
