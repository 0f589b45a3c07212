/**
 * Speed limits in the window: the settings dialog's draft fields (a checkbox and KiB/s text per direction)
 * and the status bar's indicator text. Pure, so they are tested without rendering.
 */
import { MAX_SPEED_LIMIT_KIBPS } from '../../shared/models';

export interface SpeedLimitDraft {
  readonly enabled: boolean;
  readonly text: string;
}

/** The value shown in a field whose limit is off: a round, plausible starting point. */
export const DEFAULT_LIMIT_TEXT = '1024';

export function speedLimitDraft(kib: number | null): SpeedLimitDraft {
  return { enabled: kib !== null, text: kib === null ? DEFAULT_LIMIT_TEXT : String(kib) };
}

/** True when the draft can be saved: off, or a whole number of KiB/s in range (what the settings store accepts). */
export function validSpeedLimit(draft: SpeedLimitDraft): boolean {
  if (!draft.enabled) return true;
  const text = draft.text.trim();
  return /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_SPEED_LIMIT_KIBPS;
}

/** The setting's value: KiB/s, or null (unlimited) when off. Call only on a valid draft. */
export function speedLimitValue(draft: SpeedLimitDraft): number | null {
  return draft.enabled ? Number(draft.text.trim()) : null;
}

/** "500 KiB/s" with the locale's digits grouping. */
export function formatLimit(kib: number, locale = 'en'): string {
  return `${new Intl.NumberFormat(locale).format(kib)} KiB/s`;
}
