import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { describeForCli } from './cli-hints';
import { modeAdvice } from './mode-advice';
import type { TransferMode } from '../../shared/errors';
import type { OverwriteChoice, TransferItem } from '../../shared/models';
import { FtpClient } from '../ftp/ftp-client';
import { FtpError, invalidInput, toErrorData } from '../ftp/ftp-error';
import { joinRemote, normalizeRemote, remoteBasename, remoteDirname } from '../ftp/remote-path';
import { describeUnsafeName, unsafeLocalNameReason } from '../local/safe-local-name';
import { compileShellPattern } from '../../shared/name-filter';
import { parseFtpUrl, redactUrl } from './ftp-url';
import { chmodRemoteTree, ensureRemoteFolder, removeRemoteTree, renameWithoutReplacing, takenNames } from '../ftp/remote-tree';
import { probeTransferModes, serverFacts, type ModeProbe, type ServerFacts } from '../ftp/mode-probe';
import { localError } from '../transfers/file-transfer';
import { putFile } from './put-file';
import { getFile } from './get-file';
import { cliSkipNote } from './skip-note';
import { moveDestination, mvNewPath } from './move-destination';
import { recursiveRemoveRefusal } from './rm-guard';
import { mayShareLogin } from './same-server';
import { needsLinkTargets, withLinkTargets } from './link-targets';
import { emptyLocalPath, localTargetFor, notAFolder, streamAsFolder } from './local-target';
import { missingFolderError } from './missing-folder';
import { listedFile } from './listed-file';
import type { RemoteEntry } from '../../shared/remote-entry';
import { isHomeRelative, resolveHome } from './home-path';
import { mirrorExitCode, rootFailure } from './mirror-outcome';
import { describeSignal, interrupts, type StopSignal } from './interrupt';
import { stdoutWatch } from './stdout-watch';
import { guardTerminalText } from './terminal-guard';
import { shownName } from '../../shared/shown-name';
import { shownReply, visibleControls } from '../../shared/server-words';
import { interruptedOther, interruptedUpload, wasInterrupted } from './interrupted';
import { mirrorDown, mirrorUp, planMirrorRun, type MirrorReport } from '../transfers/mirror';
import { notUtf8Sentences, unreadableNamesText, utf8NamesText } from '../ftp/charset-guess';
import { errorText } from '../../shared/error-texts';
import { skipPatternProblem } from '../../shared/skip-list';
import { fxpTransfer, relayTransfer } from '../ftp/fxp';
import { copyCleaningLeftover } from '../ftp/fxp-leftover';
import { searchRemoteTree } from '../ftp/remote-search';
import { SpeedLimiter } from '../ftp/speed-limiter';
import { addConnectionFlags, type ConnectionFlags } from './connection-flags';
import { rememberUrlPasswords, resolveTarget, urlBytesDecoder, withLoginSource, type ConnectionTarget } from './connection-target';
import { EXIT_CODES } from './exit-codes';
import { hoistGlobalOptions } from './global-options';
import { urlWhereLocal } from './argument-order';
import { listingToJson, listingToText } from './format-listing';
import { findConditions, type FindFlags } from './find-conditions';
import { parseLimitRate } from './limit-rate';
import { addPasswordCommands } from './password-commands';
import { addSettingsCommands } from './settings-commands';
import { addSitesCommands } from './sites-commands';
import { makeFolders } from '../local/make-folders';
import { maskedCommandLine } from './process-title';
import { patternPlaceNote } from './pattern-note';
import { fileProgress, meterWanted, NO_PROGRESS_HELP, PROGRESS_HELP, QUIET_HELP, withMeter, type ProgressFlags, type ProgressMeter } from './progress-meter';
import { mirrorSnapshot } from './progress-text';

/** Open a client for a URL or saved site, run `work`, and always say goodbye. */
async function withClient<T>(urlOrPath: string | undefined, flags: ConnectionFlags, work: (client: FtpClient, url: ConnectionTarget) => Promise<T>): Promise<T> {
  const target = await resolveTarget(urlOrPath, flags);
  const client = await connectTo(target);
  try {
    const path = isHomeRelative(target.path) ? resolveHome(target.path, await client.pwd()) : target.path;
    return await work(client, { ...target, path });
  } finally {
    await client.quit();
  }
}

/** Log in to a target; a refused password says where it came from (withLoginSource: the netrc file and line, the URL, …). */
function connectTo(target: ConnectionTarget, label = ''): Promise<FtpClient> {
  return FtpClient.connect(target.options(label)).catch((error: unknown) => {
    throw withLoginSource(target, error);
  });
}

/** The target with a "~" path made absolute, for commands that open their own connections (mirror, test): one login to ask PWD. */
async function withHomeResolved(target: ConnectionTarget): Promise<ConnectionTarget> {
  if (!isHomeRelative(target.path)) return target;
  const client = await connectTo(target);
  try {
    return { ...target, path: resolveHome(target.path, await client.pwd()) };
  } finally {
    await client.quit();
  }
}

/** The server, its features and its TLS, as a support ticket wants them. */
function formatFacts(facts: ServerFacts): string {
  const features = facts.features.map((line) => line.split(' ')[0]).join(' ');
  const tls = facts.tls ? `${facts.tls.protocol ?? 'TLS'}, certificate SHA-256 ${facts.tls.fingerprint256 ?? 'unknown'}` : 'none (plain FTP)';
  // The server's words on one line (a multi-line greeting too), nothing acting: shownReply, as in every text.
  return [`server   ${shownReply(facts.greeting)}${facts.system ? ` (${shownReply(facts.system)})` : ''}`, `features ${features || 'none (no FEAT)'}`, `TLS      ${tls}`].join('\n');
}

/** One line per mode, then what to do: the mode that works, or both diagnoses' fixes. */
function formatProbes(probes: readonly ModeProbe[], current: TransferMode, site: string | null): string {
  const lines = probes.map((probe) => {
    const seconds = `${(probe.milliseconds / 1000).toFixed(2)} s`;
    if (probe.ok) return `${probe.mode.padEnd(9)}works   ${(probe.dataCommand ?? '').padEnd(5)} ${seconds}`;
    return `${probe.mode.padEnd(9)}FAILED  ${probe.error?.message ?? ''}${probe.error?.hint ? `\n${' '.repeat(17)}${probe.error.hint}` : ''}`;
  });
  const working = probes.filter((probe) => probe.ok).map((probe) => probe.mode);
  const [only] = working;
  if (working.length === 1 && only !== undefined) lines.push(modeAdvice(only, current, site));
  else if (working.length === 0) lines.push('Neither mode can open a data connection: see the fixes above.');
  return lines.join('\n');
}

function collectExclude(value: string, previous: string[]): string[] {
  const problem = skipPatternProblem(value);
  if (problem) throw invalidInput(`--exclude ${JSON.stringify(value)} is not a name pattern (${problem === 'separator' ? 'it has a path separator' : problem === 'empty' ? 'it is empty' : 'it is too long'}).`, 'Give a name or a pattern such as "*.tmp"; it applies in every folder.');
  return [...previous, value];
}

function parseParallel(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 64) throw new InvalidArgumentError('use a whole number from 1 to 64.');
  return count;
}

