/**
 * `--timeout` as scripts write it to mean "never": a number of seconds past what a Node timer holds (2^31−1 ms,
 * about 24.8 days) made every timer fire at once, so the command failed at its first reply.
 */
import { describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('ferry --timeout with a huge number of seconds', () => {
  const server = useServerForCli('vsftpd');

  it.each(['99999999', '1e12'])('--timeout %s lists the folder, as without it (no timer overflow)', async (seconds) => {
    const run = await ferry(['ls', '--timeout', seconds, `${serverUrl(server())}/`]);
    expect(run.stderr).not.toMatch(/TimeoutOverflowWarning|within/);
    expect(run.code, run.stderr).toBe(0);
  });
});
