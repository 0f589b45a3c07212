/**
 * `ferry settings proxy-password` typed at a terminal (a pty from util-linux `script`): it asks, and what is typed is
 * not echoed. It read the line as it came, so the password showed on the screen as it was typed, with no prompt.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCliStores, openCliStores } from '../../../src/main/cli/cli-stores';
import { CLI_LAUNCHER, ensureCliBuilt } from '../../support/netns/ferry-cli';
import { ferry, ferryOnTerminal } from './run-ferry';

const SECRET = 'pr0xy-Secret-42';

describe('ferry settings proxy-password on a terminal', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    await ensureCliBuilt();
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-proxy-password-'));
    env = { ...process.env, FERRY_HOME: home };
  });
  afterAll(() => {
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('asks for it and does not echo it; piped in, it is read as before', async () => {
    const shown = await ferryOnTerminal(`"${process.execPath}" "${CLI_LAUNCHER}" settings proxy-password; echo "EXIT=$?"`, 'Proxy password', `${SECRET}\r`, env);
    expect(shown).toContain('Proxy password (empty to forget it): ');
    expect(shown).toMatch(/The proxy password was saved\.[\s\S]*EXIT=0/);
    expect(shown).not.toContain(SECRET);
    const stores = await openCliStores(env);
    try {
      expect(await stores.secrets.get('proxy-password')).toBe(SECRET);
    } finally {
      closeCliStores(stores);
    }
    const piped = await ferry(['settings', 'proxy-password'], { input: Buffer.from('other\n'), env });
    expect(piped.code, piped.stderr).toBe(0);
    const again = await openCliStores(env);
    try {
      expect(await again.secrets.get('proxy-password')).toBe('other');
    } finally {
      closeCliStores(again);
    }
  }, 30_000);
});
