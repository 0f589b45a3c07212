/**
 * `ferry settings proxy-password` typed at a terminal (a pty from util-linux `script`): it asks, and what is typed is
 * not echoed. It read the line as it came, so the password showed on the screen as it was typed, with no prompt.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCliStores, openCliStores } from '../../../src/main/cli/cli-stores';
import { CLI_LAUNCHER, ensureCliBuilt } from '../../support/netns/ferry-cli';
import { ferry } from './run-ferry';

const SECRET = 'pr0xy-Secret-42';

/** `shellCommand` on a pseudo-terminal; `typed` is sent once `prompt` shows, or after 3 s without it. Resolves to what the terminal showed. */
function onTerminal(shellCommand: string, prompt: string, typed: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', shellCommand, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let shown = '';
    let sent = false;
    const send = (): void => {
      if (sent) return;
      sent = true;
      child.stdin.write(typed);
    };
    const late = setTimeout(send, 3_000);
    child.stdout.on('data', (chunk: Buffer) => {
      shown += chunk.toString();
      if (shown.includes(prompt)) send();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      clearTimeout(late);
      resolve(shown);
    });
  });
}

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
    const shown = await onTerminal(`"${process.execPath}" "${CLI_LAUNCHER}" settings proxy-password; echo "EXIT=$?"`, 'Proxy password', `${SECRET}\r`, env);
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