const LIMIT_RATE_HELP = 'cap the speed at RATE bytes per second, as curl: k, m, g suffixes (1024-based), e.g. 500k';
const ASCII_HELP = "ASCII (TYPE A): line endings CR LF on the wire, this system's own on disk (as curl -B); not with --resume";

/** Options for --limit-rate (parsed as the command line is read: a bad value exits 2 before connecting). */
interface LimitRateFlags {
  readonly limitRate?: number;
}

/** `--progress`, `--no-progress`, `-q`/`--quiet` (progress-meter.ts) on a command that transfers files. */
function withProgressFlags(command: Command): Command {
  return command.option('--progress', PROGRESS_HELP).option('--no-progress', NO_PROGRESS_HELP).option('-q, --quiet', QUIET_HELP);
}

/** Whether this run draws the meter on standard error (`dataOnTerminal`: `get URL -` with standard output the terminal). */
function meterOn(flags: ProgressFlags, dataOnTerminal = false): boolean {
  return meterWanted(flags, process.stderr.isTTY === true, process.env.TERM, dataOnTerminal);
}

/** One limiter for the whole command, or null (full speed, no per-chunk work). */
function limiterFor(flags: LimitRateFlags): SpeedLimiter | null {
  return flags.limitRate === undefined ? null : new SpeedLimiter(flags.limitRate);
}

function printReport(report: MirrorReport, seconds: number): void {
  // The same reason for many files (a second mirror run: "unchanged") is said once, with the count.
  const reasons = new Map<string, number>();
  for (const line of report.skipped.map(cliSkipNote)) reasons.set(line, (reasons.get(line) ?? 0) + 1);
  for (const [line, count] of reasons) process.stderr.write(count > 1 ? `Skipped ${count} files: ${line}\n` : `${line}\n`);
  for (const line of report.warnings) process.stderr.write(`ferry: warning: ${line}\n`);
  for (const failure of report.failures) process.stderr.write(`Failed ${shownName(failure.path)}: ${describeForCli(failure.error)}\n`);
  for (const deleted of report.deleted) process.stderr.write(`Deleted ${shownName(deleted)}\n`);
  const counted = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
  process.stderr.write(`${counted(report.files, 'file', 'files')}, ${counted(report.folders, 'folder', 'folders')}, ${counted(report.bytes, 'byte', 'bytes')} in ${seconds.toFixed(2)} s; ${report.failures.length} failed, ${report.skipped.length} skipped${report.deleted.length > 0 ? `, ${report.deleted.length} deleted` : ''}.\n`);
}

/** What a mirror stopped by a signal kept, and how the next run goes on from there. */
function mirrorStoppedText(stopped: NonNullable<MirrorReport['stopped']>, signal: StopSignal, upload: boolean): string {
  const lines = [`${describeSignal(signal)}: the mirror was stopped${stopped.waiting > 0 ? `; ${stopped.waiting} more not begun` : ''}.`];
  if (!upload) {
    for (const part of stopped.kept) lines.push(`${shownName(part.path)} keeps the ${part.bytes} bytes received.`);
    lines.push(stopped.kept.length > 0 ? 'Run the same mirror again to continue: partial files are continued where they stopped (REST), the rest copied.' : 'Run the same mirror again to copy the rest.');
  } else {
    for (const part of stopped.kept) lines.push(`${shownName(part.path)}: ${part.bytes} bytes were sent; the server keeps what it received under that name.`);
    lines.push(stopped.kept.length > 0 ? 'Run the same mirror again to copy the rest (a partly sent file is sent again; --if-exists resume continues it).' : 'Run the same mirror again to copy the rest.');
  }
  return lines.join('\n');
}

/**
 * The command the words after `ferry` run when its name comes first (`ferry get URL`), as commander reads them: only
 * that command needs its connection options. Undefined when an option comes first (hoisted, global-options.ts) or for
 * `help`, which shows another command's options.
 */
export function commandRunFirst(args: readonly string[]): string | undefined {
  const first = args[0];
  return first === undefined || first.startsWith('-') || first === 'help' ? undefined : first;
}

/**
 * The whole command line; with `only`, just that command, the one a run reaches: the 17 commands with their options
 * (19 connection options on each of 14, connection-flags.ts) were ≈4–6 ms of every start (docs/benchmarks.md,
 * "Start-up"). Without it (help, an option first) or for a name that is no command's, every command.
 */
