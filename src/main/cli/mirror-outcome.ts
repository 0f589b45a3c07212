import type { FerryErrorData } from '../../shared/errors';
import type { MirrorReport } from '../transfers/mirror';
import { EXIT_CODES } from './exit-codes';

/**
 * The error that stopped a mirror at its source root — the login refused, the folder missing or unreadable — so that
 * nothing at all was copied; null when the run got going. (The report lists it as one failed item, the root.)
 */
export function rootFailure(report: Pick<MirrorReport, 'failures'>, root: string): FerryErrorData | null {
  const normal = (value: string): string => (value.length > 1 ? value.replace(/\/+$/, '') : value);
  return report.failures.find((failure) => normal(failure.path) === normal(root))?.error ?? null;
}

/**
 * A mirror's exit status: 0 when nothing failed; the failure's own status when the run failed at its root (4 for a
 * wrong password, 7 for no such folder, as every other command says them); 11 when some items failed.
 */
export function mirrorExitCode(report: Pick<MirrorReport, 'failures'>, root: string): number {
  if (report.failures.length === 0) return 0;
  const atRoot = rootFailure(report, root);
  return atRoot ? EXIT_CODES[atRoot.kind] : EXIT_CODES.partial;
}
