import fsp from 'node:fs/promises';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { LogonType, Site, SiteInput, SiteProtocol, SiteTransferMode } from '../../shared/models';
import { invalidInput } from '../ftp/ftp-error';
import { joinFolder, joinSitePath, splitSitePath } from '../sites/site-path';
import { decodeSiteFileBytes, type SiteFileText } from '../../shared/site-file-text';
import { hostPort } from '../../shared/host-address';
import { localError } from '../transfers/file-transfer';
import type { CliStores } from './cli-stores';
import { EXIT_CODES } from './exit-codes';
import { readPasswordFromStdin } from './read-secret';
import { padColumns, textColumns } from '../../shared/text-columns';

/** CLI names for the four encryption choices; FileZilla's own words and the --tls names both work. */
const PROTOCOLS: Readonly<Record<string, SiteProtocol>> = {
  ftp: 'ftp-explicit-if-available',
  'explicit-if-available': 'ftp-explicit-if-available',
  'ftp-explicit-if-available': 'ftp-explicit-if-available',
  ftpes: 'ftp-explicit',
  explicit: 'ftp-explicit',
  'ftp-explicit': 'ftp-explicit',
  ftps: 'ftp-implicit',
  implicit: 'ftp-implicit',
  'ftp-implicit': 'ftp-implicit',
  plain: 'ftp-plain',
  none: 'ftp-plain',
  'ftp-plain': 'ftp-plain',
};

const PROTOCOL_LABELS: Readonly<Record<SiteProtocol, string>> = {
  'ftp-explicit-if-available': 'FTP (TLS if available)',
  'ftp-explicit': 'FTPES (explicit TLS)',
  'ftp-implicit': 'FTPS (implicit TLS)',
  'ftp-plain': 'FTP (plain)',
};

interface SiteFlags {
  readonly host?: string;
  readonly port?: number;
  readonly protocol?: SiteProtocol;
  readonly logon?: LogonType;
  readonly user?: string;
  readonly password?: string;
  readonly passwordStdin?: boolean;
  readonly forgetPassword?: boolean;
  readonly mode?: SiteTransferMode;
  readonly charset?: string;
  readonly localDir?: string;
  readonly remoteDir?: string;
  readonly connectionLimit?: number;
  readonly comments?: string;
  readonly trustFingerprint?: string[];
  readonly clientCert?: string;
  readonly clientKey?: string;
  readonly forgetClientCert?: boolean;
}

/** `--client-cert`/`--client-key` as full paths (the site is read from anywhere; the files stay where they are). */
function certificateFields(flags: SiteFlags): Pick<SiteInput, 'clientCertFile' | 'clientKeyFile'> {
  return {
    ...(flags.clientCert !== undefined ? { clientCertFile: path.resolve(flags.clientCert) } : {}),
    ...(flags.clientKey !== undefined ? { clientKeyFile: path.resolve(flags.clientKey) } : {}),
  };
}