export function buildProgram(only?: string): Command {
  const wants = (name: string): boolean => only === undefined || name === only;
  const withFlags = (command: Command): Command => (wants(command.name()) ? addConnectionFlags(command) : command);
  const program = new Command('ferry')
    .description('Ferry FTP/FTPS client — command line over the same engine as the app.\nURLs: ftp://user:password@host:port/path, ftps:// for implicit TLS; or --site NAME and a path for a saved site.')
    .version('0.1.0')
    // Usage errors (an unknown option, a missing argument) exit 2 like any other bad input, not commander's 1.
    .exitOverride()
    .addHelpText('after', `\nConnection options (--site, --passive, --active, --tls, --timeout, -v/--verbose, …: see ferry ls --help) go after the\ncommand or before it, as git and curl take them: ferry -v ls URL is ferry ls -v URL. A command's own options\n(ls --json, get --resume) go after its name.\n\nSaved sites: ferry sites list|add|remove|import|export; with --site NAME every URL argument is a path on that site\n(e.g. ferry ls --site Work/Acme /pub). Sites and settings live in the app's user-data folder (FERRY_HOME overrides it).\n\nPasswords: --password-stdin, else the URL's, else ~/.netrc or $NETRC (machine HOST login USER password PASS; must be\nchmod 600; --no-netrc skips it), else a user in the URL is asked on the terminal; with no terminal ferry exits 2\nbefore connecting. ftp://user:@host is an empty password; ftp://host and ftp://anonymous@host log in anonymously.\n\nExit status: 0 success; 2 bad input; 3 cannot connect; 4 login failed; 5 TLS/certificate;\n6 data connection failed (try the other transfer mode); 7 server refused; 8 timeout or connection lost;
9 not an FTP server, or a reply Ferry cannot read (an SSH server on that port); 10 local file; 11 some items failed;
12 the master password is missing or wrong; 130 Ctrl-C (SIGINT), 143 SIGTERM: ended by the signal, after saying
what was kept; 141 the reader of standard output went away (| head), as SIGPIPE ends cat.`);

  if (wants('ls')) withFlags(program.command('ls').argument('[url]', 'folder to list (with --site: a path, default the site\'s remote folder); a file lists that file; * and ? in its last name list the entries matching').option('--json', 'print a JSON array of entries').description('list a remote folder, or one file'))
    .action(async (urlText: string | undefined, flags: ConnectionFlags & { json?: boolean }) => {
      await withClient(urlText, flags, async (client, url) => {
        // `ls 'URL/*.log'`: the folder's entries that match, as lftp's ls and as get and rm match (it was sent as
        // CWD /logs/*.log and failed as a missing folder). A name that is exactly the pattern is listed as before.
        const pattern = remoteBasename(url.path);
        let folder = url.path;
        let listing: Awaited<ReturnType<FtpClient['list']>> | null = null;
        let shown = (_name: string): boolean => true;
        if (/[*?]/.test(pattern)) {
          const parent = await client.list(remoteDirname(url.path));
          if (!parent.entries.some((entry) => entry.name === pattern)) {
            folder = remoteDirname(url.path);
            listing = parent;
            shown = compileShellPattern(pattern);
            if (!parent.entries.some((entry) => shown(entry.name))) throw invalidInput(`Nothing in ${folder} matches ${pattern}.`, `List the folder to see its names: ferry ls URL${folder === '/' ? '/' : folder}`);
          }
        }
        const print = (entries: readonly RemoteEntry[], serverClock: boolean): void => {
          const text = flags.json ? listingToJson(entries) : listingToText(entries, serverClock);
          if (text) process.stdout.write(`${text}\n`);
        };
        if (!listing) {
          // A URL naming a file lists that file (listed-file.ts), as `ls file` does; it failed as "CWD 550".
          const read = await client.list(folder).catch(async (error: unknown) => ({ file: await listedFile(client, folder, error) }));
          // Without MLST the file's facts come from its folder's LIST: the server's clock.
          if ('file' in read) return print([read.file], !client.capabilities.mlst);
          listing = read;
        }
        for (const line of listing.unparsed) process.stderr.write(`Unparsed listing line: ${visibleControls(line)}\n`);
        if (listing.unparsedTotal > listing.unparsed.length) process.stderr.write(`… and ${listing.unparsedTotal - listing.unparsed.length} more unparsed listing lines\n`);
        if (listing.notUtf8) process.stderr.write(`ferry: warning: ${notUtf8Sentences(listing.path, listing.notUtf8.looksLike).join('\n')}\n`);
        const unreadable = unreadableNamesText(listing.path, listing.entries.map((entry) => entry.name), client.charset, listing.readsAsGb18030);
        const notices = [unreadable, listing.namesAreUtf8 ? utf8NamesText(listing.path, client.charset) : null];
        for (const notice of notices) if (notice) process.stderr.write(`ferry: warning: ${errorText(notice.message, notice.values)}\n${errorText(notice.hint ?? notice.message, notice.values)}\n`);
        // MLSD names links but not their targets (and proftpd's leaves out links to nothing): LIST has them.
        const all = listing.command === 'MLSD' && needsLinkTargets(listing.entries) ? withLinkTargets(listing.entries, (await client.list(folder, { prefer: 'LIST' })).entries) : listing.entries;
        print(all.filter((entry) => shown(entry.name)), !listing.timesAreUtc);
      });
    });

  if (wants('find')) withFlags(
    program
      .command('find')
      .argument('<url>', 'folder to search below (with --site: a path on the site, e.g. /)')
      .argument('<pattern>', 'part of a name, or a pattern such as "*.jpg" (case-insensitive); "" with a condition for the condition alone')
      .option('--json', 'print a JSON array of { path, type, size, modified }')
      .option('--type <f|d>', 'files only (f) or folders only (d)')
      .option('--larger <size>', 'larger than SIZE: bytes, or with k, m, g (1024-based)')
      .option('--smaller <size>', 'smaller than SIZE')
      .option('--size <size>', 'exactly SIZE')
      .option('--newer <date>', 'modified after DATE (2026-11-03, or "2026-11-03 14:30"; a time against a date listed without one is not a match)')
      .option('--older <date>', 'modified before DATE')
      .option('--on <date>', 'modified on the day DATE')
      .option('--any', 'a match needs only one of the name and the conditions (default: all of them)')
      .description('search a remote folder tree for names (breadth first; stops after 50,000 matches or 2,000 folders)'),
  ).action(async (urlText: string, pattern: string, flags: ConnectionFlags & FindFlags & { json?: boolean }) => {
    // Before connecting, as any usage error.
    const conditions = findConditions(flags);
    if (pattern.trim() === '' && !conditions?.conditions.length) throw invalidInput('No name or condition to search for.', 'Give part of a name or a pattern such as "*.jpg", or a condition such as --larger 10m.');
    await withClient(urlText, flags, async (client, url) => {
      const result = await searchRemoteTree(client, url.path, pattern, conditions ? { conditions } : {});
      for (const skipped of result.skipped) process.stderr.write(`ferry: warning: skipped ${shownName(skipped.path)}: ${skipped.reason}\n`);
      if (result.stopped) process.stderr.write(`ferry: warning: the search stopped early (${result.stopped}) after ${result.foldersSearched} folders; search a smaller folder.\n`);
      const text = flags.json
        ? JSON.stringify(result.matches.map(({ path, entry }) => ({ path, type: entry.type, size: entry.size, modified: entry.modified })), null, 2)
        : result.matches.map(({ path, entry }) => shownName(entry.type === 'directory' ? `${path}/` : path)).join('\n');
      if (text) process.stdout.write(`${text}\n`);
    });
  });

  if (wants('get')) withFlags(withProgressFlags(program.command('get').argument('<url>', 'remote file; * and ? in its name fetch every matching file (lftp\'s mget)').argument('[local]', 'local file or folder; "-" for standard output (every matching file, one after the other)').option('--resume', 'continue a partial download (into a file: a stream, "-", cannot be resumed)').option('-B, --ascii', ASCII_HELP).option('--limit-rate <rate>', LIMIT_RATE_HELP, parseLimitRate).description('download a file')))
    .action(async (urlText: string, local: string | undefined, flags: ConnectionFlags & LimitRateFlags & ProgressFlags & { resume?: boolean; ascii?: boolean }) => {
      // Before connecting, as any usage error: it was ignored, and the whole file written again to the stream.
      if (local === '-' && flags.resume) throw streamResume('get');
      const empty = emptyLocalPath(local, 'file or folder', 'get', 'Give a file or folder path, "." for the current folder, or "-" for standard output') ?? (local === undefined ? null : urlWhereLocal('get', { local, remote: null }));
      if (empty) throw empty;
      const limiter = limiterFor(flags);
      await withMeter(meterOn(flags, local === '-' && process.stdout.isTTY === true), (meter) => withClient(urlText, flags, async (client, url) => {
        const ascii = transferType(url, flags, 'get');
        const pattern = remoteBasename(url.path);
        if (local === '-') {
          // A pattern writes every matching file, one after the other in name order, as lftp's cat and `cat *.log`
          // do; it was sent as RETR of the name "*.log" and failed as a missing file. The first failure ends it:
          // the rest appended after a hole would pass for the whole.
          const files = /[*?]/.test(pattern) ? ((await matchingFiles(client, url.path))?.sort() ?? [url.path]) : [url.path];
          for (const file of files) {
            const progress = fileProgress(meter, shownName(remoteBasename(file)));
            if (progress.onStart) progress.onStart(client.capabilities.size && !ascii ? await client.size(file).catch(() => null) : null);
            await interrupts.duringTransfer((signal) => client.download(file, process.stdout, { end: false, limiter, ascii, signal: AbortSignal.any([signal, stdoutWatch.signal]), onProgress: progress.onProgress })).catch(async (error: unknown) => {
              // The reader of the pipe went away (| head): what it wanted has been written; nothing to report.
              if (stdoutWatch.failed) return;
              if (wasInterrupted(error)) throw interruptedOther();
              throw (await folderInsteadOfFile(client, file, error, 'get fetches one file', 'Copy a folder with: ferry mirror URL DIR')) ?? error;
            });
            if (stdoutWatch.failed) return;
          }
          return;
        }
        if (/[*?]/.test(pattern)) {
          const matched = await matchingFiles(client, url.path);
          if (matched !== null) {
            await getMatching(client, matched, local ?? '.', { resume: flags.resume ?? false, limiter, ascii }, meter);
            return;
          }
        }
        const target = await localTargetFor(local, remoteBasename(url.path));
        await interrupts.duringTransfer((signal) => getFile(client, url.path, target, { resume: flags.resume ?? false, limiter, ascii, signal, ...fileProgress(meter, shownName(remoteBasename(url.path))) })).catch(async (error: unknown) => {
          throw (await folderInsteadOfFile(client, url.path, error, 'get fetches one file', `Copy a folder with: ferry mirror URL ${JSON.stringify(local ?? '.')}`)) ?? error;
        });
      }));
    });

  if (wants('put')) withFlags(withProgressFlags(program.command('put').usage('[options] <local...> <url>').argument('<local-and-url...>', 'local file ("-" for standard input), or several (your shell\'s *.log), then the remote file, or folder ending in / (several always go into a folder)').option('--resume', 'continue a partial upload (REST + STOR) from a file, not "-"; not with --append').option('--append', 'append to the remote file (APPE)').option('-B, --ascii', ASCII_HELP).option('--limit-rate <rate>', LIMIT_RATE_HELP, parseLimitRate).description('upload a file, or several into a folder')))
    .action(async (args: string[], flags: ConnectionFlags & LimitRateFlags & ProgressFlags & { resume?: boolean; append?: boolean; ascii?: boolean }) => {
      const limiter = limiterFor(flags);
      const urlText = args[args.length - 1] as string;
      const locals = args.slice(0, -1);
      if (locals.length === 0) throw invalidInput('put needs a local file and where it goes.', 'For example: ferry put ./a.iso ftp://user@host/incoming/');
      // Both: --resume was ignored and the whole file appended, the server's part then there twice.
      if (flags.append && flags.resume) throw invalidInput('--append and --resume were both given.', '--resume sends what the server\'s copy lacks (REST + STOR); --append adds the whole file to its end (APPE): give one.');
      for (const local of locals) {
        const empty = emptyLocalPath(local, 'file', 'put', 'Give the file\'s path, or "-" for standard input') ?? urlWhereLocal('put', { local, remote: flags.site ? null : urlText });
        if (empty) throw empty;
      }
      if (locals.length > 1) {
        await withMeter(meterOn(flags), (meter) => putSeveral(locals, urlText, flags, { resume: flags.resume ?? false, limiter, ascii: flags.ascii === true }, meter));
        return;
      }
      const local = locals[0] as string;
      if (local === '-' && flags.resume) throw streamResume('put');
      // Standard input has no name to keep: it was stored as "stdin" in that folder, unsaid (and the next such upload
      // replaced it).
      if (local === '-' && urlText.replace(/;type=[aid]$/i, '').endsWith('/')) {
        const shown = redactUrl(urlText);
        throw invalidInput(`Standard input ("-") has no file name, and ${shown} is a folder (it ends with "/").`, `Name the file on the server: … | ferry put - ${shown.replace(/;type=[aid]$/i, '')}NAME`);
      }
      if (local === '-' && flags.passwordStdin) throw invalidInput('Standard input cannot carry both the file and the password.', 'Save the password in the site (ferry sites edit NAME --password-stdin), or upload from a file.');
      // Before connecting: a folder or a missing file would otherwise leave an empty file on the server (STOR came first).
      if (local !== '-') await assertUploadableFile(local);
      await withMeter(meterOn(flags), (meter) => withClient(urlText, flags, async (client, url) => {
        const ascii = transferType(url, flags, 'put');
        const remote = url.path.endsWith('/') ? joinRemote(url.path, path.basename(local)) : url.path;
        const { onStart, onProgress } = fileProgress(meter, shownName(local === '-' ? remoteBasename(remote) : path.basename(local)));
        onStart?.(local === '-' ? null : await localSize(local));
        const upload = (): Promise<unknown> => {
          if (local === '-') return interruptible(client, remote, false, (signal) => client.upload(process.stdin, remote, { append: flags.append ?? false, limiter, ascii, signal, onProgress }));
          if (flags.append) return interruptible(client, remote, false, (signal) => client.upload(fs.createReadStream(local), remote, { append: true, limiter, ascii, signal, onProgress }));
          return interruptible(client, remote, true, (signal) => putFile(client, local, remote, { resume: flags.resume ?? false, limiter, ascii, signal, onProgress }));
        };
        await upload().catch(async (error: unknown) => {
          throw (await missingFolderError(client, remote, error)) ?? (await folderInsteadOfFile(client, remote, error, 'put writes a file', `Upload into it with a URL ending in "/" (${remote}/), or give the file's new name.`)) ?? error;
        });
      }));
    });

  if (wants('mirror')) withFlags(
    program
      .command('mirror')
      .argument('<source>', 'remote URL (or local folder with --reverse)')
      .argument('<target>', 'local folder (or remote URL with --reverse)')
      .option('-R, --reverse', 'upload: mirror a local folder to the server')
      .option('-P, --parallel <n>', 'connections to use', parseParallel, 2)
      .option('--limit-rate <rate>', `${LIMIT_RATE_HELP}; for all connections together`, parseLimitRate)
      .option('-x, --exclude <pattern>', 'leave out names matching this (a name, or a pattern such as "*.tmp"; repeatable); they are reported as skipped', collectExclude, [])
      .option('--preserve-times', 'with --reverse: give uploaded files their local modification time (MFMT, where the server offers it)')
      .option('--delete', 'then delete what the target has and the source does not (excluded names stay); nothing is deleted when a file failed')
      .option('--dry-run', 'say what would be copied (and deleted, with --delete) without changing anything')
      .option('--progress', PROGRESS_HELP)
      .option('--no-progress', NO_PROGRESS_HELP)
      .option('-q, --quiet', QUIET_HELP)
      .addOption(
        new Option('--if-exists <action>', 'what to do with a file that is already at the target: copy it again only when the source is newer or its size differs (the default, as lftp\'s mirror: a second run copies only what changed), always overwrite, skip, resume a shorter one, or keep both (rename)')
          .choices(Object.keys(IF_EXISTS))
          .default('newer-or-size-differs'),
      )
      .description('copy a whole folder tree'),
  ).action(async (source: string, target: string, flags: ConnectionFlags & LimitRateFlags & ProgressFlags & { reverse?: boolean; parallel: number; exclude: string[]; preserveTimes?: boolean; ifExists: keyof typeof IF_EXISTS; delete?: boolean; dryRun?: boolean }) => {
    if (flags.preserveTimes && !flags.reverse) throw invalidInput('--preserve-times applies to uploads (mirror --reverse).', 'Downloads always keep the server\'s times; leave the flag out, or add --reverse.');
    // "" is an unset variable in a script ("$DEST"), not this folder: it was taken as ".", and with --delete emptied
    // the current folder of what the server lacks (or, reversed, uploaded it whole).
    const localFolder = flags.reverse ? source : target;
    const notAFolderPath = emptyLocalPath(localFolder, 'folder', `mirror${flags.reverse ? ' --reverse' : ''}`, 'Give the folder\'s path, "." for the current one') ?? streamAsFolder(localFolder, flags.reverse === true);
    if (notAFolderPath) throw notAFolderPath;
    const misplaced = flags.site ? null : urlWhereLocal('mirror', { local: localFolder, remote: flags.reverse ? target : source, reverse: flags.reverse === true });
    if (misplaced) throw misplaced;
    const url = await withHomeResolved(await resolveTarget(flags.reverse ? target : source, flags));
    const connect = (worker: number): Promise<FtpClient> => connectTo(url, flags.parallel > 1 ? `[${worker}] ` : '');
    const started = performance.now();
    const options = { connect, parallel: flags.parallel, limitRate: flags.limitRate ?? null, exclude: flags.exclude, preserveTimestamps: flags.preserveTimes === true, policy: IF_EXISTS[flags.ifExists], deleteExtraneous: flags.delete === true };
    if (flags.dryRun) {
      const plan = await planMirrorRun(flags.reverse ? 'upload' : 'download', url.path, flags.reverse ? source : target, options);
      for (const file of plan.copy) process.stdout.write(`would copy ${shownName(file.path)} (${DRY_RUN_WHY[file.why]})\n`);
      for (const entry of plan.remove) process.stdout.write(`would delete ${shownName(entry.actual)}${entry.kind === 'folder' ? '/ (with everything in it)' : ''}\n`);
      // What the real run would fail (a folder it may not read), said as the real run says it, and exit 11 as it would.
      for (const failure of plan.failures) process.stderr.write(`Failed ${shownName(failure.path)}: ${describeForCli(failure.error)}\n`);
      if (flags.delete && plan.failures.length > 0) process.stderr.write(`ferry: warning: Nothing would be deleted: ${plan.failures.length} item(s) would fail, and an incomplete copy is no reason to remove anything.\n`);
      process.stderr.write(`Dry run: ${plan.copy.length} to copy, ${plan.unchanged} unchanged${flags.delete ? `, ${plan.remove.length} to delete` : ''}${plan.failures.length > 0 ? `, ${plan.failures.length} failed` : ''}; nothing was changed.\n`);
      if (plan.failures.length > 0) process.exitCode = EXIT_CODES.partial;
      return;
    }
    const targetExisted = !flags.reverse && fs.existsSync(target);
    // Ctrl-C (or SIGTERM) aborts the transfers under way (ABOR, QUIT); the report then says what was kept, and main
    // ends by the signal (130, 143).
    const report = await withMeter(meterOn(flags), (meter) => withMirrorMeter(meter, flags.reverse ? 'upload' : 'download', (onQueue) => interrupts.duringTransfer((signal) => (flags.reverse ? mirrorUp(source, url.path, { ...options, signal, onQueue }) : mirrorDown(url.path, target, { ...options, signal, onQueue })))));
    printReport(report, (performance.now() - started) / 1000);
    if (report.stopped && interrupts.received) {
      process.stderr.write(`${mirrorStoppedText(report.stopped, interrupts.received, flags.reverse === true)}\n`);
      return;
    }
    const root = flags.reverse ? path.resolve(source) : url.path;
    process.exitCode = mirrorExitCode(report, root);
    // Nothing could be read (wrong password, no such folder): the empty folder made for the copy is not left behind.
    if (!targetExisted && rootFailure(report, root)) await fsp.rmdir(target).catch(() => undefined);
  });

  if (wants('rm')) withFlags(program.command('rm').argument('<url>', 'remote file; * and ? in its name delete every matching file of that folder (lftp\'s mrm)').option('-r, --recursive', 'delete a folder and everything in it (never /, ~, or a path ending in . or ..)').option('-f, --force', 'what is not there is no error (exit 0), nor is a pattern matching nothing, as rm -f; a refusal of what is there still fails').description('delete a remote file or folder'))
    .action(async (urlText: string, flags: ConnectionFlags & { recursive?: boolean; force?: boolean }) => {
      if (flags.recursive) {
        const refusal = recursiveRemoveRefusal(flags.site ? urlText : parseFtpUrl(urlText, await urlBytesDecoder(flags.charset)).path);
        if (refusal) throw refusal;
      }
      await withClient(urlText, flags, async (client, url) => {
        // -f (clean-up scripts run twice): a refusal of something its folder does not list is the wanted state.
        const gone = async (error: unknown, remote: string): Promise<boolean> => flags.force === true && error instanceof FtpError && error.data.kind === 'server-reply' && (await takenNames(client, remoteDirname(remote), [remoteBasename(remote)])).length === 0;
        const matched = /[*?]/.test(remoteBasename(url.path))
          ? await matchingFiles(client, url.path).catch((error: unknown) => {
              // -f: no match (said as bad input), or no such folder.
              if (flags.force && error instanceof FtpError && (error.data.kind === 'invalid-input' || error.data.kind === 'server-reply')) return [];
              throw error;
            })
          : null;
        if (matched !== null) {
          // Files only: a pattern never takes folders with it, -r or not.
          await eachMatch(matched, async (file) => {
            await client.delete(file);
            process.stderr.write(`Deleted ${shownName(file)}\n`);
          });
          return;
        }
        if (flags.recursive) {
          await removeRemoteTree(client, url.path).catch(async (error: unknown) => {
            if (!(await gone(error, url.path))) throw error;
          });
        } else {
          await client.delete(url.path).catch(async (error: unknown) => {
            if (await gone(error, url.path)) return;
            throw (await folderInsteadOfFile(client, url.path, error, 'rm deletes files', 'Delete it with everything in it: ferry rm -r URL (or ferry rmdir URL when it is empty).')) ?? error;
          });
        }
      });
    });

  if (wants('rmdir')) withFlags(program.command('rmdir').argument('<url>', 'remote empty folder').description('remove an empty remote folder'))
    .action(async (urlText: string, flags: ConnectionFlags) => {
      await withClient(urlText, flags, (client, url) => client.rmdir(url.path));
    });

  if (wants('mkdir')) withFlags(program.command('mkdir').argument('<url>', 'remote folder to create').option('-p, --parents', 'create missing parent folders too').description('create a remote folder'))
    .action(async (urlText: string, flags: ConnectionFlags & { parents?: boolean }) => {
      await withClient(urlText, flags, async (client, url) => {
        if (!flags.parents) {
          await client.mkdir(url.path).catch(async (error: unknown) => {
            throw (await missingFolderError(client, url.path, error, 'mkdir')) ?? error;
          });
          return;
        }
        await ensureRemoteFolder(client, url.path);
      });
    });

  if (wants('mv')) withFlags(program.command('mv').argument('<url>', 'remote file or folder').argument('<new-path>', 'new path: absolute, relative to the same folder, or a URL on the same server; a folder (or a path ending in /) moves it into that folder').option('-f, --force', 'replace what is at the new path (servers let RNTO overwrite)').description('rename or move on the server; refuses to replace an existing item unless --force'))
    .action(async (urlText: string, newPathText: string, flags: ConnectionFlags & { force?: boolean }) => {
      const written = mvNewPath(flags.site ? null : urlText, newPathText, await urlBytesDecoder(flags.charset));
      await withClient(urlText, flags, async (client, url) => {
        const newPath = isHomeRelative(written) ? resolveHome(written, await client.pwd()) : written;
        const destination = await moveDestination(client, url.path, newPath);
        const move = flags.force ? client.rename(url.path, destination) : renameWithoutReplacing(client, url.path, destination);
        await move.catch(async (error: unknown) => {
          throw (await missingFolderError(client, destination, error, 'move')) ?? error;
        });
      });
    });

  if (wants('copy')) withFlags(
    program
      .command('copy')
      .argument('<source-url>', 'file on one server')
      .argument('<target-url>', 'where it goes on another (or the same) server; a path ending in / keeps the name')
      .option('--via-local', 'relay through this computer instead of server to server (when a server forbids FXP)')
      .option('-f, --force', 'replace a file already at the target path')
      .option('--progress', `with --via-local: ${PROGRESS_HELP} (server to server, the bytes are not seen here)`)
      .option('--no-progress', NO_PROGRESS_HELP)
      .option('-q, --quiet', QUIET_HELP)
      .description('copy a file between two servers: server to server (FXP, as FlashFXP does), or relayed with --via-local'),
  ).action(async (sourceText: string, targetText: string, flags: ConnectionFlags & ProgressFlags & { viaLocal?: boolean; force?: boolean }) => {
    if (flags.site) throw invalidInput('copy takes two URLs, not --site.', 'Give both servers as ftp:// URLs.');
    // Either URL's password serves the same login in both (the first is resolved before the second is read).
    await rememberUrlPasswords([sourceText, targetText], flags);
    // Only a relay has bytes to show: FXP's pass between the two servers, seen here only at the end.
    await withMeter(flags.viaLocal === true && meterOn(flags), (meter) => withClient(sourceText, flags, async (source, sourceUrl) => {
      await withClient(targetText, flags, async (target, targetUrl) => {
        const targetPath = targetUrl.path.endsWith('/') ? joinRemote(targetUrl.path, remoteBasename(sourceUrl.path)) : targetUrl.path;
        // Onto itself, STOR truncates the file RETR is reading: FXP left it empty (and exit 7), --force or not.
        if (normalizeRemote(sourceUrl.path) === normalizeRemote(targetPath) && mayShareLogin(parseFtpUrl(sourceText, await urlBytesDecoder(flags.charset)), parseFtpUrl(targetText, await urlBytesDecoder(flags.charset)))) {
          throw invalidInput(`${sourceUrl.path} would be copied onto itself: the source and the target are the same file.`, 'Give another target path or name, e.g. a URL ending in /backup/ or …/copy-of-the-name.');
        }
        if (!flags.force && (await takenNames(target, remoteDirname(targetPath), [remoteBasename(targetPath)])).length > 0) {
          throw invalidInput(`${targetPath} already exists on the target server.`, 'Add --force to replace it, or give another target path.');
        }
        // An empty file proftpd made at STOR for a file the source refused is deleted (fxp-leftover.ts); without
        // --force the target was just seen without the name, so no SIZE first.
        if (flags.viaLocal) {
          const { onStart, onProgress } = fileProgress(meter, shownName(remoteBasename(sourceUrl.path)));
          onStart?.(source.capabilities.size ? await source.size(sourceUrl.path).catch(() => null) : null);
          await copyCleaningLeftover(target, targetPath, flags.force ? undefined : false, () => relayTransfer(source, sourceUrl.path, target, targetPath, { onProgress }));
        } else await copyCleaningLeftover(target, targetPath, flags.force ? undefined : false, () => fxpTransfer(source, sourceUrl.path, target, targetPath));
      });
    }));
  });

  if (wants('chmod')) withFlags(
    program
      .command('chmod')
      .argument('<mode>', 'octal mode, e.g. 644')
      .argument('<url>', 'remote file or folder; * and ? in its name change every matching file of that folder')
      .option('-R, --recursive', 'a folder and everything in it (symbolic links are left as they are)')
      .option('--files-only', 'with -R: change the files, not the folders')
      .option('--dirs-only', 'with -R: change the folders, not the files')
      .description('change permissions (SITE CHMOD)'),
  ).action(async (mode: string, urlText: string, flags: ConnectionFlags & { recursive?: boolean; filesOnly?: boolean; dirsOnly?: boolean }) => {
    if (flags.filesOnly && flags.dirsOnly) throw invalidInput('--files-only and --dirs-only were both given.', 'Give one of them, or neither to change both.');
    if ((flags.filesOnly || flags.dirsOnly) && !flags.recursive) throw invalidInput('--files-only and --dirs-only apply to a recursive chmod.', 'Add -R, e.g. ferry chmod -R --files-only 644 URL.');
    await withClient(urlText, flags, async (client, url) => {
      if (!flags.recursive) {
        // A pattern takes each matching file, as lftp's chmod and as get and rm match (files only, case as written);
        // it was sent as SITE CHMOD 644 /logs/*.log and refused as a missing file.
        const matched = /[*?]/.test(remoteBasename(url.path)) ? await matchingFiles(client, url.path) : null;
        if (matched === null) return client.chmod(url.path, mode);
        const refused = await eachMatch(matched, (file) => client.chmod(file, mode));
        process.stderr.write(`${matched.length - refused} file(s) changed to ${mode}${refused > 0 ? `, ${refused} refused` : ''}.\n`);
        return;
      }
      const result = await chmodRemoteTree(client, url.path, mode, flags.filesOnly ? 'files' : flags.dirsOnly ? 'directories' : 'all');
      for (const { path, error } of result.failed) process.stderr.write(`ferry: ${shownName(path)}: ${error.data.message}\n`);
      const links = result.skippedLinks > 0 ? `, ${result.skippedLinks} symbolic link(s) left as they are` : '';
      process.stderr.write(`${result.changed} item(s) changed to ${mode}${links}${result.failed.length > 0 ? `, ${result.failed.length} refused` : ''}.\n`);
      if (result.failed.length > 0) process.exitCode = EXIT_CODES.partial;
    });
  });

  if (wants('test')) withFlags(program.command('test').argument('[url]', 'server and folder to list (omit with --site)').option('--json', 'print JSON').description('which transfer modes work: log in once in passive and once in active mode and list the folder'))
    .action(async (urlText: string | undefined, flags: ConnectionFlags & { json?: boolean }) => {
      const target = await withHomeResolved(await resolveTarget(urlText, flags));
      let facts: ServerFacts | null = null;
      // A refused login is thrown as it is by the probe: said with where its password came from, as ls says it.
      const probes = await probeTransferModes(target.options(), target.path || '/', undefined, (client) => (facts = serverFacts(client))).catch((error: unknown) => {
        throw withLoginSource(target, error);
      });
      if (flags.json) process.stdout.write(`${JSON.stringify({ server: facts, modes: probes }, null, 2)}\n`);
      else process.stdout.write(`${facts ? `${formatFacts(facts)}\n` : ''}${formatProbes(probes, target.options().transferMode ?? 'passive', flags.site ?? null)}\n`);
      // Scripts ask "can I transfer at all?": yes when one mode works (the output says which).
      if (!probes.some((probe) => probe.ok)) process.exitCode = EXIT_CODES['data-connection'];
    });

  if (wants('stat')) withFlags(program.command('stat').argument('<url>', 'remote file').option('--json', 'print JSON').description('size, modification time and checksum (when the server offers one)'))
    .action(async (urlText: string, flags: ConnectionFlags & { json?: boolean }) => {
      await withClient(urlText, flags, async (client, url) => {
        const size = await client.size(url.path).catch(async (error: unknown) => {
          throw (await folderInsteadOfFile(client, url.path, error, 'stat describes a file', 'List a folder with: ferry ls URL')) ?? error;
        });
        const modified = await client.modifiedTime(url.path);
        const checksum = await client.checksum(url.path, { size });
        const result = { path: url.path, size, modified, checksum };
        process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : `size: ${size ?? 'unknown'}\nmodified: ${modified ?? 'unknown'}\nchecksum: ${checksum ? `${checksum.algorithm} ${checksum.hex}` : 'not offered'}\n`);
      });
    });

  if (wants('quote')) withFlags(program.command('quote').argument('[url]', 'server (omit with --site)').argument('[command...]', 'raw FTP command, e.g. SITE HELP').description('send one raw command and print the reply'))
    .action(async (urlText: string | undefined, rest: string[], flags: ConnectionFlags) => {
      // With --site there is no URL: the first word belongs to the command.
      const words = flags.site && urlText !== undefined ? [urlText, ...rest] : rest;
      if (words.length === 0) throw invalidInput('No command given.', 'Add the raw FTP command, e.g. ferry quote ftp://host/ SITE HELP.');
      await withClient(flags.site ? undefined : urlText, flags, async (client) => {
        const reply = await client.raw(words.join(' '));
        process.stdout.write(`${reply.lines.map(visibleControls).join('\n')}\n`);
        if (reply.code >= 400) process.exitCode = EXIT_CODES['server-reply'];
      });
    });

  if (wants('sites')) addSitesCommands(program);
  if (wants('settings')) addSettingsCommands(program);
  if (wants('passwords')) addPasswordCommands(program);
  // Not a command's name (`ferry lss`): the whole program, so commander says which command was meant.
  if (only !== undefined && program.commands.length === 0) return buildProgram();
  pointToHelp(program, 'ferry');
  return program;
}

