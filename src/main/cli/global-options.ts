import { Command, type Option } from 'commander';
import { invalidInput } from '../ftp/ftp-error';
import { addConnectionFlags } from './connection-flags';

/**
 * The connection options (connection-flags.ts): the ones that may also come before the command's name. Made on first
 * use: a command line with no leading option never asks.
 */
let globalOptions: readonly Option[] | null = null;

/** What the program itself answers, wherever written (`ferry -v --help` is still help). */
const PROGRAM_OPTIONS = new Set(['-h', '--help', '-V', '--version']);

/**
 * `ferry -v ls URL`, `ferry --site Work get /a.txt`: connection options written before the command are moved after
 * its name, as git, lftp and curl take global options first — commander only knows them after it, and refused them
 * with "unknown option '-v'" and the whole help. `args` are the words after `ferry`; the result is what commander
 * reads. An option before the command that is not a connection option, or that the command does not take (a
 * `ferry -v sites list`, which connects nowhere), is refused here with where it belongs.
 */
export function hoistGlobalOptions(args: readonly string[], program: Command): string[] {
  const leading: string[] = [];
  let at = 0;
  for (; at < args.length; at += 1) {
    const word = args[at] as string;
    if (!word.startsWith('-') || word === '-' || word === '--') break;
    if (PROGRAM_OPTIONS.has(word)) return [...args];
    const option = globalOption(word);
    if (!option) throw notGlobal(word, args.slice(at + 1), program);
    leading.push(word);
    // `--site NAME`: the value is the next word, unless written as `--site=NAME`.
    if ((option.required || option.optional) && !word.includes('=')) {
      at += 1;
      if (at >= args.length) break;
      leading.push(args[at] as string);
    }
  }
  if (leading.length === 0) return [...args];
  const found = commandAt(program, args, at);
  // `ferry -v lss URL`: commander says what is wrong with the command's name (and which one was meant).
  if (!found && at < args.length && args[at] !== '--') return [...args.slice(at, at + 1), ...leading, ...args.slice(at + 1)];
  if (!found) {
    const example = leading.join(' ');
    throw invalidInput(`${example} needs a command after it.`, `Write the command next, e.g. ferry ${example} ls URL (ferry --help lists the commands).`);
  }
  for (const word of leading) {
    const option = globalOption(word);
    if (option && !found.command.options.some((known) => known.long === option.long)) {
      throw invalidInput(`${word} does not apply to ferry ${found.name}: it is an option for commands that connect to a server.`, `Leave it out (ferry ${found.name} --help lists what it takes).`);
    }
  }
  return [...args.slice(at, found.end), ...leading, ...args.slice(found.end)];
}

/** The connection option a word names (`-v`, `--site`, `--site=NAME`, `--no-netrc`), or undefined. */
function globalOption(word: string): Option | undefined {
  const name = word.startsWith('--') ? (word.split('=')[0] as string) : word;
  globalOptions ??= addConnectionFlags(new Command()).options;
  return globalOptions.find((option) => names(option, name));
}

/** The command (or `sites add`-style subcommand) named from `args[at]` on, and where its name ends; null when none. */
function commandAt(program: Command, args: readonly string[], at: number): { command: Command; name: string; end: number } | null {
  let command: Command | undefined = findCommand(program, args[at]);
  if (!command) return null;
  const names = [command.name()];
  let end = at + 1;
  for (let sub = findCommand(command, args[end]); sub; sub = findCommand(command, args[end])) {
    command = sub;
    names.push(sub.name());
    end += 1;
  }
  return { command, name: names.join(' '), end };
}

/** Whether `word` (`-v`, `--verbose`) is the option's short or long name. */
function names(option: Option, word: string): boolean {
  return option.short === word || option.long === word;
}

function findCommand(parent: Command, name: string | undefined): Command | undefined {
  return name === undefined ? undefined : parent.commands.find((command) => command.name() === name || command.aliases().includes(name));
}

/** An option before the command that is not a connection option: where it belongs, or that no command knows it. */
function notGlobal(word: string, rest: readonly string[], program: Command): Error {
  const name = word.startsWith('--') ? (word.split('=')[0] as string) : word;
  const found = commandAt(program, rest, rest.findIndex((next) => !next.startsWith('-')));
  if (found?.command.options.some((option) => names(option, name))) {
    return invalidInput(`${word} is an option of ferry ${found.name}: it goes after the command's name.`, `Write it there: ferry ${found.name} ${word} …`);
  }
  const owners = program.commands.filter((command) => command.options.some((option) => names(option, name))).map((command) => command.name());
  if (owners.length > 0) {
    return invalidInput(`${word} is not an option of ${found ? `ferry ${found.name}` : 'ferry itself'}; ${owners.join(', ')} take${owners.length === 1 ? 's' : ''} it.`, `Write it after one of those commands' names, e.g. ferry ${owners[0] as string} ${word} … (ferry ${owners[0] as string} --help).`);
  }
  return invalidInput(`Unknown option ${word}.`, `ferry --help lists the commands and the connection options that may come before them; ferry COMMAND --help lists a command's own.`);
}