/** `ferry sites …`: list, add, edit, remove, import, export — the Site Manager without a window. */
export function addSitesCommands(program: Command): void {
  const sites = program.command('sites').description('saved sites, shared with the app (list, add, edit, remove, import, export)');

  sites
    .command('list')
    .option('--json', 'print a JSON array (never passwords)')
    .description('list saved sites')
    .action(async (flags: { json?: boolean }) => {
      await withStores(async (stores) => {
        const list = await stores.sites.list();
        if (flags.json) process.stdout.write(`${JSON.stringify(list.sites.map(siteSummary), null, 2)}\n`);
        else process.stdout.write(sitesTable(list.sites));
      });
    });

  siteFlags(sites.command('add').argument('<path>', 'Folder/Sub/Name (folders are created as needed)').requiredOption('--host <host>', 'server name or address').description('save a new site'))
    .action(async (sitePath: string, flags: SiteFlags) => {
      const segments = splitSitePath(sitePath);
      const logonType = flags.logon ?? (flags.user ? 'normal' : 'anonymous');
      const protocol = flags.protocol ?? 'ftp-explicit-if-available';
      const input: SiteInput = {
        name: segments[segments.length - 1] as string,
        folder: segments.slice(0, -1),
        host: flags.host ?? '',
        port: flags.port ?? (protocol === 'ftp-implicit' ? 990 : 21),
        protocol,
        logonType,
        user: flags.user ?? '',
        transferMode: flags.mode ?? 'default',
        charset: flags.charset ?? 'auto',
        localDir: flags.localDir ?? '',
        remoteDir: flags.remoteDir ?? '',
        connectionLimit: flags.connectionLimit ?? null,
        comments: flags.comments ?? '',
        trustedFingerprints: flags.trustFingerprint ?? [],
        bookmarks: [],
        ...certificateFields(flags),
        password: await passwordFrom(flags),
      };
      await withStores(async (stores) => reportSaved(await stores.sites.save(input), input.password));
    });

  siteFlags(sites.command('edit').argument('<path>', 'the site to change (Folder/Sub/Name)').option('--host <host>', 'server name or address').option('--rename <path>', 'new Folder/Sub/Name').description('change fields of a saved site; others stay as they are'))
    .action(async (sitePath: string, flags: SiteFlags & { rename?: string }) => {
      const password = await passwordFrom(flags);
      const rename = flags.rename ? splitSitePath(flags.rename) : null;
      await withStores(async (stores) => {
        const found = await stores.sites.findByPath(sitePath);
        // The flags laid over the site as it is under the store's lock: another edit meanwhile keeps its fields.
        const saved = await stores.sites.edit(found.id, (site) => ({
          ...(flags.forgetClientCert ? withoutCertificate(site) : site),
          name: rename ? (rename[rename.length - 1] as string) : site.name,
          folder: rename ? rename.slice(0, -1) : site.folder,
          ...definedOnly({
            host: flags.host,
            port: flags.port,
            protocol: flags.protocol,
            logonType: flags.logon,
            user: flags.user,
            transferMode: flags.mode,
            charset: flags.charset,
            localDir: flags.localDir,
            remoteDir: flags.remoteDir,
            connectionLimit: flags.connectionLimit,
            comments: flags.comments,
          }),
          trustedFingerprints: [...site.trustedFingerprints, ...(flags.trustFingerprint ?? [])],
          ...certificateFields(flags),
        }), flags.forgetPassword ? null : password);
        reportSaved(saved, password);
      });
    });

  sites
    .command('remove')
    .alias('rm')
    .argument('<path>', 'Folder/Sub/Name')
    .description('delete a saved site')
    .action(async (sitePath: string) => {
      await withStores(async (stores) => {
        const site = await stores.sites.findByPath(sitePath);
        await stores.sites.delete(site.id);
        process.stderr.write(`Removed site ${joinSitePath(site.folder, site.name)}.\n`);
      });
    });

  sites
    .command('import')
    .argument('<file>', 'FileZilla sitemanager.xml (or its Site Manager export), FlashFXP Sites.dat, or a Ferry export (ferry sites export); "-" for standard input')
    .description("import FileZilla's or FlashFXP's sites (FTP and FTPS; others are listed as skipped), or sites exported from Ferry (without passwords)")
    .option('--encoding <name>', "the file's encoding when it does not say (FlashFXP's Sites.dat): e.g. gbk, utf-8, big5; default: UTF-8 if the bytes are, else GBK")
    .action(async (file: string, options: { encoding?: string }) => {
      const read = await readText(file, options.encoding);
      await withStores(async (stores) => {
        const report = await stores.sites.importFileZilla(read.text, read.guessed ? { readAs: read.encoding } : {});
        const from = report.source === 'flashfxp' ? ' from FlashFXP' : '';
        process.stdout.write(`Imported ${report.imported.length} site(s)${from}${report.imported.length > 0 ? ':' : '.'}\n`);
        for (const name of report.imported) process.stdout.write(`  ${name}\n`);
        if (report.skipped.length > 0) process.stdout.write(`Skipped ${report.skipped.length}:\n`);
        for (const skipped of report.skipped) process.stdout.write(`  ${skipped.name} — ${skipped.reason}\n`);
        for (const warning of report.warnings) process.stderr.write(`ferry: warning: ${warning.text}\n`);
      });
    });

  sites
    .command('export')
    .argument('[file]', 'write here instead of standard output')
    .description('export all sites as JSON (without passwords)')
    .action(async (file: string | undefined) => {
      await withStores(async (stores) => {
        const json = await stores.sites.exportJson();
        // A folder that is not there, a file that is a folder, a full disk: said with the path and the fix (exit 10),
        // not as an unexpected failure, "a bug in Ferry".
        if (file) await fsp.writeFile(file, json, { mode: 0o600 }).catch((error: NodeJS.ErrnoException) => Promise.reject(localError(error.code === 'ENOENT' ? path.dirname(path.resolve(file)) : file, error)));
        else process.stdout.write(json);
      });
    });
}

