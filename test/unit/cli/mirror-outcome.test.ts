import { describe, expect, it } from 'vitest';
import { mirrorExitCode, rootFailure } from '../../../src/main/cli/mirror-outcome';
import type { FerryErrorData } from '../../../src/shared/errors';

const auth: FerryErrorData = { kind: 'auth', code: 530, message: 'Login as "u" failed: 530 Login incorrect.', hint: 'Check the user name and password.', retryable: false };
const missing: FerryErrorData = { kind: 'server-reply', code: 550, command: 'MLSD /tree', message: 'no', hint: '', retryable: false };

describe('mirror outcome', () => {
  it.each([
    ['nothing failed', [], '/tree', 0],
    ['login refused at the root', [{ path: '/tree/', error: auth }], '/tree/', 4],
    ['root written without its slash', [{ path: '/tree/', error: missing }], '/tree', 7],
    ['local root of an upload', [{ path: '/home/me/site', error: auth }], '/home/me/site/', 4],
    ['one file below the root', [{ path: '/tree/a.txt', error: missing }], '/tree', 11],
    ['the server root', [{ path: '/', error: auth }], '/', 4],
  ] as const)('%s', (_name, failures, root, code) => {
    expect(mirrorExitCode({ failures: [...failures] }, root)).toBe(code);
  });
  it('names the root failure', () => {
    expect(rootFailure({ failures: [{ path: '/a/b', error: missing }, { path: '/a', error: auth }] }, '/a')).toBe(auth);
  });
});
