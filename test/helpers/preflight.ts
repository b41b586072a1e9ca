/**
 * PDFBox preflight (Debian libpdfbox2-java) checks a file against PDF/A-1b: the reference validator for the
 * searchable PDFs. Needs `java` and the jars from /usr/share/java (libpdfbox2-java, libactivation-java,
 * libjaxb-api-java); use with requireTools('java') and preflightAvailable().
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const JAVA_DIR = '/usr/share/java';
const JARS = ['preflight.jar', 'pdfbox2.jar', 'fontbox2.jar', 'xmpbox.jar', 'commons-logging.jar', 'javax.activation.jar', 'jaxb-api.jar'];

export function preflightAvailable(): boolean {
  return JARS.every((j) => existsSync(path.join(JAVA_DIR, j)));
}

export interface PreflightResult {
  valid: boolean;
  /** What the validator printed (the failed rules when not valid). */
  output: string;
}

export function preflightPdfA1b(file: string): PreflightResult {
  const cp = JARS.map((j) => path.join(JAVA_DIR, j)).join(':');
  const r = spawnSync('java', ['-cp', cp, 'org.apache.pdfbox.preflight.Validator_A1b', file], { encoding: 'utf8', timeout: 120_000 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  return { valid: r.status === 0 && !/is not valid/i.test(output), output };
}
