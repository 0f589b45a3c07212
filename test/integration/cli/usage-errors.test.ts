/**
 * A usage error from commander (too many arguments, an unknown option or command) prints the error and one line naming
 * the command's help, as git does ("See 'ferry ls --help'."), and exits 2: the whole help after it pushed the error
 * off the screen. Help asked for still prints in full.
 */
import { describe, expect, it } from 'vitest';
import { ferry } from './run-ferry';

describe('ferry usage errors', () => {
  it('say the error and where the help is, in two lines, exit 2', async () => {
    const cases: readonly [readonly string[], string][] = [
      [['ls', 'a', 'b', 'c'], "error: too many arguments for 'ls'. Expected 1 argument but got 3.\nSee 'ferry ls --help'.\n"],
      [['get', '--bogus', 'ftp://h/a'], "error: unknown option '--bogus'\nSee 'ferry get --help'.\n"],
      [['sites', 'remove'], "error: missing required argument 'path'\nSee 'ferry sites remove --help'.\n"],
      [['frobnicate'], "error: unknown command 'frobnicate'\nSee 'ferry --help'.\n"],
    ];
    for (const [args, stderr] of cases) {
      const run = await ferry(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toBe(stderr);
      expect(run.stdout.toString(), args.join(' ')).toBe('');
    }
  });

  it('prints the whole help when asked: ferry --help, ferry ls --help, ferry sites add --help', async () => {
    const top = await ferry(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout.toString()).toMatch(/^Usage: ferry \[options\] \[command\][\s\S]*Commands:[\s\S]*mirror[\s\S]*Exit status:/);
    const ls = await ferry(['ls', '--help']);
    expect(ls.code).toBe(0);
    expect(ls.stdout.toString()).toMatch(/^Usage: ferry ls \[options\] \[url\][\s\S]*--json[\s\S]*--timeout <seconds>/);
    const add = await ferry(['sites', 'add', '--help']);
    expect(add.code).toBe(0);
    expect(add.stdout.toString()).toMatch(/^Usage: ferry sites add/);
  });
});
