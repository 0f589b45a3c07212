/**
 * The Settings dialog's proxy fields: a draft from Settings.proxy, its problems, and back. Pure.
 * The password is not part of Settings (main keeps it in the vault): the draft says whether one is saved,
 * and what to do with it on OK (keep, replace, forget).
 */
import { isProxyHost } from '../../shared/host-address';
import type { ProxySettings, ProxyType } from '../../shared/models';

export type ProxyChoice = 'none' | ProxyType;

export interface ProxyDraft {
  readonly type: ProxyChoice;
  readonly host: string;
  readonly port: string;
  readonly user: string;
  /** Typed here; empty keeps a saved one. */
  readonly password: string;
  readonly forgetPassword: boolean;
}

export type ProxyProblem = 'proxyHost' | 'proxyPort';

export const DEFAULT_PROXY_PORTS: Record<ProxyType, number> = { socks5: 1080, socks4: 1080, http: 8080 };

export function proxyDraft(proxy: ProxySettings | null): ProxyDraft {
  return {
    type: proxy?.type ?? 'none',
    host: proxy?.host ?? '',
    port: proxy ? String(proxy.port) : '',
    user: proxy?.user ?? '',
    password: '',
    forgetPassword: false,
  };
}

export function proxyProblems(d: ProxyDraft): Set<ProxyProblem> {
  const problems = new Set<ProxyProblem>();
  if (d.type === 'none') return problems;
  // A host name or address only: "127.0.0.1:1080" or "proxy.corp:3128" pasted whole is not one (the port has its field).
  if (!isProxyHost(bareHost(d.host))) problems.add('proxyHost');
  const port = d.port.trim();
  if (port !== '' && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) problems.add('proxyPort');
  return problems;
}

/** The host as typed, trimmed, an IPv6 address's brackets taken off ("[fd00::5]" → "fd00::5"). */
function bareHost(text: string): string {
  const host = text.trim();
  return /^\[[^\]]*\]$/.test(host) ? host.slice(1, -1) : host;
}

/** Settings.proxy from a valid draft (an empty port takes the type's usual one; SOCKS 4 has no user). */
export function proxyValue(d: ProxyDraft): ProxySettings | null {
  if (d.type === 'none') return null;
  const user = d.type === 'socks4' ? '' : d.user.trim();
  return { type: d.type, host: bareHost(d.host), port: d.port.trim() === '' ? DEFAULT_PROXY_PORTS[d.type] : Number(d.port.trim()), user: user === '' ? null : user };
}

/** What to do with the saved password on OK: a new one, forget it, or nothing. */
export function proxyPasswordChange(d: ProxyDraft): { readonly password: string | null } | null {
  const value = proxyValue(d);
  if (value === null || value.user === null) return d.forgetPassword ? { password: null } : null;
  if (d.password !== '') return { password: d.password };
  return d.forgetPassword ? { password: null } : null;
}
