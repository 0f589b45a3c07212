import type { FerryErrorKind } from '../../shared/errors';

/** Exit status per failure kind, so scripts can tell "wrong password" from "firewall" without parsing text. */
export const EXIT_CODES: Record<FerryErrorKind | 'partial', number> = {
  'invalid-input': 2,
  connect: 3,
  auth: 4,
  tls: 5,
  certificate: 5,
  'data-connection': 6,
  'server-reply': 7,
  timeout: 8,
  closed: 8,
  protocol: 9,
  'local-file': 10,
  // Only ever one item of a mirror (exit 11 for the run); a name in the way on either side.
  'name-clash': 11,
  'master-password': 12,
  aborted: 130,
  partial: 11,
};
