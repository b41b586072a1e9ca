/**
 * Reference tools (pdftotext, qpdf, zbarimg …) that tests check our output against. On a developer's machine a
 * missing tool skips the tests that need it, saying which and how to install it; under CI=true a missing tool
 * throws, so a lost install step in .ci/run fails the run instead of passing green with the checks skipped.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Debian package that provides each tool (the hint in skip and failure messages; .ci/run installs them). */
export const TOOL_PACKAGES: Readonly<Record<string, string>> = {
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  qpdf: 'qpdf',
  zbarimg: 'zbar-tools',
  scanimage: 'sane-utils',
  tesseract: 'tesseract-ocr',
  ocrmypdf: 'ocrmypdf',
  java: 'default-jre-headless',
  pdfimages: 'poppler-utils',
  pdffonts: 'poppler-utils',
  lp: 'cups-client',
  lpstat: 'cups-client',
  lpadmin: 'cups-client',
  cupsenable: 'cups-client',
  cupsaccept: 'cups-client',
  cupsd: 'cups',
  socat: 'socat',
};

export interface ToolCheck {
  /** True when the tests needing these tools should skip (only ever outside CI). */
  skip: boolean;
  missing: string[];
  /** Human-readable reason, empty when nothing is missing. */
  reason: string;
}

export interface ToolCheckOptions {
  env?: NodeJS.ProcessEnv;
  /** Whether a tool is installed; the default looks it up on PATH without running it. */
  isInstalled?: (tool: string, env: NodeJS.ProcessEnv) => boolean;
}

/** The CI convention of GitHub, GitLab and .ci/run: CI=true (or 1). */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.CI ?? '').trim().toLowerCase();
  return v === 'true' || v === '1';
}

/** Looks `tool` up as an executable file: a path as given, a bare name on PATH. */
export function onPath(tool: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const candidates = tool.includes('/') ? [tool] : (env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, tool));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export class MissingToolError extends Error {}

export function checkTools(tools: readonly string[], opts: ToolCheckOptions = {}): ToolCheck {
  const env = opts.env ?? process.env;
  const isInstalled = opts.isInstalled ?? onPath;
  const missing = [...new Set(tools)].filter((t) => !isInstalled(t, env));
  if (missing.length === 0) return { skip: false, missing, reason: '' };
  const packages = [...new Set(missing.map((t) => TOOL_PACKAGES[t] ?? t))].join(' ');
  const reason = `missing ${missing.join(', ')} (apt-get install -y ${packages})`;
  if (isCi(env)) throw new MissingToolError(`CI=true but a reference tool is not installed: ${reason}; install it in .ci/run`);
  return { skip: true, missing, reason };
}

/**
 * For test files: `const tools = requireTools('pdftotext', 'qpdf'); describe.skipIf(tools.skip)(…)`.
 * Throws at collection under CI (the file fails); warns once per file otherwise.
 */
export function requireTools(...tools: string[]): ToolCheck {
  const check = checkTools(tools);
  if (check.skip) console.warn(`SKIPPED tests needing reference tools: ${check.reason}`);
  return check;
}
