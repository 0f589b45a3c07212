/**
 * The usual causes of a failure on this computer in plain words, by errno code (and the fix); anything else keeps the
 * system's own words, which a Chinese window quotes inside a Chinese sentence (`local.failed`, `local.system-said`).
 * One table for `localError`, `localFailureText` (src/main/transfers/file-transfer.ts) and `toErrorData`.
 */
import type { ErrorTextId } from '../../shared/error-texts';

const LOCAL_TEXTS: Readonly<Record<string, readonly [message: ErrorTextId, hint: ErrorTextId]>> = {
  ENOENT: ['local.missing', 'local.missing.hint'],
  ENOTDIR: ['local.not-folder', 'local.missing.hint'],
  EACCES: ['local.denied', 'local.denied.hint'],
  EPERM: ['local.denied', 'local.denied.hint'],
  ENOSPC: ['local.full', 'local.full.hint'],
  EDQUOT: ['local.quota', 'local.quota.hint'],
  EISDIR: ['local.is-folder', 'local.is-folder.hint'],
  EROFS: ['local.read-only', 'local.read-only.hint'],
  EEXIST: ['local.exists', 'local.exists.hint'],
  ENAMETOOLONG: ['local.name-too-long', 'local.name-too-long.hint'],
  EMFILE: ['local.too-many-open', 'local.too-many-open.hint'],
  ENFILE: ['local.too-many-open', 'local.too-many-open.hint'],
  EIO: ['local.io', 'local.io.hint'],
  EBUSY: ['local.busy', 'local.busy.hint'],
  ETXTBSY: ['local.running-program', 'local.running-program.hint'],
  ELOOP: ['local.link-loop', 'local.link-loop.hint'],
};

/** The sentences saying `error`'s code, or `unknown` (with the generic fix) for a code not in the table. */
export function localTextsOf(error: unknown, unknown: ErrorTextId): readonly [message: ErrorTextId, hint: ErrorTextId] {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (typeof code === 'string' ? LOCAL_TEXTS[code] : undefined) ?? [unknown, 'local.other.hint'];
}
