/**
 * Settings → Passwords: where saved passwords are kept, and the master password that may protect them. Its
 * buttons act at once (each has its own dialog), apart from the Settings dialog's OK.
 */
import { useEffect, useId, useState, type ReactElement } from 'react';
import * as actions from '../actions';
import { useT } from '../i18n';
import type { PasswordStorageStatus } from '../../shared/models';
import { localizeError } from '../lib/localize-error';

/** The sentence describing where passwords are kept now. Pure, for tests. */
export function passwordStorageSentence(status: PasswordStorageStatus): { readonly key: 'passwords.protectedUnlocked' | 'passwords.protectedLocked' | 'passwords.keptInKeychain' | 'passwords.keptInKeyFile' | 'passwords.keptNowhere'; readonly reason?: string } {
  if (status.masterPasswordSet) return { key: status.unlocked ? 'passwords.protectedUnlocked' : 'passwords.protectedLocked' };
  if (status.hostUnavailableReason !== null || status.hostStorage === 'none') return { key: 'passwords.keptNowhere', reason: status.hostUnavailableReason ?? '' };
  return { key: status.hostStorage === 'key-file' ? 'passwords.keptInKeyFile' : 'passwords.keptInKeychain' };
}

export function PasswordSettings(): ReactElement {
  const t = useT();
  const id = useId();
  const [status, setStatus] = useState<PasswordStorageStatus | null>(null);
  useEffect(() => {
    let live = true;
    void actions.passwordStatus().then((value) => live && setStatus(value));
    return () => {
      live = false;
    };
  }, []);
  const after = async (pending: Promise<PasswordStorageStatus | null>) => {
    const next = await pending;
    if (next) setStatus(next);
  };
  const sentence = status ? passwordStorageSentence(status) : null;
  return (
    <section className="settings-section" aria-labelledby={`${id}-passwords`}>
      <h3 id={`${id}-passwords`}>{t('passwords.title')}</h3>
      {sentence ? (
        <p className="settings-status" data-testid="password-storage">
          {t(sentence.key, { reason: status?.hostUnavailableText ? localizeError({ message: sentence.reason ?? '', hint: '', text: status.hostUnavailableText }, t.language).message : (sentence.reason ?? '') })}
        </p>
      ) : null}
      {status && status.unmoved.length > 0 ? <p className="field-error">{t('passwords.unmoved', { names: status.unmoved.join(t('common.listSeparator')) })}</p> : null}
      {status ? (
        <div className="button-row">
          {!status.masterPasswordSet ? (
            <button type="button" className="button" onClick={() => void after(actions.askMasterPassword('set'))}>
              {t('passwords.set')}
            </button>
          ) : (
            <>
              {!status.unlocked ? (
                <button type="button" className="button" onClick={() => void after(actions.askMasterPassword('unlock'))}>
                  {t('passwords.unlock')}
                </button>
              ) : null}
              <button type="button" className="button" onClick={() => void after(actions.askMasterPassword('change'))}>
                {t('passwords.change')}
              </button>
              <button type="button" className="button" onClick={() => void after(actions.askMasterPassword('remove', status.hostStorage))}>
                {t('passwords.remove')}
              </button>
              <button type="button" className="button" onClick={() => void after(actions.resetMasterPassword())}>
                {t('passwords.reset')}
              </button>
            </>
          )}
        </div>
      ) : null}
      <span className="help">{t('passwords.help')}</span>
    </section>
  );
}
