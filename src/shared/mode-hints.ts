/**
 * Where the user sets a connection's transfer mode, and the hints said for it. A data connection's hint names the
 * fix where it is made: a saved site's mode is in the Site Manager ("Use passive mode for this site (Site Manager →
 * Transfer settings → Transfer mode)"), a quick connection's in the quick connect bar — there is no site to speak of.
 * The engine makes every error with the site's sentence; a connection made from the quick connect bar swaps in the
 * sentence for it (`placeModeHint`), so the window (any language), the log file and the queue all say the same.
 * The command line keeps the site's sentence and adds its flag (cli/cli-hints.ts).
 */
import type { FerryErrorData } from './errors';
import { errorText, type ErrorTextId } from './error-texts';

/** Where this connection's transfer mode is chosen: a saved site (Site Manager), or the quick connect bar. */
export type ModeSetting = 'site' | 'quick-connect';

/** Each hint that names a site's transfer mode (or "this site"), and its sentence for a quick connection. */
export const QUICK_CONNECT_HINTS: Readonly<Partial<Record<ErrorTextId, ErrorTextId>>> = {
  'data.active.listen-failed.hint': 'data.active.listen-failed.quick.hint',
  'data.active.wrong-peer.hint': 'data.active.wrong-peer.quick.hint',
  'data.active.server-refused.hint': 'data.active.server-refused.quick.hint',
  'data.active.blocked.hint': 'data.active.blocked.quick.hint',
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
  'data.passive.proxy.hint': 'data.passive.proxy.quick.hint',
  'proxy.active-mode.hint': 'proxy.active-mode.quick.hint',
  'reply.425.hint': 'reply.425.quick.hint',
  'active.external-url-failed.hint': 'active.external-url-failed.quick.hint',
};

/** The hint sentence for `hint` where the mode is set in `setting`: the quick connect bar's, or `hint` itself. */
export function modeHintId(hint: ErrorTextId, setting: ModeSetting | undefined): ErrorTextId {
  return setting === 'quick-connect' ? (QUICK_CONNECT_HINTS[hint] ?? hint) : hint;
}

/**
 * `error` with its hint said for where the transfer mode is set (`hint` in English and `text.hint`, so each window
 * says it in its language); unchanged for a saved site, and for an error whose hint names no transfer mode.
 */
export function placeModeHint<E extends FerryErrorData>(error: E, setting: ModeSetting | undefined): E {
  const text = error.text;
  if (!text?.hint) return error;
  const hint = modeHintId(text.hint, setting);
  if (hint === text.hint) return error;
  return { ...error, hint: errorText(hint, text.values, text.valueTexts), text: { ...text, hint } };
}
