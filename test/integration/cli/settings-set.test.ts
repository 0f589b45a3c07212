/**
 * `ferry settings set` with a number that is not one: the message names the value typed and what to type,
 * not zod's "expected number, received NaN".
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_LAUNCHER, ensureCliBuilt } from '../../support/netns/ferry-cli';

describe('ferry settings set: numbers', () => {
  let home: string;
  beforeAll(async () => {
    await ensureCliBuilt();
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-settings-set-'));
  });
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

  const ferry = (args: string[]): Promise<{ code: number; stderr: string }> =>
    new Promise((resolve) => {
      execFile(process.execPath, [CLI_LAUNCHER, ...args], { env: { ...process.env, FERRY_HOME: home } }, (error, _stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stderr });
      });
    });

  it.each([
    ['timeoutSeconds', '10s', /^ferry: "10s" is not a whole number of seconds for timeoutSeconds\.\nUse a whole number of seconds from 5 to 600/],
    ['defaultConnectionLimit', 'abc', /^ferry: "abc" is not a whole number for defaultConnectionLimit\.\nUse a whole number from 1 to 10\./],
    ['downloadLimitKiBps', '500k', /^ferry: "500k" is not a whole number of KiB\/s for downloadLimitKiBps\.\nUse a whole number of KiB\/s from 1 to \d+, e\.g\. 500, or null for no limit\./],
    ['logFileLimitMiB', '2.5', /^ferry: "2\.5" is not a whole number of MiB for logFileLimitMiB\./],
  ])('%s %s exits 2 naming the value and the fix', async (key, value, message) => {
    const result = await ferry(['settings', 'set', key, value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/NaN/);
  });

  it('takes a whole number, and none for the limits', async () => {
    expect((await ferry(['settings', 'set', 'timeoutSeconds', '45'])).stderr).toMatch(/timeoutSeconds is now 45\./);
    expect((await ferry(['settings', 'set', 'downloadLimitKiBps', 'none'])).stderr).toMatch(/downloadLimitKiBps is now null\./);
  });
});
