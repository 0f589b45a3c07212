/**
 * Real FTP servers (vsftpd, pure-ftpd, proftpd) for integration tests.
 *
 * Each server runs in the foreground as a child of the test process, on free loopback
 * ports, with a config written to a temp folder. vsftpd comes from apt; pure-ftpd and
 * proftpd (which conflict with it) are extracted by `scripts/setup-system.sh` into
 * `.cache/servers/root`. See docs/test-servers.md for server-specific gotchas.
 */
import { spawn, execFile, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { getFreePortRange } from './free-port';
import { onProcessExit, ownedTempDir } from './process-cleanup';
import { ensureAnonymousUser, ensureTestUser } from './test-user';
import { getTestCertificate, type TestCertificate, type TestClientAuthority } from './tls-cert';

export type ServerKind = 'vsftpd' | 'pure-ftpd' | 'proftpd';
export const SERVER_KINDS: readonly ServerKind[] = ['vsftpd', 'pure-ftpd', 'proftpd'];

/**
 * - `none`: plain FTP only.
 * - `explicit`: AUTH TLS offered, plain logins still allowed.
 * - `explicit-required`: logins and data connections must be protected (AUTH TLS + PROT P).
 * - `implicit`: implicit FTPS (TLS from the first byte). Not available with pure-ftpd.
 */
export type TlsMode = 'none' | 'explicit' | 'explicit-required' | 'implicit';

export interface StartOptions {
  tls?: TlsMode;
  /** Address the server listens on; default 127.0.0.1. */
  listenAddress?: string;
  /** Address advertised in PASV replies (vsftpd pasv_address, pure-ftpd -P, proftpd MasqueradeAddress). */
  pasvAddress?: string;
  /** Control connections allowed per client address (421 beyond). */
  maxPerIp?: number;
  /** vsftpd `utf8_filesystem` (default NO); proftpd `UseEncoding` (default on); ignored by pure-ftpd. */
  utf8?: boolean;
  /** Require data connections to resume the control connection's TLS session. Default true (vsftpd, proftpd); pure-ftpd cannot. */
  requireSslReuse?: boolean;
  /** Also allow anonymous (read-only) logins, landing in the same folder. */
  anonymous?: boolean;
  /** Run the server inside this network namespace (`ip netns exec`). */
  netns?: string;
  /** Served folder (the login's `/`). Created as a temp dir (0755, owned by ferrytest) when absent. */
  rootDir?: string;
  /** How many passive ports to reserve; default 32. */
  pasvPortCount?: number;
  /** Fail if the server has not greeted within this many ms; default 15000. */
  startTimeoutMs?: number;
  /**
   * vsftpd only: extra `key=value` lines appended to its config, e.g. `local_max_rate=1048576` (throttle
   * transfers) or `port_promiscuous=YES` (connect back to any PORT/EPRT address).
   */
  vsftpdConfig?: readonly string[];
  /** The certificate (and chain) to serve instead of the shared self-signed one (`createTestCertificateChain`). */
  certificate?: TestCertificate;
  /**
   * vsftpd and proftpd: demand a TLS client certificate issued by this CA (vsftpd `require_cert=YES` +
   * `validate_cert=YES` + `ca_certs_file`, proftpd `TLSVerifyClient on` + `TLSCACertificateFile`). The readiness probe
   * of an implicit FTPS server presents `client`.
   */
  clientAuthority?: TestClientAuthority;
  /** proftpd only: `TLSProtocol` (default "TLSv1.2 TLSv1.3") and `TLSCipherSuite`, for a server Ferry cannot agree with. */
  proftpdTls?: { readonly protocols?: string; readonly ciphers?: string };
  /** proftpd only: extra directives appended to its config, e.g. `LoadModule mod_deflate.c` and `DeflateEngine on` (MODE Z). */
  proftpdConfig?: readonly string[];
  /**
   * vsftpd and proftpd: the charset their config file is written in (UTF-8 by default), e.g. `gbk` for a banner
   * (`ftpd_banner`, `ServerIdent`) or message (`AccessDenyMsg`) in GBK, as an older Chinese server's admin wrote it.
   * Both send those bytes as they are.
   */
  configCharset?: string;
}

export interface RunningServer {
  readonly kind: ServerKind;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** Served folder on disk (the login's `/`). */
  readonly root: string;
  /** Inclusive range of passive ports the server uses. */
  readonly pasvPorts: [number, number];
  readonly tls: TlsMode;
  /** Whether the server refuses TLS data connections that do not resume the control session. */
  readonly sslReuseRequired: boolean;
  readonly anonymous: boolean;
  readonly netns: string | null;
  readonly certFingerprint256?: string;
  readonly certPem?: string;
  /** Protocol log file (vsftpd log_ftp_protocol, proftpd ExtendedLog); null for pure-ftpd (syslog only). */
  readonly logFile: string | null;
  readonly pid: number;
  /** Milliseconds from spawn to the first 220 greeting. */
  readonly startupMs: number;
  /** Contents of the protocol log ('' when the server has none). */
  readLog(): Promise<string>;
  /** Waits until the protocol log matches `pattern` (logs are written asynchronously by session processes). */
  waitForLog(pattern: RegExp | string, timeoutMs?: number): Promise<string>;
  /**
   * Waits until no session process is left (all reaped). Servers count a session against
   * maxPerIp until they reap it, a moment after the client has gone; for proftpd this also
   * waits out its 400 ms accept back-off (so it always takes at least 450 ms there).
   */
  waitForIdle(timeoutMs?: number): Promise<void>;
  /** The server's stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------
// Binaries

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Where setup-system.sh extracts pure-ftpd and proftpd (override with FERRY_SERVERS_ROOT). */
export const EXTRACTED_ROOT = process.env.FERRY_SERVERS_ROOT ?? path.join(REPO_ROOT, '.cache', 'servers', 'root');

function vsftpdBinary(): string {
  for (const candidate of ['/usr/sbin/vsftpd', '/usr/bin/vsftpd']) {
    if (existsSync(candidate)) return candidate;
  }
  return '/usr/sbin/vsftpd';
}

/** Files each kind needs; all must exist for the kind to be usable. */
function requiredFiles(kind: ServerKind): string[] {
  switch (kind) {
    case 'vsftpd':
      return [vsftpdBinary(), '/etc/pam.d/vsftpd'];
    case 'pure-ftpd':
      return [path.join(EXTRACTED_ROOT, 'usr/sbin/pure-ftpd'), path.join(EXTRACTED_ROOT, 'usr/bin/pure-pw')];
    case 'proftpd':
      return [
        path.join(EXTRACTED_ROOT, 'usr/sbin/proftpd'),
        path.join(EXTRACTED_ROOT, 'usr/lib/proftpd/mod_tls.so'),
        path.join(EXTRACTED_ROOT, 'usr/lib/proftpd/mod_digest.so'),
      ];
  }
}

/** True when the server's binary (and what it needs) is installed. */
export function serverAvailable(kind: ServerKind): boolean {
  return requiredFiles(kind).every((file) => existsSync(file));
}

/**
 * Throws unless every requested server is installed. Tests call this instead of
 * skipping: a CI machine without the servers is a broken CI machine.
 */
export function ensureServerBinaries(kinds: readonly ServerKind[] = SERVER_KINDS): void {
  const missing = kinds.flatMap((kind) => requiredFiles(kind).filter((file) => !existsSync(file)));
  if (missing.length > 0) {
    throw new Error(
      `FTP test servers are not installed (missing: ${missing.join(', ')}). ` +
        'Run (as root): bash scripts/setup-system.sh',
    );
  }
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
  } catch {
    throw new Error('openssl is not installed. Run (as root): bash scripts/setup-system.sh');
  }
}

// ---------------------------------------------------------------------------
// Process bookkeeping

/** Parent pid of every process, read from /proc (zombies only with `withZombies`). */
function processTable(withZombies = false): Map<number, number> {
  const table = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return table;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid ..." — comm may contain spaces and parentheses.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(rest[1]);
      // Zombies (state Z) have exited already; only their parent's reaping is pending.
      if (Number.isFinite(ppid) && (withZombies || rest[0] !== 'Z')) table.set(Number(entry), ppid);
    } catch {
      // process vanished
    }
  }
  return table;
}