/**
 * A usage error (too many arguments, an unknown option) prints the error and one line naming the command's help, as
 * git does ("See 'ferry ls --help'."): the whole help after it (commander's showHelpAfterError()) pushed the error off
 * the screen. Asked for, help still prints in full. Set on every command, nested ones by their full name.
 */
function pointToHelp(command: Command, name: string): void {
  command.showHelpAfterError(`See '${name} --help'.`);
  for (const sub of command.commands) pointToHelp(sub, `${name} ${sub.name()}`);
}

/** Entry point: run, and turn any failure into its message, hint and exit status. */
export async function main(argv: readonly string[]): Promise<void> {
  // A password typed in a URL (or sites add --password) no longer shows in `ps` while the command runs, as with curl.
  const masked = maskedCommandLine(argv.slice(2));
  if (masked !== null) process.title = masked;
  interrupts.install();
  stdoutWatch.install();
  guardTerminalText(process.stdout);
  guardTerminalText(process.stderr);
  try {
    const program = buildProgram(commandRunFirst(argv.slice(2)));
    // argv[0] and argv[1] are node and the script; `ferry -v ls URL` is read as `ferry ls -v URL`.
    await program.parseAsync([...argv.slice(0, 2), ...hoistGlobalOptions(argv.slice(2), program)]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed the problem (or the help, or the version) already.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_CODES['invalid-input'];
      return;
    }
    const data = toErrorData(error);
    process.stderr.write(`ferry: ${describeForCli(data)}\n`);
    // A pattern where none is read (in a folder's name, [ab]): how the path was taken, under the server's refusal.
    const note = data.kind === 'server-reply' ? patternPlaceNote(argv.slice(2)) : null;
    if (note !== null) process.stderr.write(`${note}\n`);
    process.exitCode = EXIT_CODES[data.kind];
  }
  // Standard output went away under us (| head): end as the pipe's SIGPIPE would have ended us.
  process.exitCode = stdoutWatch.exitCode ?? process.exitCode;
  // A transfer ended by Ctrl-C or SIGTERM (ABOR and QUIT sent, what was kept said): now end as the signal would have.
  if (interrupts.received) interrupts.raise(interrupts.received);
}

