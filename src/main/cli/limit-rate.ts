import { invalidInput } from '../ftp/ftp-error';

/** Suffixes as curl's --limit-rate reads them: powers of 1024. */
const UNITS: Readonly<Record<string, number>> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** The highest rate accepted: 10 GiB/s (the settings' maximum), so an extra digit is caught rather than meaning "unlimited". */
export const MAX_LIMIT_RATE = 10 * 1024 ** 3;

/**
 * `--limit-rate` in curl's syntax: bytes per second, with an optional k/K, m/M or g/G suffix (1024-based),
 * e.g. "500k", "1.5M", "200000". Returns whole bytes per second; anything else is invalid input (exit 2).
 */
export function parseLimitRate(text: string): number {
  const match = /^(\d+(?:\.\d+)?|\.\d+)([kmg]?)$/i.exec(text.trim());
  const unit = UNITS[(match?.[2] ?? '').toLowerCase()];
  const rate = match && unit !== undefined ? Math.floor(Number(match[1]) * unit) : NaN;
  if (!Number.isFinite(rate) || rate < 1 || rate > MAX_LIMIT_RATE) {
    throw invalidInput(
      `--limit-rate "${text}" is not a speed Ferry can use.`,
      'Give bytes per second from 1 to 10G, optionally with k, m or g (1024-based), e.g. --limit-rate 500k; leave the option out for no limit.',
    );
  }
  return rate;
}