function withoutCertificate<T extends { readonly clientCertFile?: string; readonly clientKeyFile?: string }>(site: T): Omit<T, 'clientCertFile' | 'clientKeyFile'> {
  const { clientCertFile: _cert, clientKeyFile: _key, ...rest } = site;
  return rest;
}

/** The fields `sites list --json` prints: everything but secrets, with the folder as one "A/B" string. */
export function siteSummary(site: Site): Record<string, unknown> {
  return {
    name: site.name,
    folder: joinFolder(site.folder),
    path: joinSitePath(site.folder, site.name),
    host: site.host,
    port: site.port,
    protocol: site.protocol,
    logonType: site.logonType,
    user: site.user,
    hasPassword: site.hasPassword,
    transferMode: site.transferMode,
    charset: site.charset,
    localDir: site.localDir,
    remoteDir: site.remoteDir,
    connectionLimit: site.connectionLimit,
    comments: site.comments,
    trustedFingerprints: site.trustedFingerprints,
    ...(site.clientCertFile !== undefined ? { clientCertFile: site.clientCertFile } : {}),
    ...(site.clientKeyFile !== undefined ? { clientKeyFile: site.clientKeyFile } : {}),
    id: site.id,
  };
}

/** `ferry sites list`: one row a site, its columns aligned on the terminal whatever script the names are in. */
export function sitesTable(sites: readonly Site[]): string {
  if (sites.length === 0) return 'No saved sites. Add one with `ferry sites add NAME --host HOST`, or import FileZilla\'s with `ferry sites import sitemanager.xml`.\n';
  const rows = sites.map((site) => [joinSitePath(site.folder, site.name), `${site.logonType === 'anonymous' ? 'anonymous' : site.user}@${hostPort(site.host, site.port)}`, PROTOCOL_LABELS[site.protocol], site.transferMode, site.charset]);
  const header = ['SITE', 'LOGIN', 'PROTOCOL', 'MODE', 'CHARSET'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => textColumns(row[column] as string))));
  return [header, ...rows].map((row) => row.map((cell, column) => padColumns(cell, widths[column] as number)).join('  ').trimEnd()).join('\n') + '\n';
}

