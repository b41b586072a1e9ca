/**
 * The reference-tool rule: a missing tool skips its tests on a developer's machine and fails the run under CI=true;
 * and .ci/run sets CI=true and installs the package of every tool a test asks for.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MissingToolError, TOOL_PACKAGES, checkTools, isCi, onPath } from '../../helpers/tools';

const bin = mkdtempSync(path.join(os.tmpdir(), 'motcua-tools-'));
writeFileSync(path.join(bin, 'fake-pdftotext'), '#!/bin/sh\nexit 0\n');
chmodSync(path.join(bin, 'fake-pdftotext'), 0o755);
writeFileSync(path.join(bin, 'not-executable'), 'x');
afterAll(() => rmSync(bin, { recursive: true, force: true }));

describe('checkTools', () => {
  it('finds an executable on PATH and not a missing or non-executable one', () => {
    const env = { PATH: bin };
    expect(onPath('fake-pdftotext', env)).toBe(true);
    expect(onPath('not-executable', env)).toBe(false);
    expect(onPath('pdftotext-that-is-not-there', env)).toBe(false);
    expect(onPath(path.join(bin, 'fake-pdftotext'), {})).toBe(true);
  });

  it('skips with the install hint when a tool is missing outside CI', () => {
    const check = checkTools(['fake-pdftotext', 'qpdf', 'zbarimg'], { env: { PATH: bin } });
    expect(check.skip).toBe(true);
    expect(check.missing).toEqual(['qpdf', 'zbarimg']);
    expect(check.reason).toContain('apt-get install -y qpdf zbar-tools');
  });

  it('fails (throws) when a tool is missing under CI=true, naming the tool', () => {
    for (const CI of ['true', 'TRUE', '1']) {
      expect(() => checkTools(['fake-pdftotext', 'zbarimg'], { env: { PATH: bin, CI } })).toThrow(MissingToolError);
      expect(() => checkTools(['zbarimg'], { env: { PATH: bin, CI } })).toThrow(/zbarimg.*zbar-tools/);
    }
  });

  it('does not skip when everything is installed, in CI or not', () => {
    for (const env of [{ PATH: bin }, { PATH: bin, CI: 'true' }]) {
      expect(checkTools(['fake-pdftotext'], { env })).toEqual({ skip: false, missing: [], reason: '' });
    }
  });

  it('reads CI the way CI systems set it', () => {
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({})).toBe(false);
  });
});

/** Every test file under test/, as text. */
function testSources(dir: string): string[] {
  return testFiles(dir).map((file) => readFileSync(file, 'utf8'));
}

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return testFiles(file);
    return /\.ts$/.test(name) ? [file] : [];
  });
}

describe('tests that read PDFs back', () => {
  it('all go through the skip rule (PDF_TOOLS, missingTools or requireTools)', () => {
    const root = path.join(__dirname, '../..');
    const unguarded = testFiles(root)
      .filter((f) => f.endsWith('.test.ts'))
      .filter((f) => {
        const src = readFileSync(f, 'utf8');
        return /from '[./]*(?:helpers\/pdf-tools|tools)'/.test(src) && !/PDF_TOOLS|missingTools|requireTools/.test(src);
      })
      .map((f) => path.relative(root, f));
    expect(unguarded).toEqual([]);
  });
});

describe('.ci/run', () => {
  const script = readFileSync(path.join(__dirname, '../../../.ci/run'), 'utf8');

  it('runs the tests with CI=true, so a missing tool fails the run', () => {
    expect(script).toMatch(/^export CI=true$/m);
  });

  it('installs the package of every reference tool the tests use', () => {
    const pkgs = /^PKGS=\(([^)]*)\)/m.exec(script)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
    const root = path.join(__dirname, '../..');
    const used = new Set<string>();
    for (const src of testSources(root)) {
      // Tools named in a requireTools(...) call, and tools run directly by name.
      for (const call of src.matchAll(/requireTools\(([^)]*)\)/g)) for (const m of call[1]!.matchAll(/'([\w-]+)'/g)) used.add(m[1]!);
      for (const m of src.matchAll(/\b(?:execFileSync|execFile|run|spawnSync|spawn)\(\s*'([\w-]+)'/g)) if (m[1]! in TOOL_PACKAGES) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(0);
    const notInstalled = [...used].filter((t) => !pkgs.includes(TOOL_PACKAGES[t] ?? `<no package known for ${t}>`));
    expect(notInstalled).toEqual([]);
  });
});
