/**
 * Connection options before the command (`ferry -v ls URL`, as git, lftp and curl take global options): moved after
 * the command's name for commander, which refused them ("unknown option '-v'", exit 2). Anything else before the
 * command is refused with where it belongs.
 */
import { describe, expect, it } from 'vitest';
import { hoistGlobalOptions } from '../../../src/main/cli/global-options';
import type { Command } from 'commander';
import { buildProgram, commandRunFirst } from '../../../src/main/cli/main';
import { FtpError } from '../../../src/main/ftp/ftp-error';

const hoisted = (...args: string[]): string[] => hoistGlobalOptions(args, buildProgram());

function refusal(...args: string[]): { message: string; hint: string } {
  try {
    hoisted(...args);
  } catch (error) {
    if (error instanceof FtpError && error.data.kind === 'invalid-input') return { message: error.data.message, hint: error.data.hint };
    throw error;
  }
  throw new Error(`${args.join(' ')} was not refused`);
}

describe('connection options before the command', () => {
  it.each([
    [['-v', 'ls', 'ftp://h/dir'], ['ls', '-v', 'ftp://h/dir']],
    [['--verbose', 'get', 'ftp://h/a.txt', '-'], ['get', '--verbose', 'ftp://h/a.txt', '-']],
    [['--site', 'Work/Acme', '--active', 'get', '/a.txt'], ['get', '--site', 'Work/Acme', '--active', '/a.txt']],
    [['--timeout=5', '--no-netrc', 'put', 'a', 'ftp://h/'], ['put', '--timeout=5', '--no-netrc', 'a', 'ftp://h/']],
    [['--tls', 'explicit', '-v', 'mirror', 'ftp://h/s', 'd'], ['mirror', '--tls', 'explicit', '-v', 'ftp://h/s', 'd']],
    [['--charset', 'gbk', 'sites', 'add', 'S', '--host', 'h'], ['sites', 'add', '--charset', 'gbk', 'S', '--host', 'h']],
    // A mistyped command keeps its place, so commander names it (and the one meant) rather than "unknown option -v".
    [['-v', 'lss', 'ftp://h/'], ['lss', '-v', 'ftp://h/']],
  ])('%j is read as %j', (args, expected) => {
    expect(hoisted(...args)).toEqual(expected);
  });

  it.each([[['ls', '-v', 'ftp://h/']], [['--help']], [['-V']], [['-v', '--help']], [[]], [['nosuch', '-v']]])('%j is left as written', (args) => {
    expect(hoisted(...args)).toEqual(args);
  });

  it('refuses a command option before the command, saying where it goes', () => {
    expect(refusal('--json', 'ls', 'ftp://h/')).toEqual({ message: '--json is an option of ferry ls: it goes after the command\'s name.', hint: 'Write it there: ferry ls --json …' });
    expect(refusal('--resume', 'ls', 'ftp://h/').message).toBe('--resume is not an option of ferry ls; get, put take it.');
    expect(refusal('--bogus', 'ls').message).toBe('Unknown option --bogus.');
  });

  it('refuses a connection option for a command that connects nowhere, or with no command', () => {
    expect(refusal('-v', 'sites', 'list').message).toBe('-v does not apply to ferry sites list: it is an option for commands that connect to a server.');
    expect(refusal('--passive', 'settings').message).toContain('does not apply to ferry settings');
    expect(refusal('-v')).toEqual({ message: '-v needs a command after it.', hint: 'Write the command next, e.g. ferry -v ls URL (ferry --help lists the commands).' });
    expect(refusal('-v', '--', 'ls').message).toBe('-v needs a command after it.');
    expect(refusal('--site').message).toBe('--site needs a command after it.');
  });
});

describe('the command line built for the command named first', () => {
  it.each([
    [['get', 'ftp://h/a.txt', '-'], 'get'],
    [['mirror', '--parallel', '4', 'ftp://h/s', 'd'], 'mirror'],
    [['sites', 'list'], 'sites'],
    [['-v', 'ls', 'ftp://h/'], undefined],
    [['--help'], undefined],
    [['help', 'get'], undefined],
    [[], undefined],
  ])('%j runs %s first', (args, name) => expect(commandRunFirst(args)).toBe(name));

  it('builds the command that runs alone, with every option and subcommand it has in the whole program', () => {
    const whole = buildProgram();
    const optionsOf = (command: Command | undefined): string[] => (command?.options ?? []).map((option) => option.flags);
    for (const command of whole.commands) {
      const only = buildProgram(command.name());
      const built = only.commands.find((candidate) => candidate.name() === command.name());
      expect(optionsOf(built), command.name()).toEqual(optionsOf(command));
      for (const sub of command.commands) expect(optionsOf(built?.commands.find((candidate) => candidate.name() === sub.name())), `${command.name()} ${sub.name()}`).toEqual(optionsOf(sub));
    }
    expect(buildProgram('get').commands.map((command) => command.name())).toEqual(['get']);
    // Not a command (a typo): all of them, for commander's "did you mean".
    expect(buildProgram('lss').commands.map((command) => command.name())).toEqual(whole.commands.map((command) => command.name()));
  });
});