/**
 * `get --resume URL -`, `put --resume - URL`: a stream has no partial copy to continue from (standard output) and
 * cannot skip the bytes the server already has (standard input) — --resume was silently ignored and everything sent.
 */
function streamResume(command: 'get' | 'put'): FtpError {
  return command === 'get'
    ? invalidInput('--resume cannot continue a download to standard output ("-"): a stream has no partial file to continue.', 'Download to a file to resume it (ferry get --resume URL FILE), or leave out --resume to write the whole file to standard output.')
    : invalidInput('--resume cannot continue an upload from standard input ("-"): a stream cannot skip to where the server\'s copy ends.', 'Upload from a file to resume it (ferry put --resume FILE URL); to add what you pipe to the end of the server\'s file, use --append (APPE).');
}

/** ASCII for -B/--ascii or a URL ending in ;type=a (as curl); ;type=d asks for a listing, which get and put do not make. */
function transferType(target: ConnectionTarget, flags: { readonly ascii?: boolean }, command: 'get' | 'put'): boolean {
  if (target.typeCode === 'd') throw invalidInput(`";type=d" asks for a folder listing; ${command} transfers a file.`, 'List the folder with: ferry ls URL (or leave out ";type=d").');
  return flags.ascii === true || target.typeCode === 'a';
}

