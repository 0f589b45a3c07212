/**
 * Active mode behind NAT needs the router's public address in PORT/EPRT. Where it is not set by hand, Settings can
 * name a URL that answers with it (FileZilla's "Get external IP address from the following URL"): asked when an
 * active-mode connection is made, remembered for ten minutes. A URL that fails or answers something else is an
 * error naming both fixes — never a silent fallback to the local address, which would fail later and obscurely.
 */
import dns from 'node:dns';
import net from 'node:net';
import { errorText, type ErrorTextValues, type TextRef, type ValueTexts } from '../../shared/error-texts';
import { FtpError } from '../ftp/ftp-error';
import { isLocalNetworkAddress } from '../ftp/passive-reply';

export type FetchText = (url: string, signal: AbortSignal) => Promise<{ readonly ok: boolean; readonly status: number; text(): Promise<string> }>;

const KEEP_MS = 10 * 60 * 1000;
const TIMEOUT_MS = 5000;

export class ExternalAddressLookup {
  private readonly known = new Map<string, { readonly address: string; readonly until: number }>();
  /** A lookup on its way: connections made meanwhile wait for it rather than ask again. */
  private readonly asking = new Map<string, Promise<string>>();

  constructor(
    private readonly fetchText: FetchText = (url, signal) => fetch(url, { signal, redirect: 'follow' }),
    private readonly now: () => number = Date.now,
  ) {}

  async get(url: string): Promise<string> {
    const cached = this.known.get(url);
    if (cached && cached.until > this.now()) return cached.address;
    const pending = this.asking.get(url);
    if (pending) return pending;
    const lookup = this.ask(url).finally(() => this.asking.delete(url));
    this.asking.set(url, lookup);
    return lookup;
  }

  private async ask(url: string): Promise<string> {
    let body: string;
    try {
      const response = await this.fetchText(url, AbortSignal.timeout(TIMEOUT_MS));
      if (!response.ok) throw failure(url, {}, { reason: { id: 'active.external-url-status', values: { status: response.status } } });
      body = (await response.text()).trim();
    } catch (error) {
      if (error instanceof FtpError) throw error;
      throw failure(url, {}, { reason: whyNoAnswer(error) });
    }
    // The answer may carry a newline or the address alone in a little text; the first token that is an address counts.
    const address = body.split(/\s+/).find((token) => net.isIP(token) !== 0);
    if (!address) throw failure(url, {}, { reason: { id: 'active.external-url-not-ip', values: { answer: body.slice(0, 40) } } });
    this.known.set(url, { address, until: this.now() + KEEP_MS });
    return address;
  }
}

/**
 * Whether a connection to `host` needs the URL's answer at all: not when Settings keep the external address from
 * servers on a local network (FileZilla's "Don't use external IP address on local connections") and the host is
 * one — the address would not be announced, so a URL that is down or slow must not stop the connection; nor a server
 * named by an IPv6 address (no NAT there, whatever Settings say). A name
 * that does not resolve is not worth asking about either: the connection fails with that error, not the URL's.
 */
export async function externalAddressNeeded(
  host: string,
  forLocalServers: boolean,
  lookup: (host: string) => Promise<{ readonly address: string }> = (name) => dns.promises.lookup(name),
): Promise<boolean> {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  // A server named by an IPv6 address is reached over IPv6, which crosses no NAT: the external address (an IPv4
  // router's) would not be announced there (data-channel.ts), so a URL that is down must not stop the connection.
  if (net.isIP(bare) === 6 && !bare.toLowerCase().startsWith('::ffff:')) return false;
  if (forLocalServers) return true;
  if (net.isIP(bare) !== 0) return !isLocalNetworkAddress(bare);
  try {
    return !isLocalNetworkAddress((await lookup(bare)).address);
  } catch {
    return false;
  }
}

/** `reason`: the fetch's own words as a value, or Ferry's as a sentence (valueTexts). */
/**
 * Why the URL gave no answer, in words: fetch says only "fetch failed" (the cause's code tells), or "The operation was
 * aborted due to timeout" — English in a Chinese window. Anything else is the system's words, quoted.
 */
export function whyNoAnswer(error: unknown): TextRef {
  if (error instanceof Error && error.name === 'TimeoutError') return { id: 'active.external-url-timeout', values: { seconds: TIMEOUT_MS / 1000 } };
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { id: 'active.external-url-unresolved', values: {} };
  if (typeof code === 'string' && UNREACHABLE.has(code)) return { id: 'active.external-url-unreachable', values: { code } };
  const cause = (error as { cause?: unknown } | null)?.cause;
  const words = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return { id: 'active.external-url-other', values: { detail: words } };
}

const UNREACHABLE: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

function failure(url: string, values: ErrorTextValues, valueTexts?: ValueTexts): FtpError {
  const all = { url, ...values };
  const message = errorText('active.external-url-failed', all, valueTexts);
  const hint = errorText('active.external-url-failed.hint', all);
  return new FtpError({ kind: 'invalid-input', message, hint, text: { message: 'active.external-url-failed', hint: 'active.external-url-failed.hint', values: all, ...(valueTexts ? { valueTexts } : {}) }, retryable: true });
}
