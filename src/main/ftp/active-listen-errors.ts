import type { ErrorTextId, TextRef } from '../../shared/error-texts';

/** Why active mode could not listen, in words, and the fix that goes with it (null: the usual one, another range). */
export interface ListenFailure {
  readonly detail: TextRef;
  readonly hint: ErrorTextId | null;
}

/** What the failed listen saw: the last error's code, whether every port of the range was in use. */
export interface ListenAttempt {
  readonly code: string | undefined;
  readonly allBusy: boolean;
}

/**
 * A failed active-mode listen said in words, by the system's code: its cause and fix rather than "50000-50100: EACCES"
 * or "any port: EADDRNOTAVAIL" (English, and a code, in a Chinese window). Ferry listens on the address of its
 * connection to the server (never on the external address, which is only announced), on a port of the range from
 * Settings → Active mode or any port. A code not known keeps the system's word, quoted.
 */
export function listenFailure(attempt: ListenAttempt, host: string, range: readonly [number, number] | null, busyWaitSeconds: number): ListenFailure {
  const where = rangeText(range);
  const { code } = attempt;
  switch (code) {
    case 'EADDRINUSE':
      // Every port of the range still taken after the wait; with no range, the system ran out of ports to give.
      if (range && attempt.allBusy) return { detail: { id: 'detail.range-in-use', values: { seconds: busyWaitSeconds, code }, valueTexts: { range: where } }, hint: null };
      return { detail: { id: 'detail.no-free-port', values: {}, valueTexts: { range: where } }, hint: null };
    case 'EACCES':
    case 'EPERM':
      // Linux and macOS let only root (or CAP_NET_BIND_SERVICE) listen below 1024; otherwise a security policy said no.
      if (range && range[0] < 1024) return { detail: { id: 'detail.listen.privileged', values: {}, valueTexts: { range: where } }, hint: 'data.active.listen-privileged.hint' };
      return { detail: { id: 'detail.listen.denied', values: {}, valueTexts: { range: where } }, hint: null };
    case 'EADDRNOTAVAIL':
      // The connection's own address is gone from this computer: the network changed under it (a VPN, Wi-Fi).
      return { detail: { id: 'detail.listen.no-address', values: { host } }, hint: 'data.active.listen-no-address.hint' };
    case 'EMFILE':
    case 'ENFILE':
      return { detail: { id: 'detail.listen.too-many-files', values: {} }, hint: 'data.active.listen-too-many-files.hint' };
    case undefined:
      return { detail: { id: 'detail.no-free-port', values: {}, valueTexts: { range: where } }, hint: null };
    default:
      return { detail: { id: 'detail.listen.other', values: { code }, valueTexts: { range: where } }, hint: null };
  }
}

/** The range in words: "50000-50100" / 端口 50000 至 50100, one port "50000-50000" / 端口 50000, none "any port" / 任意端口. */
export function rangeText(range: readonly [number, number] | null): TextRef {
  if (range === null) return { id: 'detail.any-port', values: {} };
  return range[0] === range[1] ? { id: 'detail.port-one', values: { port: range[0] } } : { id: 'detail.port-range', values: { low: range[0], high: range[1] } };
}