/** An upload a first Ctrl-C aborts (ABOR), then says what the server kept of `remote`. */
async function interruptible<T>(client: FtpClient, remote: string, resumable: boolean, upload: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return interrupts.duringTransfer(upload).catch(async (error: unknown) => {
    throw wasInterrupted(error) ? await interruptedUpload(client, remote, resumable) : error;
  });
}



/** A local file's size for the meter's total; null when it cannot be read (the upload then says why). */
async function localSize(local: string): Promise<number | null> {
  return fsp.stat(local).then((stats) => stats.size, () => null);
}

/**
 * A mirror run with its queue drawn on `meter` four times a second (files done of found, bytes, the files under way);
 * nothing drawn once the run has ended. A listing that takes long (a queue of 100,000s of files) waits ten times its
 * own time before the next, so the meter never takes more than a tenth of the CPU from the copy.
 */
async function withMirrorMeter<T>(meter: ProgressMeter | null, direction: 'download' | 'upload', run: (onQueue?: (list: () => Promise<readonly TransferItem[]>) => void) => Promise<T>): Promise<T> {
  if (!meter) return run();
  let list: (() => Promise<readonly TransferItem[]>) | null = null;
  let ended = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = (): void => {
    const began = performance.now();
    void (list?.() ?? Promise.resolve(null)).then((items) => {
      if (ended) return;
      if (items) meter.update(mirrorSnapshot(items, direction));
      timer = setTimeout(poll, Math.max(250, 10 * (performance.now() - began)));
    });
  };
  timer = setTimeout(poll, 250);
  try {
    return await run((queueList) => (list = queueList));
  } finally {
    ended = true;
    clearTimeout(timer);
  }
}