/** `pid`'s descendants (not `pid` itself). */
function descendants(pid: number, withZombies = false): number[] {
  const table = processTable(withZombies);
  const result: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const [child, ppid] of table) {
      if (ppid === parent && !result.includes(child)) {
        result.push(child);
        queue.push(child);
      }
    }
  }
  return result;
}

function alive(pid: number): boolean {
  try {
    // A zombie still "exists"; treat it as dead.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function signalTree(pid: number, signal: NodeJS.Signals): number[] {
  const pids = [pid, ...descendants(pid)];
  try {
    process.kill(-pid, signal); // the server leads its own process group (detached)
  } catch {
    // group gone
  }
  for (const p of pids) {
    try {
      process.kill(p, signal);
    } catch {
      // already gone
    }
  }
  return pids;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A watchdog for when the test process dies without running any handler (SIGKILL, OOM):
 * a shell that reads a pipe from us and, at EOF, kills the server's process group and
 * removes its temp folder. (PR_SET_PDEATHSIG is no help: proftpd drops privileges, which
 * clears it.)
 */
const WATCHDOG_SCRIPT = [
  // Stop each process (so it cannot fork), kill its children (vsftpd sessions call setsid, so the
  // process group is not enough), then kill it.
  'kt() { kill -STOP "$1" 2>/dev/null; for c in $(ps -o pid= --ppid "$1"); do kt "$c"; done; kill -KILL "$1" 2>/dev/null; }',
  'while read -r _; do :; done',
  'kt "$0"',
  'kill -KILL "-$0" 2>/dev/null',
  'rm -rf -- "$1"',
].join('\n');

function startWatchdog(pgid: number, dir: string): ChildProcess {
  const watchdog = spawn(
    'sh',
    ['-c', WATCHDOG_SCRIPT, String(pgid), dir],
    { detached: true, stdio: ['pipe', 'ignore', 'ignore'] },
  );
  watchdog.on('error', () => undefined);
  watchdog.stdin?.on('error', () => undefined);
  if (watchdog.stdin instanceof net.Socket) watchdog.stdin.unref();
  watchdog.unref();
  return watchdog;
}

// ---------------------------------------------------------------------------
// Readiness probe

/** Connects, waits for a 220 greeting, sends QUIT. Rejects on anything else. */
function probeGreeting(host: string, port: number, implicitTls: boolean, timeoutMs: number, client: TestClientAuthority['client'] | null): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let greeted = false;
    // Any TLS version and cipher: a server set up to offer only old ones (proftpdTls) must still be seen to be up.
    const socket: net.Socket = implicitTls
      ? tls.connect({ host, port, rejectUnauthorized: false, minVersion: 'TLSv1', ciphers: 'ALL:@SECLEVEL=0', ...(client ? { cert: client.certPem, key: client.keyPem } : {}) })
      : net.connect({ host, port });
    const timer = setTimeout(() => finish(new Error('timed out waiting for 220')), timeoutMs);
    function finish(error?: Error): void {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    }
    socket.setEncoding('utf8');
    socket.on('error', (error) => finish(error));
    socket.on('close', () => (greeted ? finish() : finish(new Error(`closed before 220: ${buffer.trim()}`))));
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (greeted) return;
      const final = buffer.split(/\r?\n/).find((line) => /^\d{3} /.test(line));
      if (final === undefined) return;
      if (!final.startsWith('220 ')) {
        finish(new Error(`unexpected greeting: ${buffer.trim()}`));
        return;
      }
      greeted = true;
      socket.write('QUIT\r\n'); // then wait for the server to close
    });
  });
}

