import { siteInputDefaults, type ProxySettings, type QuickConnect, type Settings, type Site, type SiteInput, type SiteProtocol, type SiteTransferMode } from '../../shared/models';
import type { TransferMode } from '../../shared/errors';
import type { ConnectOptions, TlsMode } from '../ftp/connect-options';
import type { ProxyOptions } from '../ftp/proxy';
import { invalidInputText } from '../ftp/ftp-error';
import { shownName } from '../../shared/shown-name';

const TLS_MODES: Readonly<Record<SiteProtocol, TlsMode>> = {
  'ftp-explicit-if-available': 'explicit-if-available',
  'ftp-explicit': 'explicit',
  'ftp-implicit': 'implicit',
  'ftp-plain': 'none',
};

/** What FileZilla sends as the anonymous password (any address-like text is accepted by servers). */
export const ANONYMOUS_PASSWORD = 'anonymous@';

export function protocolToTls(protocol: SiteProtocol): TlsMode {
  return TLS_MODES[protocol];
}

/** "default" means "whatever the global setting says now", so changing the setting moves every such site. */
export function effectiveTransferMode(mode: SiteTransferMode, settings: Settings): TransferMode {
  return mode === 'default' ? settings.defaultTransferMode : mode;
}

/**
 * A saved site plus the global settings, as engine options. Pure: the caller supplies the password
 * (from the vault, or asked from the user for "ask" sites) and adds timeouts and the transcript.
 */
export function siteToConnectOptions(site: Site, password: string | null, settings: Settings): ConnectOptions {
  if (site.logonType === 'ask' && password === null) {
    throw invalidInputText('site.ask-password-missing', 'site.ask-password-missing.hint', { site: shownName(site.name, 'in-quotes') });
  }
  const anonymous = site.logonType === 'anonymous';
  return {
    host: site.host,
    port: site.port,
    user: anonymous ? 'anonymous' : site.user,
    password: anonymous ? ANONYMOUS_PASSWORD : (password ?? ''),
    tls: protocolToTls(site.protocol),
    ...modeOptions(site.transferMode, settings),
    charset: site.charset,
    trustedFingerprints: [...site.trustedFingerprints],
    ...(site.serverTimeZone !== undefined ? { serverTimeZone: site.serverTimeZone } : {}),
  };
}

/** The quick-connect bar's fields as engine options (an empty user logs in anonymously, as in FileZilla). */
export function quickToConnectOptions(quick: QuickConnect, settings: Settings): ConnectOptions {
  const host = quick.host.trim();
  if (host === '') throw invalidInputText('site.host-empty', 'site.host-empty.hint');
  if (quick.port !== null && (!Number.isInteger(quick.port) || quick.port < 1 || quick.port > 65535)) {
    throw invalidInputText('site.port-invalid', 'quick.port-invalid.hint', { port: String(quick.port) });
  }
  const anonymous = quick.user.trim() === '';
  return {
    host,
    ...(quick.port !== null ? { port: quick.port } : {}),
    user: anonymous ? 'anonymous' : quick.user,
    password: anonymous && quick.password === '' ? ANONYMOUS_PASSWORD : quick.password,
    tls: protocolToTls(quick.protocol),
    ...modeOptions(quick.transferMode, settings),
    charset: quick.charset.trim() || 'auto',
    trustedFingerprints: [],
    // Its hints name the quick connect bar's fields, or saving it as a site, not a site's settings (shared/setting-hints.ts).
    settingsPlace: 'quick-connect',
  };
}

function modeOptions(mode: SiteTransferMode, settings: Settings): Pick<ConnectOptions, 'transferMode' | 'followPasvAddress' | 'activePortRange' | 'activeExternalAddress' | 'externalAddressForLocalServers' | 'compression' | 'connectTimeoutMs' | 'commandTimeoutMs' | 'dataTimeoutMs'> {
  const timeoutMs = settings.timeoutSeconds * 1000;
  return {
    transferMode: effectiveTransferMode(mode, settings),
    compression: settings.compression,
    connectTimeoutMs: timeoutMs,
    commandTimeoutMs: timeoutMs,
    dataTimeoutMs: timeoutMs,
    followPasvAddress: settings.passiveAddressPolicy === 'announced-address',
    activePortRange: settings.activePortRange,
    activeExternalAddress: settings.activeExternalAddress,
    externalAddressForLocalServers: settings.externalAddressForLocalServers,
  };
}

/** The proxy a connection uses: the one in Settings, unless the site bypasses it; the password comes from the vault. */
export function proxyFor(settings: Settings, site: Pick<Site, 'bypassProxy'> | null, password: string | null): ProxyOptions | null {
  if (!settings.proxy || site?.bypassProxy) return null;
  return proxyOptions(settings.proxy, password);
}

export function proxyOptions(proxy: ProxySettings, password: string | null): ProxyOptions {
  return { type: proxy.type, host: proxy.host, port: proxy.port, user: proxy.user, password: proxy.user ? password : null };
}

/**
 * A quick connection as a site (FileZilla's "Copy current connection to Site Manager"): everything it was made
 * with, the folder it is in now as the site's remote folder, and the certificate trusted for it; an empty user is
 * an anonymous logon.
 */
export function quickToSiteInput(quick: QuickConnect, name: string, remoteDir: string, trustedFingerprints: readonly string[]): SiteInput {
  const anonymous = quick.user.trim() === '';
  return {
    name,
    folder: [],
    host: quick.host.trim(),
    port: quick.port ?? (quick.protocol === 'ftp-implicit' ? 990 : 21),
    protocol: quick.protocol,
    logonType: anonymous ? 'anonymous' : 'normal',
    user: anonymous ? '' : quick.user.trim(),
    ...(anonymous || quick.password === '' ? {} : { password: quick.password }),
    ...siteInputDefaults(),
    transferMode: quick.transferMode,
    charset: quick.charset.trim() || 'auto',
    remoteDir: remoteDir === '/' ? '' : remoteDir,
    trustedFingerprints: [...trustedFingerprints],
  };
}
