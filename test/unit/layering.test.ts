/**
 * The layering rule of ARCHITECTURE.md is enforced by lint: these tests lint
 * deliberate violations with the project's own eslint config and expect errors.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
// The project's real eslint.config.js, with only the type-aware rules switched off
// (they need the probe files to exist on disk inside a tsconfig).
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [
    {
      files: ['**/*.ts', '**/*.tsx'],
      ...tseslint.configs.disableTypeChecked,
      languageOptions: { parserOptions: { project: false, projectService: false, program: null } },
    },
  ],
});

async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layering lint rule', () => {
  it('fails shared/ importing a Node built-in, electron, react or another layer', async () => {
    expect(await lint('shared/engine/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).not.toEqual([]);
    expect(await lint('shared/model/bad.ts', "import fs from 'fs';\nexport const x = fs;\n")).not.toEqual([]);
    expect(await lint('shared/model/bad.ts', "import { app } from 'electron';\nexport const x = app;\n")).not.toEqual([]);
    expect(await lint('shared/model/bad.ts', "import { useState } from 'react';\nexport const x = useState;\n")).not.toEqual([]);
    expect(await lint('shared/model/bad.ts', "import { openDealFile } from '../../host/documents/load';\nexport const x = openDealFile;\n")).not.toEqual([]);
  });

  it('fails renderer/ importing the host services or the Electron shell', async () => {
    expect(await lint('renderer/src/bad.ts', "import { openDealFile } from '../../host/documents/load';\nexport const x = openDealFile;\n")).not.toEqual([]);
    expect(await lint('renderer/src/bad.ts', "import { buildMenu } from '../../electron/main/menu';\nexport const x = buildMenu;\n")).not.toEqual([]);
    expect(await lint('renderer/src/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).not.toEqual([]);
  });

  it('fails host/ importing electron', async () => {
    expect(await lint('host/bad.ts', "import { dialog } from 'electron';\nexport const x = dialog;\n")).not.toEqual([]);
  });

  it('lets each layer import what the architecture allows', async () => {
    expect(await lint('renderer/src/ok.ts', "import { apiMethods } from '../../shared/api';\nexport const x = apiMethods;\n")).toEqual([]);
    expect(await lint('host/ok.ts', "import { join } from 'node:path';\nimport { apiMethods } from '../shared/api';\nexport const x = [join, apiMethods];\n")).toEqual([]);
    expect(await lint('shared/ok.ts', "import { z } from 'zod';\nexport const x = z;\n")).toEqual([]);
  });
});