/** The same probe, run inside a network namespace by a node child process. */
const NETNS_PROBE = `
const [host, port, implicit] = process.argv.slice(1);
const net = require('node:net'); const tls = require('node:tls');
const s = implicit === '1' ? tls.connect({ host, port: +port, rejectUnauthorized: false }) : net.connect({ host, port: +port });
let buf = '', ok = false;
setTimeout(() => process.exit(3), 2000);
s.setEncoding('utf8');
s.on('error', () => process.exit(2));
s.on('close', () => process.exit(ok ? 0 : 2));
s.on('data', (d) => { buf += d; if (!ok && /^220 /m.test(buf)) { ok = true; s.write('QUIT\\r\\n'); } else if (/^[1-5]\\d\\d /m.test(buf) && !ok) process.exit(4); });
`;

const execFileAsync = promisify(execFile);

async function probeOnce(host: string, port: number, implicitTls: boolean, netns: string | null, client: TestClientAuthority['client'] | null): Promise<void> {
  if (netns === null) {
    await probeGreeting(host, port, implicitTls, 2000, client);
    return;
  }
  await execFileAsync('ip', ['netns', 'exec', netns, process.execPath, '-e', NETNS_PROBE, host, String(port), implicitTls ? '1' : '0'], {
    timeout: 5000,
  });
}

