import type { FerryErrorData } from '../../shared/errors';
import type { TransferMode } from '../../shared/errors';
import type { SettingsPlace } from '../../shared/setting-hints';
import type { ProxyOptions } from './proxy';
import type { TranscriptListener } from './transcript';

/** How to secure the control and data connections. */
export type TlsMode = 'none' | 'explicit-if-available' | 'explicit' | 'implicit';

/** A client certificate and its private key, PEM (the certificate may be followed by its chain). */
/** A client certificate and its key as PEM, or both in one PKCS#12 (.p12/.pfx) file. */
export type ClientCertificate = PemClientCertificate | Pkcs12ClientCertificate;

export interface PemClientCertificate {
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
  /** For an encrypted key. */
  readonly passphrase?: string;
}

/** A PKCS#12 file's bytes (DER), holding the certificate and its key; Node's TLS reads it as `pfx`. */
export interface Pkcs12ClientCertificate {
  readonly pfx: Buffer;
  /** For a PKCS#12 file made with an export password. */
  readonly passphrase?: string;
}

/** Everything the engine needs to open a session. Defaults follow FileZilla's. */
export interface ConnectOptions {
  readonly host: string;
  /** 21, or 990 for implicit TLS, when omitted. */
  readonly port?: number;
  /** "anonymous" when omitted. */
  readonly user?: string;
  readonly password?: string;
  readonly tls?: TlsMode;
  readonly transferMode?: TransferMode;
  /**
   * Where the user changes this connection's settings (transfer mode, charset, encryption, …), which its hints and
   * notices name (shared/setting-hints.ts): a saved site's Site Manager (the default; the command line adds its
   * flags), or the window's quick connect bar — where what the bar lacks means saving the connection as a site.
   */
  readonly settingsPlace?: SettingsPlace;
  readonly followPasvAddress?: boolean;
  /** Use PASV even where EPSV works (like curl's --disable-epsv), for servers or middleboxes that mishandle EPSV. */
  readonly disableEpsv?: boolean;
  readonly activeExternalAddress?: string | null;
  /** False: servers on a local network are told the local address, not `activeExternalAddress` (see DataChannelOptions). */
  readonly externalAddressForLocalServers?: boolean;
  readonly activePortRange?: readonly [number, number] | null;
  /** Connect through this proxy (SOCKS 5/4a or HTTP CONNECT); passive mode only. */
  readonly proxy?: ProxyOptions | null;
  /**
   * The server's clock zone in minutes east of UTC (+480 for Beijing): LIST times, written in the server's clock,
   * are then made UTC. MLSD times are UTC already (RFC 3659) and never shifted. Null/absent: LIST times as written.
   */
  readonly serverTimeZone?: number | null;
  /**
   * Compress data connections with MODE Z (deflate) where the server offers it, as FileZilla can: text, logs and
   * source shrink several times over a slow link. Listings are compressed too. A server without it is said so in
   * the transcript and used uncompressed.
   */
  readonly compression?: boolean;
  /** "auto" (UTF-8, announced with OPTS UTF8 ON when offered) or an iconv-lite charset name such as "gbk". */
  readonly charset?: string;
  /** SHA-256 fingerprints ("AB:CD:…") of certificates the user trusts even though they do not verify. */
  readonly trustedFingerprints?: readonly string[];
  /**
   * A TLS client certificate to present, for servers that demand one (vsftpd `require_cert`, proftpd
   * `TLSVerifyClient on`): on the control connection and on every data connection.
   */
  readonly clientCertificate?: ClientCertificate | null;
  /** Extra CA certificates (PEM) to verify against, in addition to the system's. */
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
  readonly connectTimeoutMs?: number;
  readonly commandTimeoutMs?: number;
  readonly dataTimeoutMs?: number;
  readonly keepAliveMs?: number;
  /** The largest directory listing accepted, in bytes. */
  readonly maxListingBytes?: number;
  /** The most lines (entries) a directory listing may have: tiny entries exhaust memory long before the byte cap. */
  readonly maxListingEntries?: number;
  readonly onTranscript?: TranscriptListener;
  /**
   * Stops the connect while it is under way (the window's Disconnect while "Connecting…"): the socket, a TLS handshake
   * and a proxy's tunnel are closed at once and the connect rejects with `connectCancelled()` (kind 'aborted').
   */
  readonly signal?: AbortSignal;
  /** The server or the network closed the control connection (not Ferry: `quit()`/`close()` do not call it). */
  readonly onClosed?: (reason: FerryErrorData) => void;
}

export const DEFAULTS = {
  connectTimeoutMs: 20_000,
  commandTimeoutMs: 30_000,
  dataTimeoutMs: 20_000,
  keepAliveMs: 60_000,
  maxListingBytes: 256 * 1024 * 1024,
  // docs/engine.md, "Listing limits": 1M entries is 0.1–0.5 GB of heap and 1.5–8 s of parsing; 20M tiny ones (which
  // fit in 256 MiB) took 3.3 GB, near V8's 4 GB limit, and could not be sent to the window (JSON over 512 MB).
  maxListingEntries: 1_000_000,
} as const;