/** A regular file to upload; a folder gets the way to upload folders, a missing file the local error. */
async function assertUploadableFile(local: string): Promise<void> {
  const stats = await fsp.stat(local).catch((error: NodeJS.ErrnoException) => {
    throw localError(local, error);
  });
  if (stats.isDirectory()) throw invalidInput(`${local} is a folder; put sends one file.`, `Upload a folder with: ferry mirror --reverse ${JSON.stringify(local)} URL`);
  if (!stats.isFile()) throw invalidInput(`${local} is not a regular file (a device, socket or pipe).`, 'Give a file; for a stream, pipe it in with "-".');
}

/**
 * A 550 (or 553) for a file command on what is a folder (servers just say "Failed to open file"): the error saying so, with
 * the command that does it; null when the path is not a folder (the server's own error stands).
 */
async function folderInsteadOfFile(client: FtpClient, remotePath: string, error: unknown, what: string, hint: string): Promise<FtpError | null> {
  // 553 too: vsftpd and pure-ftpd refuse a STOR onto a folder with it.
  if (!(error instanceof FtpError) || error.data.kind !== 'server-reply' || (error.data.code !== 550 && error.data.code !== 553)) return null;
  const isFolder = await client.list(remotePath).then(
    () => true,
    () => false,
  );
  return isFolder ? invalidInput(`${remotePath} is a folder on the server; ${what}.`, hint) : null;
}