// ---------------------------------------------------------------------------
// Configs

interface LaunchContext {
  readonly kind: ServerKind;
  readonly dir: string;
  readonly host: string;
  readonly port: number;
  readonly pasvPorts: [number, number];
  readonly root: string;
  readonly tls: TlsMode;
  readonly cert: TestCertificate | null;
  readonly options: StartOptions;
  readonly uid: number;
  readonly gid: number;
  readonly user: string;
  readonly password: string;
}

interface Launch {
  readonly command: string;
  readonly args: string[];
  readonly logFile: string | null;
  readonly sslReuseRequired: boolean;
}

function yesNo(value: boolean): string {
  return value ? 'YES' : 'NO';
}

async function vsftpdLaunch(ctx: LaunchContext): Promise<Launch> {
  const empty = path.join(ctx.dir, 'empty');
  await mkdir(empty, { mode: 0o755 });
  const logFile = path.join(ctx.dir, 'vsftpd.log');
  await writeFile(logFile, '');
  const o = ctx.options;
  const anonymous = o.anonymous === true;
  const lines: string[] = [
    // vsftpd listens on one family: listen=YES for IPv4, listen_ipv6=YES for IPv6.
    ...(net.isIPv6(ctx.host) ? ['listen=NO', 'listen_ipv6=YES', `listen_address6=${ctx.host}`] : ['listen=YES', 'listen_ipv6=NO', `listen_address=${ctx.host}`]),
    'background=NO',
    `listen_port=${ctx.port}`,
    'seccomp_sandbox=NO',
    'pam_service_name=vsftpd',
    'local_enable=YES',
    'write_enable=YES',
    'local_umask=022',
    `local_root=${ctx.root}`,
    'chroot_local_user=YES',
    'allow_writeable_chroot=YES',
    `secure_chroot_dir=${empty}`,
    `anonymous_enable=${yesNo(anonymous)}`,
    ...(anonymous ? [`anon_root=${ctx.root}`, 'no_anon_password=YES', 'anon_upload_enable=NO', 'anon_mkdir_write_enable=NO'] : []),
    'pasv_enable=YES',
    `pasv_min_port=${ctx.pasvPorts[0]}`,
    `pasv_max_port=${ctx.pasvPorts[1]}`,
    ...(o.pasvAddress !== undefined ? [`pasv_address=${o.pasvAddress}`, 'pasv_addr_resolve=NO'] : []),
    'port_enable=YES',
    'connect_from_port_20=NO',
    'connect_timeout=5',
    'data_connection_timeout=20',
    'accept_timeout=5',
    'idle_session_timeout=120',
    'xferlog_enable=YES',
    'xferlog_std_format=NO',
    'log_ftp_protocol=YES',
    `vsftpd_log_file=${logFile}`,
    'dirmessage_enable=NO',
    'use_localtime=NO',
    `utf8_filesystem=${yesNo(o.utf8 === true)}`,
    ...(o.maxPerIp !== undefined ? [`max_per_ip=${o.maxPerIp}`] : []),
    ...(o.vsftpdConfig ?? []),
  ];
  let sslReuseRequired = false;
  if (ctx.tls !== 'none' && ctx.cert !== null) {
    sslReuseRequired = o.requireSslReuse ?? true;
    const required = ctx.tls === 'explicit-required' || ctx.tls === 'implicit';
    lines.push(
      'ssl_enable=YES',
      `rsa_cert_file=${ctx.cert.certFile}`,
      `rsa_private_key_file=${ctx.cert.keyFile}`,
      'ssl_ciphers=HIGH',
      ...(o.clientAuthority
        ? ['ssl_request_cert=YES', 'require_cert=YES', 'validate_cert=YES', `ca_certs_file=${o.clientAuthority.caFile}`]
        : ['ssl_request_cert=NO', 'validate_cert=NO']),
      `require_ssl_reuse=${yesNo(sslReuseRequired)}`,
      `force_local_logins_ssl=${yesNo(required)}`,
      `force_local_data_ssl=${yesNo(required)}`,
      `allow_anon_ssl=${yesNo(anonymous)}`,
      'force_anon_logins_ssl=NO',
      'force_anon_data_ssl=NO',
      `implicit_ssl=${yesNo(ctx.tls === 'implicit')}`,
    );
  } else {
    lines.push('ssl_enable=NO');
  }
  const conf = path.join(ctx.dir, 'vsftpd.conf');
  await writeFile(conf, configBytes(`${lines.join('\n')}\n`, o.configCharset), { mode: 0o600 });
  return { command: vsftpdBinary(), args: [conf], logFile, sslReuseRequired };
}

