/**
 * The window's side of the master password: a request that meets a locked master password asks for it once
 * (however many requests wait) and is sent again; cancelling keeps the original error; the dialog's own checks
 * and the Settings sentence.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { request, setApiForTesting } from '../../../src/renderer/actions';
import { masterPasswordProblem } from '../../../src/renderer/components/master-password-dialog';
import { passwordStorageSentence } from '../../../src/renderer/components/password-settings';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import type { MasterPasswordError } from '../../../src/shared/errors';
import type { PasswordStorageStatus } from '../../../src/shared/models';
import { siteInput } from '../sites/helpers';
import { createFakeApi, fail, ok, status } from './fake-api';

const locked: MasterPasswordError = { kind: 'master-password', reason: 'locked', message: 'locked', hint: 'enter it', retryable: false };
const unlockedStatus: PasswordStorageStatus = { masterPasswordSet: true, unlocked: true, hostStorage: 'key-file', hostUnavailableReason: null, unmoved: [] };

/** Resolves once the master password dialog is asked for. */
function dialogOpened(): Promise<NonNullable<ReturnType<typeof useUiStore.getState>['masterPassword']>> {
  return new Promise((resolve) => {
    const current = useUiStore.getState().masterPassword;
    if (current) return resolve(current);
    const stop = useUiStore.subscribe((state) => {
      if (state.masterPassword) {
        stop();
        resolve(state.masterPassword);
      }
    });
  });
}

describe('requests under a locked master password', () => {
  afterEach(() => {
    setApiForTesting(null);
    useUiStore.setState({ masterPassword: null });
  });

  it('asks once for two waiting requests, then sends each again', async () => {
    const api = createFakeApi();
    let unlocked = false;
    api.handle('session:connect', () => (unlocked ? ok(status()) : fail(locked)));
    setApiForTesting(api);
    const first = request('session:connect', { target: { kind: 'site', siteId: 'a' } });
    const second = request('session:connect', { target: { kind: 'site', siteId: 'b' } });
    const dialog = await dialogOpened();
    expect(dialog.mode).toBe('unlock');
    unlocked = true;
    dialog.resolve(unlockedStatus);
    expect((await first).ok).toBe(true);
    expect((await second).ok).toBe(true);
    expect(api.calls.filter((call) => call.channel === 'session:connect')).toHaveLength(4);
    expect(useUiStore.getState().masterPassword).toBeNull();
  });

  it('cancelled: the request fails with the locked error and is not sent again', async () => {
    const api = createFakeApi();
    api.handle('sites:save', () => fail(locked));
    setApiForTesting(api);
    const pending = request('sites:save', siteInput());
    (await dialogOpened()).resolve(null);
    const r = await pending;
    expect(r).toEqual({ ok: false, error: locked });
    expect(api.calls.filter((call) => call.channel === 'sites:save')).toHaveLength(1);
  });

  it('never prompts for the passwords:* requests themselves (the dialog shows their errors)', async () => {
    const api = createFakeApi();
    api.handle('passwords:status', () => fail(locked));
    setApiForTesting(api);
    expect(await request('passwords:status', undefined)).toEqual({ ok: false, error: locked });
    expect(useUiStore.getState().masterPassword).toBeNull();
  });
});

describe('master password dialog checks and the Settings sentence', () => {
  it('asks for what each mode needs', () => {
    const d = (current: string, next: string, confirm: string) => ({ current, next, confirm });
    expect(masterPasswordProblem('set', d('', 'short', 'short'))).toBe('tooShort');
    expect(masterPasswordProblem('set', d('', 'long enough', 'long enougH'))).toBe('mismatch');
    expect(masterPasswordProblem('set', d('', 'long enough', 'long enough'))).toBeNull();
    expect(masterPasswordProblem('unlock', d('', '', ''))).toBe('current');
    expect(masterPasswordProblem('unlock', d('x', '', ''))).toBeNull();
    expect(masterPasswordProblem('remove', d('x', '', ''))).toBeNull();
    expect(masterPasswordProblem('change', d('old', 'new long one', 'new long one'))).toBeNull();
    expect(masterPasswordProblem('change', d('', 'new long one', 'new long one'))).toBe('current');
    // Counted in characters, not UTF-16 units: eight Chinese characters are enough.
    expect(masterPasswordProblem('set', d('', '一二三四五六七八', '一二三四五六七八'))).toBeNull();
  });

  it('says where passwords are kept', () => {
    const base: PasswordStorageStatus = { masterPasswordSet: false, unlocked: false, hostStorage: 'system-keychain', hostUnavailableReason: null, unmoved: [] };
    expect(passwordStorageSentence(base).key).toBe('passwords.keptInKeychain');
    expect(passwordStorageSentence({ ...base, hostStorage: 'key-file' }).key).toBe('passwords.keptInKeyFile');
    expect(passwordStorageSentence({ ...base, hostUnavailableReason: 'no keyring' })).toEqual({ key: 'passwords.keptNowhere', reason: 'no keyring' });
    expect(passwordStorageSentence({ ...base, masterPasswordSet: true }).key).toBe('passwords.protectedLocked');
    expect(passwordStorageSentence({ ...base, masterPasswordSet: true, unlocked: true, hostUnavailableReason: 'no keyring' }).key).toBe('passwords.protectedUnlocked');
  });
});
