import { describe, expect, it } from 'vitest';
import { describeForCli } from '../../../src/main/cli/cli-hints';
import { dataConnectionError } from '../../../src/main/ftp/data-connection-errors';
import { sentences } from '../../../src/shared/error-texts';
import type { FerryErrorData } from '../../../src/shared/errors';

describe('hints on the command line', () => {
  it('a passive-mode failure names --active after the window\'s hint', () => {
    const error = dataConnectionError('passive', 'server-refused', '127.0.0.1', 0, '550 Permission denied.');
    expect(describeForCli(error)).toBe(`${error.message}\n${error.hint}\nWith ferry: --active.`);
  });
  it('a login that needs TLS names --tls explicit', () => {
    const error: FerryErrorData = { kind: 'auth', code: 530, retryable: false, ...sentences('auth.failed', 'auth.tls-required.hint', { user: 'u', reply: '530 Non-anonymous sessions must use encryption.' }) };
    expect(describeForCli(error)).toMatch(/\nWith ferry: --tls explicit \(or an ftps:\/\/ URL for implicit TLS\)\.$/);
  });
  it('errors without such a hint print as before', () => {
    const error: FerryErrorData = { kind: 'invalid-input', message: 'Bad.', hint: 'Fix it.', retryable: false };
    expect(describeForCli(error)).toBe('Bad.\nFix it.');
  });
});