async function pureFtpdLaunch(ctx: LaunchContext): Promise<Launch> {
  if (ctx.tls === 'implicit') {
    throw new Error('pure-ftpd (Debian build) does not support implicit FTPS; use vsftpd or proftpd');
  }
  const o = ctx.options;
  // Virtual user "ferrytest" mapped to the system account's uid/gid, with home ROOT/./ :
  // the "/./" makes pure-ftpd chroot there, so each server gets its own root.
  // A SHA-512 crypt hash: pure-pw's default argon2id costs ~1 s per login.
  const { stdout: hash } = await execFileAsync('openssl', ['passwd', '-6', ctx.password]);
  const passwdFile = path.join(ctx.dir, 'pureftpd.passwd');
  const pdbFile = path.join(ctx.dir, 'pureftpd.pdb');
  await writeFile(passwdFile, `${ctx.user}:${hash.trim()}:${ctx.uid}:${ctx.gid}::${ctx.root}/./::::::::::::\n`, { mode: 0o600 });
  await execFileAsync(path.join(EXTRACTED_ROOT, 'usr/bin/pure-pw'), ['mkdb', pdbFile, '-f', passwdFile]);
  const args = [
    '-S', `${ctx.host},${ctx.port}`,
    '-p', `${ctx.pasvPorts[0]}:${ctx.pasvPorts[1]}`,
    '-l', `puredb:${pdbFile}`,
    '-A', // chroot everyone
    net.isIPv6(ctx.host) ? '-6' : '-4',
    '-H', // no reverse DNS
    '-U', '133:022',
    ...(o.anonymous === true ? ['-i'] : ['-E']),
    ...(o.maxPerIp !== undefined ? ['-C', String(o.maxPerIp)] : []),
    ...(o.pasvAddress !== undefined ? ['-P', o.pasvAddress] : []),
  ];
  if (ctx.tls !== 'none' && ctx.cert !== null) {
    // -Y 1: TLS optional; 3: required on control and data connections.
    args.push('-Y', ctx.tls === 'explicit-required' ? '3' : '1', '-2', ctx.cert.bundleFile, '-J', 'HIGH');
  }
  const binary = path.join(EXTRACTED_ROOT, 'usr/sbin/pure-ftpd');
  if (o.anonymous === true) {
    // Anonymous logins land in the home folder of the system user "ftp". Rather than change it
    // for the whole machine, run pure-ftpd in a private mount namespace whose /etc/passwd
    // (a bind-mounted copy) gives "ftp" our root as its home.
    const passwd = await readFile('/etc/passwd', 'utf8');
    const patched = passwd
      .split('\n')
      .map((line) => {
        const fields = line.split(':');
        if (fields[0] !== 'ftp' || fields.length < 7) return line;
        fields[5] = ctx.root;
        return fields.join(':');
      })
      .join('\n');
    const passwdCopy = path.join(ctx.dir, 'passwd');
    await writeFile(passwdCopy, patched, { mode: 0o644 });
    return {
      command: 'unshare',
      args: ['-m', '--propagation', 'private', 'sh', '-c', 'mount --bind "$0" /etc/passwd && exec "$@"', passwdCopy, binary, ...args],
      logFile: null,
      sslReuseRequired: false,
    };
  }
  return { command: binary, args, logFile: null, sslReuseRequired: false };
}

