/**
 * Exit statuses as scripts rely on them: every status `ferry` can end with is in `--help` and in the README, and the
 * one that was in neither (9, the server's replies are not FTP) is what a script sees for an SSH server's port.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../../src/main/cli/exit-codes';
import { useScriptedFixture } from '../../support/fixtures/scripted-fixture';
import { ensureCliBuilt } from '../../support/netns/ferry-cli';
import { ferry } from './run-ferry';

const fixture = useScriptedFixture('ferry-exit-codes-');
const README = fs.readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The statuses a command ends with (130 is Ctrl-C: ferry ends by the signal itself, said apart). */
const STATUSES = [...new Set(Object.values(EXIT_CODES))].filter((code) => code !== 130).sort((a, b) => a - b);

describe('ferry exit statuses', () => {
  it('--help and the README name every status ferry can end with', async () => {
    await ensureCliBuilt();
    const help = (await ferry(['--help'])).stdout.toString();
    const helpStatuses = help.slice(help.indexOf('Exit status:'));
    const readmeStatuses = README.slice(README.indexOf('Exit status: 0 success'), README.indexOf('A `mirror` that fails'));
    for (const code of STATUSES) {
      expect(helpStatuses, `--help: ${code}`).toMatch(new RegExp(`(; |\\n)${code} [A-Za-z]`));
      expect(readmeStatuses, `README: ${code}`).toMatch(new RegExp(`(; |\\n)${code} [A-Za-z]`));
    }
  });

  it('an SSH server on the port ends with 9, naming it, at once', async () => {
    await ensureCliBuilt();
    const server = await fixture.start({ greeting: 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n' });
    const run = await ferry(['ls', `ftp://u:p@${server.host}:${server.port}/`]);
    expect(run.stderr).toMatch(/is an SSH server .* not an FTP server/);
    expect(run.code).toBe(9);
  });
});