/** `mirror --if-exists`: the queue's overwrite choices, by the words the command line uses. */
const IF_EXISTS = {
  'newer-or-size-differs': 'overwrite-if-newer-or-size-differs',
  newer: 'overwrite-if-newer',
  'size-differs': 'overwrite-if-size-differs',
  overwrite: 'overwrite',
  skip: 'skip',
  resume: 'resume',
  rename: 'rename',
} as const satisfies Readonly<Record<string, OverwriteChoice>>;

const DRY_RUN_WHY = { new: 'not at the target', changed: 'newer or a different size', resume: 'to be resumed', rename: 'kept beside the existing one' } as const;

/**
 * `get URL/*.log`: the files of that folder whose names match (a shell's pattern: case as written), or null when the folder
 * holds a file named exactly so (a real "*" in a name is fetched as itself). None matching is bad input.
 */
async function matchingFiles(client: FtpClient, remotePath: string): Promise<string[] | null> {
  const folder = remoteDirname(remotePath);
  const pattern = remoteBasename(remotePath);
  const entries = (await client.list(folder)).entries;
  if (entries.some((entry) => entry.name === pattern)) return null;
  const matches = compileShellPattern(pattern);
  const files = entries.filter((entry) => entry.type === 'file' && matches(entry.name)).map((entry) => joinRemote(folder, entry.name));
  if (files.length === 0) throw invalidInput(`No file in ${folder} matches ${pattern}.`, `List the folder to see its names: ferry ls URL${folder === '/' ? '/' : folder}`);
  return files;
}

/** Each matching file into the folder `local` (made if missing). */
async function getMatching(client: FtpClient, files: readonly string[], local: string, options: { readonly resume: boolean; readonly limiter: SpeedLimiter | null; readonly ascii: boolean }, meter: ProgressMeter | null): Promise<void> {
  const existing = await fsp.stat(local).catch(() => null);
  if (existing && !existing.isDirectory()) throw invalidInput(`${local} is a file; several files go into a folder.`, 'Give a folder as the target (it is created when missing).');
  await makeFolders(local);
  await eachFile(files, async (file) => {
    // Names come from the server's listing: one this computer cannot hold, or a path in disguise ("..\\x" on Windows), is refused as the queue refuses it.
    const name = remoteBasename(file);
    const unsafe = unsafeLocalNameReason(name);
    if (unsafe) throw invalidInput(describeUnsafeName(name, unsafe), 'Fetch it alone under a name of your own: ferry get URL LOCAL-NAME.');
    const target = await notAFolder(path.join(local, name));
    return interrupts.duringTransfer((signal) => getFile(client, file, target, { ...options, signal, ...fileProgress(meter, shownName(name)) }));
  });
}

/** Several files one after another: a failure is reported and the rest go on; a summary, and exit 11 if any failed. */
async function eachFile(files: readonly string[], transfer: (file: string) => Promise<number>): Promise<void> {
  let done = 0;
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += await transfer(file);
      done += 1;
    } catch (error) {
      // Ctrl-C ends them all, not just this one.
      if (interrupts.received) throw error;
      process.stderr.write(`Failed ${shownName(file)}: ${describeForCli(toErrorData(error))}\n`);
    }
  }
  process.stderr.write(`${done} of ${files.length} files, ${bytes} bytes.\n`);
  if (done < files.length) process.exitCode = EXIT_CODES.partial;
}

/**
 * `rm 'URL/*.tmp'`, `chmod 644 'URL/*.sh'`: `act` on each matching file. One the server refuses is said and the rest go
 * on, exit 11, as get's patterns and lftp's mrm — the first refusal ended the command, the files after it untouched
 * and unsaid. Any other failure (the connection lost, a timeout) ends it. Returns how many were refused.
 */
async function eachMatch(files: readonly string[], act: (file: string) => Promise<unknown>): Promise<number> {
  let refused = 0;
  for (const file of files) {
    try {
      await act(file);
    } catch (error) {
      if (!(error instanceof FtpError) || error.data.kind !== 'server-reply') throw error;
      refused += 1;
      process.stderr.write(`Failed ${shownName(file)}: ${describeForCli(error.data)}\n`);
    }
  }
  if (refused > 0) process.exitCode = EXIT_CODES.partial;
  return refused;
}

/** `put a.log b.log URL/`: each into the remote folder. */
async function putSeveral(locals: readonly string[], urlText: string, flags: ConnectionFlags & { append?: boolean }, options: { readonly resume: boolean; readonly limiter: SpeedLimiter | null; readonly ascii: boolean }, meter: ProgressMeter | null): Promise<void> {
  if (locals.includes('-')) throw invalidInput('Standard input ("-") is one file: it cannot be sent with others.', 'Send it on its own: … | ferry put - URL');
  if (flags.append) throw invalidInput('--append adds to one remote file; it cannot take several.', 'Append one file at a time.');
  // Said without the password a URL may carry: error output ends up in logs.
  const shown = redactUrl(urlText);
  if (!urlText.replace(/;type=[aid]$/i, '').endsWith('/')) throw invalidInput(`Several files go into a folder: ${shown} does not end with "/".`, `Add the slash: ${shown}/`);
  // All checked before connecting, so a typo in the last name does not leave the first ones half done.
  for (const local of locals) await assertUploadableFile(local);
  await withClient(urlText, flags, (client, url) =>
    eachFile(locals, async (local) => {
      const remote = joinRemote(url.path, path.basename(local));
      const ascii = options.ascii || transferType(url, {}, 'put');
      const { onStart, onProgress } = fileProgress(meter, shownName(path.basename(local)));
      onStart?.(await localSize(local));
      return interruptible(client, remote, true, (signal) => putFile(client, local, remote, { ...options, ascii, signal, onProgress })).catch(async (error: unknown) => {
        throw (await missingFolderError(client, remote, error)) ?? error;
      });
    }),
  );
}
