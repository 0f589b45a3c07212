/**
 * Where the user changes a connection's settings, and the sentences said for it. A hint names the fix where it is
 * made: a saved site's settings are in the Site Manager ("Use passive mode for this site (Site Manager → Transfer
 * settings → Transfer mode)", "Set this site's encoding to gbk (Site Manager → Charset)"); a quick connection has
 * no site — its sentence names the quick connect bar where the bar has the field (Mode, ftps:// in Host), else the
 * window's way to save the connection as a site first. The engine makes every text with the site's sentence; a
 * connection made from the quick connect bar swaps in the sentence for it (`placeSettingHint`, `placeSettingText`),
 * so the window (any language), the log file and the queue all say the same. The command line keeps the site's
 * sentence and adds its flag (cli/cli-hints.ts).
 */
import type { FerryErrorData } from './errors';
import { errorText, type ErrorText, type ErrorTextId } from './error-texts';

/** Where this connection's settings are changed: a saved site (Site Manager), or the quick connect bar. */
export type SettingsPlace = 'site' | 'quick-connect';

/**
 * Each sentence that sends the user to a site's setting ("this site", the Site Manager) and can be said of a quick
 * connection, and its sentence for a quick connection. Mostly hints; a few log notices say their fix in the message.
 */
export const QUICK_CONNECTION_TEXTS: Readonly<Partial<Record<ErrorTextId, ErrorTextId>>> = {
  // The transfer mode: the quick connect bar's Mode.
  'data.active.listen-failed.hint': 'data.active.listen-failed.quick.hint',
  'data.active.wrong-peer.hint': 'data.active.wrong-peer.quick.hint',
  'data.active.server-refused.hint': 'data.active.server-refused.quick.hint',
  'data.active.server-refused-external.hint': 'data.active.server-refused-external.quick.hint',
  'data.active.blocked.hint': 'data.active.blocked.quick.hint',
  'data.active.blocked-external.hint': 'data.active.blocked-external.quick.hint',
  'data.active.blocked-tls.hint': 'data.active.blocked-tls.quick.hint',
  'data.active.server-refused-tls.hint': 'data.active.server-refused-tls.quick.hint',
  'data.active.reply-without-connection.hint': 'data.active.reply-without-connection.quick.hint',
  'data.active.stalled.hint': 'data.active.stalled.quick.hint',
  'data.passive.wrong-peer.hint': 'data.passive.wrong-peer.quick.hint',
  'data.passive.server-refused.hint': 'data.passive.server-refused.quick.hint',
  'data.passive.mode-refused.hint': 'data.passive.mode-refused.quick.hint',
  'data.passive.bad-reply.hint': 'data.passive.bad-reply.quick.hint',
  'data.passive.stalled.hint': 'data.passive.stalled.quick.hint',
  'data.passive.unreachable.hint': 'data.passive.unreachable.quick.hint',
  'data.passive.unreachable-tls.hint': 'data.passive.unreachable-tls.quick.hint',
  'data.passive.ipv6-no-epsv.hint': 'data.passive.ipv6-no-epsv.quick.hint',
  'proxy.active-mode.hint': 'proxy.active-mode.quick.hint',
  'reply.425.hint': 'reply.425.quick.hint',
  'active.external-url-failed.hint': 'active.external-url-failed.quick.hint',
  // Bypassing the proxy: only a site has it, so save the connection as one.
  'data.passive.proxy.hint': 'data.passive.proxy.quick.hint',
  'data.passive.via-proxy.hint': 'data.passive.via-proxy.quick.hint',
  'connect.proxy-refused.hint': 'connect.proxy-refused.quick.hint',
  'connect.proxy-refused-port.hint': 'connect.proxy-refused-port.quick.hint',
  'closed.mid-transfer.proxy.hint': 'closed.mid-transfer.proxy.quick.hint',
  // The charset: the bar has none; the listing's notice saves the connection as a site using it, or save it as a site.
  'log.not-utf8.hint': 'log.not-utf8.quick.hint',
  'log.not-utf8.other.hint': 'log.not-utf8.other.quick.hint',
  'log.reply-not-utf8.gbk': 'log.reply-not-utf8.gbk.quick',
  'log.reply-not-utf8.big5': 'log.reply-not-utf8.big5.quick',
  'log.reply-not-utf8.other': 'log.reply-not-utf8.other.quick',
  'charset.pwd-not-utf8.hint': 'charset.pwd-not-utf8.quick.hint',
  'charset.unreadable-name.hint': 'charset.unreadable-name.quick.hint',
  // Encryption: the bar's Host takes ftps:// (implicit) and ftpes:// (explicit); ftp:// is "FTPS if available".
  'auth.tls-required.hint': 'auth.tls-required.quick.hint',
  'tls.not-offered.hint': 'tls.not-offered.quick.hint',
  'tls.implicit-mismatch.hint': 'tls.implicit-mismatch.quick.hint',
  'timeout.greeting.hint': 'timeout.greeting.quick.hint',
  'tls.handshake.hint': 'tls.handshake.quick.hint',
  'tls.handshake.not-tls.hint': 'tls.handshake.not-tls.quick.hint',
  'tls.client-certificate.required.hint': 'tls.client-certificate.required.quick.hint',
  // The login: the bar's Username and Password.
  'auth.anonymous-refused.hint': 'auth.anonymous-refused.quick.hint',
  // The rest.
  'certificate.untrusted.hint': 'certificate.untrusted.quick.hint',
  'certificate.untrusted.other-host.hint': 'certificate.untrusted.other-host.quick.hint',
  'certificate.changed.hint': 'certificate.changed.quick.hint',
  'reply.421.hint': 'reply.421.quick.hint',
  'custom.session.hint': 'custom.session.quick.hint',
  'fxp.proxy.hint': 'fxp.proxy.quick.hint',
};

/** The sentence for `id` where the settings are changed in `place`: its quick-connection sentence, or `id` itself. */
export function settingHintId(id: ErrorTextId, place: SettingsPlace | undefined): ErrorTextId {
  return place === 'quick-connect' ? (QUICK_CONNECTION_TEXTS[id] ?? id) : id;
}

/** A text's message and hint ids said for where its settings are changed (a log line's `textRef`). */
export function placeSettingText<T extends ErrorText>(text: T, place: SettingsPlace | undefined): T {
  const message = text.message && settingHintId(text.message, place);
  const hint = text.hint && settingHintId(text.hint, place);
  if (message === text.message && hint === text.hint) return text;
  return { ...text, ...(message ? { message } : {}), ...(hint ? { hint } : {}) };
}

/**
 * `error` with its hint said for where its settings are changed (`hint` in English and `text.hint`, so each window
 * says it in its language); unchanged for a saved site, and for an error whose hint names no site's setting.
 */
export function placeSettingHint<E extends FerryErrorData>(error: E, place: SettingsPlace | undefined): E {
  const text = error.text;
  if (!text?.hint) return error;
  const hint = settingHintId(text.hint, place);
  if (hint === text.hint) return error;
  return { ...error, hint: errorText(hint, text.values, text.valueTexts), text: { ...text, hint } };
}
