/**
 * What --help says of the statuses scripts test (`$?`) and of the defaults of the connection options: a script that
 * told Ctrl-C (130) or `| head` (141) from a failure had only the README to go by, and `--tls` named no default (a
 * URL is plain FTP, as curl; lftp users expect TLS when offered).
 */
import { describe, expect, it } from 'vitest';
import { ensureCliBuilt } from '../../support/netns/ferry-cli';
import { ferry } from './run-ferry';

describe('ferry --help', () => {
  it('names the statuses of a signal and of a closed pipe with the others', async () => {
    await ensureCliBuilt();
    const help = (await ferry(['--help'])).stdout.toString();
    const statuses = help.slice(help.indexOf('Exit status:'));
    expect(statuses).toMatch(/; 130 Ctrl-C \(SIGINT\), 143 SIGTERM/);
    expect(statuses).toMatch(/; 141 the reader of standard output went away/);
  });

  it('gives --tls its default for ftp://, ftps:// and --site', async () => {
    await ensureCliBuilt();
    const help = (await ferry(['ls', '--help'])).stdout.toString().replace(/\s+/g, ' ');
    expect(help).toContain('(default: none, plain FTP as curl, for ftp://; implicit for ftps://; the site\'s with --site)');
    expect(help).toContain("the default (with --site: the site's mode, else the one in Settings)");
  });
});