async function proftpdLaunch(ctx: LaunchContext): Promise<Launch> {
  const o = ctx.options;
  const d = ctx.dir;
  const logFile = path.join(d, 'commands.log');
  await writeFile(logFile, '');
  const lines: string[] = [
    'ServerName "ferry-test proftpd"',
    'ServerType standalone',
    'DefaultServer on',
    `Port ${ctx.port}`,
    `DefaultAddress ${ctx.host}`,
    'SocketBindTight on',
    `UseIPv6 ${net.isIPv6(ctx.host) ? 'on' : 'off'}`,
    `ModulePath ${path.join(EXTRACTED_ROOT, 'usr/lib/proftpd')}`,
    'LoadModule mod_tls.c',
    'LoadModule mod_digest.c',
    'User nobody',
    'Group nogroup',
    `ScoreboardFile ${path.join(d, 'proftpd.scoreboard')}`,
    `PidFile ${path.join(d, 'proftpd.pid')}`,
    `DelayTable ${path.join(d, 'proftpd.delay')}`,
    'DelayEngine off',
    'WtmpLog off',
    'UseReverseDNS off',
    '<IfModule mod_ident.c>',
    '  IdentLookups off',
    '</IfModule>',
    'RequireValidShell off',
    // Password check straight from /etc/shadow (no PAM service file needed).
    'AuthOrder mod_auth_unix.c',
    `DefaultRoot ${ctx.root}`,
    `PassivePorts ${ctx.pasvPorts[0]} ${ctx.pasvPorts[1]}`,
    ...(o.pasvAddress !== undefined ? [`MasqueradeAddress ${o.pasvAddress}`] : []),
    ...(o.maxPerIp !== undefined ? [`MaxClientsPerHost ${o.maxPerIp}`] : []),
    ...(o.utf8 !== undefined ? [`UseEncoding ${o.utf8 ? 'on' : 'off'}`] : []),
    'AllowOverwrite on',
    'AllowStoreRestart on',
    'AllowRetrieveRestart on',
    'Umask 022',
    // proftpd keeps a directive's first value: a test's own timeout (`proftpdConfig`) replaces these.
    ...['TimeoutIdle 120', 'TimeoutNoTransfer 120'].filter((line) => !(o.proftpdConfig ?? []).some((extra) => extra.split(/\s+/)[0] === line.split(' ')[0])),
    'DigestEngine on',
    `SystemLog ${path.join(d, 'system.log')}`,
    `TransferLog ${path.join(d, 'xfer.log')}`,
    'LogFormat ferry "%t %a %u \\"%r\\" %s"',
    `ExtendedLog ${logFile} ALL ferry`,
  ];
  let sslReuseRequired = false;
  if (ctx.tls !== 'none' && ctx.cert !== null) {
    sslReuseRequired = o.requireSslReuse ?? true;
    const tlsOptions = [
      ...(sslReuseRequired ? [] : ['NoSessionReuseRequired']),
      ...(ctx.tls === 'implicit' ? ['UseImplicitSSL'] : []),
    ];
    lines.push(
      '<IfModule mod_tls.c>',
      '  TLSEngine on',
      `  TLSProtocol ${o.proftpdTls?.protocols ?? 'TLSv1.2 TLSv1.3'}`,
      ...(o.proftpdTls?.ciphers ? [`  TLSCipherSuite ${o.proftpdTls.ciphers}`] : []),
      `  TLSRSACertificateFile ${ctx.cert.certFile}`,
      `  TLSRSACertificateKeyFile ${ctx.cert.keyFile}`,
      ...(o.clientAuthority ? ['  TLSVerifyClient on', `  TLSCACertificateFile ${o.clientAuthority.caFile}`] : ['  TLSVerifyClient off']),
      `  TLSRequired ${ctx.tls === 'explicit' ? 'off' : 'on'}`,
      ...(tlsOptions.length > 0 ? [`  TLSOptions ${tlsOptions.join(' ')}`] : []),
      `  TLSLog ${path.join(d, 'tls.log')}`,
      '</IfModule>',
    );
  }
  if (o.anonymous === true) {
    lines.push(
      `<Anonymous ${ctx.root}>`,
      '  User ftp',
      '  Group nogroup',
      '  UserAlias anonymous ftp',
      '  RequireValidShell off',
      '  <Limit WRITE>',
      '    DenyAll',
      '  </Limit>',
      '</Anonymous>',
    );
  }
  lines.push(...(o.proftpdConfig ?? []));
  const conf = path.join(d, 'proftpd.conf');
  await writeFile(conf, configBytes(`${lines.join('\n')}\n`, o.configCharset), { mode: 0o600 });
  return { command: path.join(EXTRACTED_ROOT, 'usr/sbin/proftpd'), args: ['-n', '-c', conf], logFile, sslReuseRequired };
}

