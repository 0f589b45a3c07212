import { placeSettingHint, type SettingsPlace } from '../../shared/setting-hints';
import { FtpError } from './ftp-error';

/**
 * `error` with its hint naming where this connection's settings are changed (shared/setting-hints.ts): the same
 * error for a saved site, the command line and an error whose hint names no site's setting; anything else as it came.
 */
export function placeSettingError(error: unknown, place: SettingsPlace | undefined): unknown {
  if (!(error instanceof FtpError)) return error;
  const data = placeSettingHint(error.data, place);
  return data === error.data ? error : new FtpError(data);
}
