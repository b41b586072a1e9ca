import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries (lint)', () => {
  it('refuses a run-time electron import outside electron/', async () => {
    expect(await restrictedImports('core/services/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await restrictedImports('native/hid/x.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/src/x.ts', "import { shell } from 'electron';\nexport const a = shell;\n")).toHaveLength(1);
  });
  it('allows type-only electron imports and electron/ itself', async () => {
    expect(await restrictedImports('core/services/x.ts', "import type { App } from 'electron';\nexport type A = App;\n")).toHaveLength(0);
    expect(await restrictedImports('electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(0);
  });
  it('keeps core/domain pure and the renderer off Node and core internals', async () => {
    expect(await restrictedImports('core/domain/x/y.ts', "import { openDatabase } from '../../store/database';\nexport const o = openDatabase;\n")).toHaveLength(1);
    expect(await restrictedImports('core/domain/x/y.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/src/x.ts', "import fs from 'node:fs';\nexport const f = fs;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/src/x.ts', "import { createCore } from '../../core/app';\nexport const c = createCore;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/src/x.ts', "import { contract } from '../../core/contract/index';\nexport const c = contract;\n")).toHaveLength(0);
  });
});
