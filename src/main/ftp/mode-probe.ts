/**
 * "Which transfer mode works here?" — log in once per mode and list a folder, which needs a data connection:
 * the question behind every FTP support ticket, answered with each mode's diagnosis instead of a guess. What fails
 * the same way in both modes (the server cannot be reached, the login or certificate is refused) is not a mode's
 * failure and is thrown as it is.
 */
import type { FerryErrorData, TransferMode } from '../../shared/errors';
import type { ModeProbe } from '../../shared/models';
import type { ConnectOptions } from './connect-options';
import { FtpClient } from './ftp-client';
import { FtpError, toErrorData } from './ftp-error';


/** Failures that say nothing about the transfer mode: both modes would meet them before any data connection. */
const FATAL_KINDS: ReadonlySet<FerryErrorData['kind']> = new Set(['connect', 'auth', 'tls', 'certificate']);

export type { ModeProbe };

/** What a support ticket asks about the server, read on the first connection a probe makes. */
export interface ServerFacts {
  readonly greeting: string;
  readonly system: string | null;
  /** FEAT's lines as the server sent them. */
  readonly features: readonly string[];
  /** "TLSv1.3" and the certificate's SHA-256, or null in plain FTP. */
  readonly tls: { readonly protocol: string | null; readonly fingerprint256: string | null } | null;
}

export function serverFacts(client: FtpClient): ServerFacts {
  return {
    greeting: client.greeting,
    system: client.system,
    features: client.capabilities.raw,
    tls: client.secure ? { protocol: client.tlsProtocol, fingerprint256: client.certificateFingerprint } : null,
  };
}

/** Try `modes` in turn (passive first, as FileZilla's default), each on a connection of its own. */
export async function probeTransferModes(options: ConnectOptions, remotePath = '/', modes: readonly TransferMode[] = ['passive', 'active'], onLoggedIn?: (client: FtpClient) => void): Promise<readonly ModeProbe[]> {
  const probes: ModeProbe[] = [];
  for (const mode of modes) probes.push(await probeMode(options, remotePath, mode, probes.length === 0 ? onLoggedIn : undefined));
  return probes;
}

async function probeMode(options: ConnectOptions, remotePath: string, mode: TransferMode, onLoggedIn: ((client: FtpClient) => void) | undefined): Promise<ModeProbe> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  let client: FtpClient;
  try {
    client = await FtpClient.connect({ ...options, transferMode: mode });
  } catch (error) {
    const data = toErrorData(error);
    // Active mode through a proxy is refused before connecting: that is this mode's answer, not the server's.
    if (FATAL_KINDS.has(data.kind)) throw error;
    return { mode, ok: false, dataCommand: null, error: data, milliseconds: elapsed() };
  }
  onLoggedIn?.(client);
  try {
    await client.list(remotePath);
    return { mode, ok: true, dataCommand: client.dataCommand, error: null, milliseconds: elapsed() };
  } catch (error) {
    if (!(error instanceof FtpError)) throw error;
    return { mode, ok: false, dataCommand: null, error: error.data, milliseconds: elapsed() };
  } finally {
    await client.quit().catch(() => client.close());
  }
}
