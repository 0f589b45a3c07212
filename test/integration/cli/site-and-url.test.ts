/** `--site` with a URL is refused (exit 2) naming the URL without its password, as every other message names one. */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from '../../support/netns/ferry-cli';
import { ferry } from './run-ferry';

describe('ferry --site NAME URL', () => {
  beforeAll(ensureCliBuilt);

  it('says both were given, with the URL\'s password hidden', async () => {
    const run = await ferry(['ls', '--site', 'Work/Build', 'ftp://bob:s3cret-w0rd@build.example/pub']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Both --site and a URL (ftp://bob:****@build.example/pub) were given.');
    expect(run.stderr).not.toContain('s3cret');
  });
});
