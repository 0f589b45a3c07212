import { describe, expect, it } from 'vitest';
import { maskedCommandLine } from '../../../src/main/cli/process-title';

describe('maskedCommandLine (what ps shows)', () => {
  it.each([
    ['a URL password', ['get', 'ftp://bob:s3cret@host/a.txt', '-'], 'ferry get ftp://bob:****@host/a.txt -'],
    ['an escaped one, two URLs', ['copy', 'ftp://a:p%40ss@one/x', 'ftp://b:q@two/'], 'ferry copy ftp://a:****@one/x ftp://b:****@two/'],
    ['--proxy URL and --proxy=URL', ['ls', '--proxy', 'socks5://u:pw@p:1080', '--proxy=http://u:pw@p:3128', 'ftp://h/'], 'ferry ls --proxy socks5://u:****@p:1080 --proxy=http://u:****@p:3128 ftp://h/'],
    ['sites add --password', ['sites', 'add', 'S', '--host', 'h', '--password', 'hunter2'], 'ferry sites add S --host h --password ****'],
    ['--password=VALUE', ['sites', 'edit', 'S', '--password=hunter2'], 'ferry sites edit S --password=****'],
  ])('%s', (_name, args, shown) => {
    expect(maskedCommandLine(args)).toBe(shown);
  });

  it('is null when nothing is secret (the title is then left alone)', () => {
    expect(maskedCommandLine(['ls', 'ftp://bob@host/', '--password-stdin'])).toBeNull();
    expect(maskedCommandLine(['ls', 'ftp://host/a:b@c'])).toBeNull();
  });
});