/** A config file's bytes: UTF-8, or `charset` when the test asks for one (StartOptions.configCharset). */
function configBytes(text: string, charset: string | undefined): Buffer {
  return charset === undefined ? Buffer.from(text, 'utf8') : iconv.encode(text, charset);
}

// ---------------------------------------------------------------------------
// startServer

const ADDRESS_IN_USE = /in use|could not bind|unable to bind|cannot bind/i;

class StartError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** Starts `kind` and resolves once it has sent its 220 greeting. */
export async function startServer(kind: ServerKind, options: StartOptions = {}): Promise<RunningServer> {
  ensureServerBinaries([kind]);
  let lastError: unknown;
  for (let attempt = 0; attempt < 4; attempt += 1) {
    try {
      return await startOnce(kind, options);
    } catch (error) {
      lastError = error;
      if (!(error instanceof StartError) || !error.retryable) throw error;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

async function startOnce(kind: ServerKind, options: StartOptions): Promise<RunningServer> {
  if (options.vsftpdConfig !== undefined && kind !== 'vsftpd') throw new Error(`vsftpdConfig is for vsftpd only, not ${kind}`);
  if (options.proftpdConfig !== undefined && kind !== 'proftpd') throw new Error(`proftpdConfig is for proftpd only, not ${kind}`);
  if (options.configCharset !== undefined && kind === 'pure-ftpd') throw new Error('configCharset is for vsftpd and proftpd (pure-ftpd has no config file here)');
  if (options.clientAuthority !== undefined && kind === 'pure-ftpd') throw new Error('clientAuthority is for vsftpd and proftpd (pure-ftpd cannot demand a client certificate)');
  if (options.clientAuthority !== undefined && options.netns !== undefined) throw new Error('clientAuthority with netns: the namespace probe presents no client certificate');
  const user = await ensureTestUser();
  if (options.anonymous === true) await ensureAnonymousUser();
  const tlsMode: TlsMode = options.tls ?? 'none';
  const cert = tlsMode === 'none' ? null : (options.certificate ?? (await getTestCertificate()));
  const host = options.listenAddress ?? '127.0.0.1';
  const netns = options.netns ?? null;
  const pasvCount = options.pasvPortCount ?? 32;
  // Ports can only be checked from our own namespace; inside a fresh netns they are all free.
  const [first, last] = await getFreePortRange(pasvCount + 1, netns === null ? host : '127.0.0.1');
  const port = first;
  const pasvPorts: [number, number] = [first + 1, last];

  // One temp folder per server: config, logs and (unless rootDir is given) the served root.
  const { dir, remove: removeDir } = ownedTempDir(`ferry-${kind}-`);
  await chmod(dir, 0o755); // the login user must be able to traverse it to reach root/
  let root: string;
  if (options.rootDir !== undefined) {
    root = path.resolve(options.rootDir);
    if (!existsSync(root)) {
      await mkdir(root, { recursive: true, mode: 0o755 });
      await chmod(root, 0o755);
      await chown(root, user.uid, user.gid);
    }
  } else {
    root = path.join(dir, 'root');
    await mkdir(root, { mode: 0o755 });
    await chmod(root, 0o755);
    await chown(root, user.uid, user.gid);
  }

  const ctx: LaunchContext = {
    kind,
    dir,
    host,
    port,
    pasvPorts,
    root,
    tls: tlsMode,
    cert,
    options,
    uid: user.uid,
    gid: user.gid,
    user: user.name,
    password: user.password,
  };
  let launch: Launch;
  try {
    launch =
      kind === 'vsftpd' ? await vsftpdLaunch(ctx) : kind === 'pure-ftpd' ? await pureFtpdLaunch(ctx) : await proftpdLaunch(ctx);
  } catch (error) {
    removeDir();
    throw error;
  }

  const argv = [...(netns !== null ? ['ip', 'netns', 'exec', netns] : []), launch.command, ...launch.args];
  const [command, ...args] = argv;
  if (command === undefined) throw new Error('empty command');
  const started = performance.now();
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  // If the test process ends without stop(): kill the server, remove the folder.
  const watchdog = child.pid !== undefined ? startWatchdog(child.pid, dir) : null;
  const unregister = onProcessExit(() => {
    if (child.pid !== undefined) signalTree(child.pid, 'SIGKILL');
    removeDir();
  });
  let stopped = false;

  let output = '';
  const collect = (chunk: Buffer): void => {
    if (output.length < 256 * 1024) output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exitInfo: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = signal !== null ? `signal ${signal}` : `code ${code}`;
      resolve();
    });
    child.once('error', (error) => {
      exitInfo = `spawn error: ${error.message}`;
      resolve();
    });
  });

  // SIGKILL straight away: nothing needs a graceful shutdown (logs are written as they go), and
  // proftpd answers SIGTERM only after a fixed 400 ms EINTR back-off.
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    unregister();
    watchdog?.kill('SIGKILL');
    watchdog?.stdin?.destroy();
    const pid = child.pid;
    if (pid !== undefined) {
      let pids = signalTree(pid, 'SIGKILL');
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline && (exitInfo === null || pids.some(alive))) {
        await sleep(10);
        pids = pids.filter(alive);
        for (const late of descendants(pid)) {
          if (!pids.includes(late)) pids.push(late); // forked while we were killing
          try {
            process.kill(late, 'SIGKILL');
          } catch {
            // gone
          }
        }
      }
      await Promise.race([exited, sleep(1000)]);
    }
    removeDir();
  };

  const failure = async (message: string, retryable: boolean): Promise<never> => {
    const log = launch.logFile !== null ? await readFile(launch.logFile, 'utf8').catch(() => '') : '';
    await stop();
    const details = [output.trim(), log.trim()].filter((s) => s !== '').join('\n');
    throw new StartError(`${kind}: ${message}${details !== '' ? `\n${details}` : ''}`, retryable);
  };

  // Wait for the 220 greeting.
  const deadline = Date.now() + (options.startTimeoutMs ?? 15_000);
  let lastProbeError: string;
  for (;;) {
    if (exitInfo !== null) {
      return failure(`exited during start-up (${exitInfo})`, ADDRESS_IN_USE.test(output));
    }
    try {
      await probeOnce(host, port, tlsMode === 'implicit', netns, options.clientAuthority?.client ?? null);
      break;
    } catch (error) {
      lastProbeError = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) {
      return failure(`no 220 greeting on ${host}:${port} after ${options.startTimeoutMs ?? 15_000} ms (${lastProbeError})`, false);
    }
    await sleep(30);
  }
  const startupMs = Math.round(performance.now() - started);
  const pid = child.pid ?? -1;
  const waitForIdle = async (timeoutMs = 5000): Promise<void> => {
    const until = Date.now() + timeoutMs;
    while (exitInfo === null && descendants(pid, true).length > 0) {
      if (Date.now() > until) throw new Error(`${kind} still has sessions after ${timeoutMs} ms`);
      await sleep(10);
    }
    if (kind === 'proftpd') {
      // After reaping a session, proftpd's listener sleeps 2 x 200 ms (PR_TUNABLE_EINTR_RETRY_INTERVAL)
      // before it accepts again; we cannot see whether it is still asleep, so always wait it out.
      await sleep(450);
    }
  };
  // Let the probe's session end and be reaped, so that it does not count against maxPerIp and
  // proftpd does not delay the test's first connection.
  await waitForIdle(2000).catch(() => undefined);
  if (exitInfo !== null) return failure(`exited after start-up (${exitInfo})`, false);

  const readLog = async (): Promise<string> =>
    launch.logFile !== null ? readFile(launch.logFile, 'utf8').catch(() => '') : '';

  const server: RunningServer = {
    kind,
    host,
    port,
    user: user.name,
    password: user.password,
    root,
    pasvPorts,
    tls: tlsMode,
    sslReuseRequired: launch.sslReuseRequired,
    anonymous: options.anonymous === true,
    netns,
    ...(cert !== null ? { certFingerprint256: cert.fingerprint256, certPem: cert.certPem } : {}),
    logFile: launch.logFile,
    pid,
    startupMs,
    readLog,
    async waitForLog(pattern: RegExp | string, timeoutMs = 5000): Promise<string> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const log = await readLog();
        if (typeof pattern === 'string' ? log.includes(pattern) : pattern.test(log)) return log;
        if (Date.now() > until) {
          throw new Error(`${kind} log did not match ${String(pattern)} within ${timeoutMs} ms:\n${log}`);
        }
        await sleep(50);
      }
    },
    waitForIdle,
    output: () => output,
    stop,
  };
  return server;
}
