/**
 * The process boundaries are enforced by ESLint (eslint.config.js): these fixtures prove each rule fires where it
 * should and stays quiet where imports are allowed.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

describe('import boundaries', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });

  async function restricted(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
  }

  it.each([
    ['src/renderer/components/x.tsx', "import fs from 'node:fs';"],
    ['src/renderer/components/x.tsx', "import fs from 'fs';"],
    ['src/renderer/components/x.tsx', "import { readFile } from 'fs/promises';"],
    ['src/renderer/components/x.tsx', "import path from 'path';"],
    ['src/renderer/components/x.tsx', "import { spawn } from 'child_process';"],
    ['src/renderer/components/x.tsx', "import os from 'node:os';"],
    ['src/renderer/components/x.tsx', "import { ipcRenderer } from 'electron';"],
    ['src/renderer/components/x.tsx', "import { shell } from 'electron/renderer';"],
    ['src/renderer/components/x.tsx', "import { FtpClient } from '../../main/ftp/ftp-client';"],
    ['src/renderer/x.ts', "import { dispatch } from '../main/hosts/dispatch';"],
    ['src/renderer/x.ts', "import { createPreloadApi } from '../preload/preload-api';"],
    ['src/main/ftp/x.ts', "import { app } from 'electron';"],
    ['src/main/sites/x.ts', "import { safeStorage } from 'electron';"],
    ['src/main/transfers/x.ts', "import { dialog } from 'electron';"],
    ['src/main/hosts/x.ts', "import { ipcMain } from 'electron';"],
    ['src/main/app/x.ts', "import { app } from 'electron';"],
    ['src/shared/x.ts', "import { app } from 'electron';"],
    ['src/preload/x.ts', "import fs from 'node:fs';"],
    ['src/preload/x.ts', "import { dispatch } from '../main/hosts/dispatch';"],
  ])('%s: refuses %s', async (file, code) => {
    expect(await restricted(file, code)).toHaveLength(1);
  });

  it.each([
    ['src/renderer/components/x.tsx', "import type { FerryApi } from '../../shared/contract';"],
    ['src/renderer/components/x.tsx', "import { getApi } from '../api/get-api';"],
    ['src/renderer/components/x.tsx', "import { useState } from 'react';"],
    ['src/renderer/x.ts', "import { parseUrl } from './lib/url';"],
    ['src/renderer/x.ts', "import { events } from './stores/events';"],
    ['src/renderer/components/x.tsx', "import { pathLabel } from '../lib/path';"],
    ['src/main/electron/x.ts', "import { app, safeStorage } from 'electron';"],
    ['src/main/hosts/x.ts', "import http from 'node:http';"],
    ['src/preload/x.ts', "import { contextBridge } from 'electron';"],
    ['src/preload/x.ts', "import { REQUEST_CHANNELS } from '../shared/contract';"],
  ])('%s: allows %s', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
