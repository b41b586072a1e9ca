import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
// js-yaml and ajv come with electron-builder; resolve them from there rather than depending on hoisting.
const builderRequire = createRequire(path.join(repo, 'node_modules', 'app-builder-lib', 'package.json'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
const AjvModule = builderRequire('ajv') as { default?: unknown };
type AjvCtor = new (o: object) => { compile(s: unknown): ((d: unknown) => boolean) & { errors?: unknown } };
const Ajv = (AjvModule.default ?? AjvModule) as AjvCtor;

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  extraResources: Array<{ from: string; to: string }>;
  win: { target: Array<{ target: string; arch: string[] }> };
  nsis: Record<string, unknown>;
  linux: { target: Array<{ target: string }>; category: string };
  deb: { depends: string[] };
}

const config = yaml.load(readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("matches electron-builder's own JSON schema", () => {
    const schema = JSON.parse(readFileSync(path.join(repo, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as unknown;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const ok = validate(config);
    expect(validate.errors ?? null).toBeNull();
    expect(ok).toBe(true);
  });

  it('identifies the app', () => {
    expect(config.appId).toBe('vn.motcua.desk');
    expect(config.productName).toBe('MotCua Desk');
    expect(config.files).toContain('out/**');
    expect(config.files).toContain('package.json');
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps native addons and tesseract outside the asar and rebuilds natives for Electron', () => {
    for (const p of ['**/*.node', 'node_modules/better-sqlite3/**', 'node_modules/node-hid/**', 'node_modules/tesseract.js*/**', 'node_modules/@tesseract.js-data/**', 'node_modules/regenerator-runtime/**', 'node_modules/is-url/**', 'node_modules/bmp-js/**', 'node_modules/wasm-feature-detect/**']) {
      expect(config.asarUnpack).toContain(p);
    }
    expect(config.npmRebuild).toBe(true);
    expect(config.extraResources.map((r) => r.from).sort()).toEqual(['resources/catalogue', 'resources/fonts', 'resources/templates', 'resources/tessdata', 'resources/voice']);
  });

  it('builds an NSIS x64 installer and AppImage + deb', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, allowToChangeInstallationDirectory: true });
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    for (const dep of ['libgtk-3-0', 'libnss3', 'libudev1']) expect(config.deb.depends).toContain(dep);
  });
});

describe('package.json vs the build', () => {
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
    main: string;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  it('starts the main bundle and ships native modules as runtime dependencies (kept external)', () => {
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
    expect(pkg.dependencies['node-hid']).toBeDefined();
    expect(pkg.dependencies.electron).toBeUndefined();
  });
});