function siteFlags(command: Command): Command {
  return command
    .option('--port <n>', 'port (default 21, or 990 for implicit FTPS)', parsePort)
    .addOption(new Option('--protocol <p>', 'ftp (TLS if available, the default), ftpes (explicit TLS required), ftps (implicit TLS), plain').argParser(parseProtocol))
    .addOption(new Option('--logon <type>', 'anonymous, normal (user + saved password) or ask (password asked when connecting)').choices(['anonymous', 'normal', 'ask']))
    .option('--user <name>', 'user name (implies --logon normal when adding)')
    .option('--password-stdin', 'read the password from standard input (preferred: it stays out of shell history)')
    .option('--password <password>', 'the password (visible to other local users in the process list; prefer --password-stdin)')
    .option('--forget-password', 'edit: remove the saved password')
    .addOption(new Option('--mode <mode>', 'transfer mode: default (follow the global setting), passive or active').choices(['default', 'passive', 'active']))
    .option('--charset <name>', 'file name encoding: auto (UTF-8) or a charset such as gbk, big5, shift_jis')
    .option('--local-dir <path>', 'default local folder')
    .option('--remote-dir <path>', 'default remote folder (where `ferry ls --site` starts)')
    .option('--connection-limit <n>', 'simultaneous transfer connections, 1-10', parseLimit)
    .option('--comments <text>', 'free text')
    .option('--trust-fingerprint <sha256>', 'trust a server certificate with this SHA-256 fingerprint (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--client-cert <file>', 'a TLS client certificate (PEM, or PKCS#12 .p12/.pfx holding its key) for FTPS servers that require one, read at each connect')
    .option('--client-key <file>', 'its private key (PEM), when not in the certificate file')
    .option('--forget-client-cert', 'edit: remove the client certificate and key');
}

async function passwordFrom(flags: SiteFlags): Promise<string | undefined> {
  if (flags.password !== undefined && flags.passwordStdin) throw invalidInput('--password and --password-stdin were both given.', 'Use one (--password-stdin keeps it out of shell history).');
  if (flags.passwordStdin) return readPasswordFromStdin();
  return flags.password;
}

function reportSaved(site: Site, password: string | null | undefined): void {
  const mode = site.transferMode === 'default' ? 'default transfer mode' : `${site.transferMode} mode`;
  process.stderr.write(`Saved site ${joinSitePath(site.folder, site.name)} (${site.logonType === 'anonymous' ? 'anonymous' : site.user}@${hostPort(site.host, site.port)}, ${PROTOCOL_LABELS[site.protocol]}, ${mode}).\n`);
  // The store saved the site without the password and says why in its warnings (printed next); scripts see the status.
  if (typeof password === 'string' && password !== '' && site.logonType === 'normal' && !site.hasPassword) process.exitCode = EXIT_CODES['local-file'];
}

async function withStores(work: (stores: CliStores) => Promise<void>): Promise<void> {
  // Loaded on first use: the stores bring zod (and the FileZilla import fast-xml-parser), which get/put/ls never need.
  const { openCliStores, printStoreWarnings, closeCliStores } = await import('./cli-stores');
  const stores = await openCliStores();
  try {
    await work(stores);
    await printStoreWarnings(stores);
  } finally {
    closeCliStores(stores);
  }
}

async function readText(file: string, encoding: string | undefined): Promise<SiteFileText> {
  let bytes: Buffer;
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    bytes = Buffer.concat(chunks);
  } else {
    try {
      bytes = await fsp.readFile(file);
    } catch (error) {
      throw invalidInput(`Cannot read ${file}: ${(error as Error).message}.`, "Give the path of FileZilla's sitemanager.xml (e.g. ~/.config/filezilla/sitemanager.xml), FlashFXP's Sites.dat (%APPDATA%\\FlashFXP\\4\\Sites.dat) or a Ferry export.");
    }
  }
  try {
    return decodeSiteFileBytes(bytes, encoding);
  } catch {
    throw invalidInput(`Unknown encoding "${encoding ?? ''}".`, 'Use an encoding name such as utf-8, gbk, gb18030, big5, shift_jis, windows-1252 or utf-16le.');
  }
}

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InvalidArgumentError('use a port from 1 to 65535.');
  return port;
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10) throw new InvalidArgumentError('use a whole number from 1 to 10.');
  return limit;
}

function parseProtocol(value: string): SiteProtocol {
  const protocol = PROTOCOLS[value.toLowerCase()];
  if (!protocol) throw new InvalidArgumentError('use ftp, ftpes, ftps or plain.');
  return protocol;
}
