/**
 * The master password dialog: set, change, remove, or enter it (when a saved password is needed). It sends the
 * request itself, so a wrong master password is said inline and the dialog stays open for another try.
 */
import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { request } from '../actions';
import { useT } from '../i18n';
import { localizeError } from '../lib/localize-error';
import type { MasterPasswordRequest } from '../stores/ui-store';
import type { PasswordStorageStatus } from '../../shared/models';
import type { Result } from '../../shared/contract';
import { Dialog, SubmitCancelButtons } from './dialog';

/** As main requires (master-password-vault.ts MIN_MASTER_PASSWORD_LENGTH); checked here so the user hears it at once. */
export const MIN_MASTER_PASSWORD_LENGTH = 8;

export interface MasterPasswordDraft {
  readonly current: string;
  readonly next: string;
  readonly confirm: string;
}

/** Which fields a mode asks for, and what is wrong with them (null: nothing). Pure, for tests. */
export function masterPasswordProblem(mode: MasterPasswordRequest['mode'], d: MasterPasswordDraft): 'current' | 'tooShort' | 'mismatch' | null {
  if (mode !== 'set' && d.current === '') return 'current';
  if (mode === 'set' || mode === 'change') {
    if ([...d.next].length < MIN_MASTER_PASSWORD_LENGTH) return 'tooShort';
    if (d.next !== d.confirm) return 'mismatch';
  }
  return null;
}

export function MasterPasswordDialog({ req }: { readonly req: MasterPasswordRequest }): ReactElement {
  const t = useT();
  const id = useId();
  const [d, setD] = useState<MasterPasswordDraft>({ current: '', next: '', confirm: '' });
  const [submitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState<{ message: string; hint: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = masterPasswordProblem(req.mode, d);
  const { mode } = req;
  const asksCurrent = mode !== 'set';
  const asksNext = mode === 'set' || mode === 'change';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (problem || busy) return;
    setBusy(true);
    let r: Result<PasswordStorageStatus>;
    if (mode === 'set') r = await request('passwords:set-master', { password: d.next });
    else if (mode === 'change') r = await request('passwords:change-master', { current: d.current, next: d.next });
    else if (mode === 'remove') r = await request('passwords:remove-master', { current: d.current });
    else r = await request('passwords:unlock', { password: d.current });
    setBusy(false);
    if (r.ok) req.resolve(r.value);
    else setFailure(localizeError(r.error, t.language));
  };

  const field = (name: keyof MasterPasswordDraft, label: string, autofocus: boolean, invalid: boolean, error: string | null = null) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type="password"
        value={d[name]}
        data-autofocus={autofocus || undefined}
        autoComplete={name === 'current' ? 'current-password' : 'new-password'}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          setD((x) => ({ ...x, [name]: e.target.value }));
          setFailure(null);
        }}
      />
      {error ? <span className="field-error">{error}</span> : null}
    </div>
  );

  return (
    <Dialog title={t(`passwords.dialog.${mode}`)} onClose={() => req.resolve(null)} className="small">
      <form onSubmit={(e) => void submit(e)} noValidate>
        {mode === 'unlock' ? <p className="dialog-message">{t('passwords.dialog.unlockIntro')}</p> : null}
        {mode === 'remove' && req.hostStorage && req.hostStorage !== 'none' ? (
          <p className="dialog-message">{t('passwords.dialog.removeIntro', { where: t(req.hostStorage === 'key-file' ? 'passwords.where.keyFile' : 'passwords.where.keychain') })}</p>
        ) : null}
        {asksCurrent ? field('current', t(mode === 'change' ? 'passwords.currentForChange' : 'passwords.current'), true, submitted && problem === 'current') : null}
        {asksNext ? field('next', t('passwords.new'), !asksCurrent, submitted && problem === 'tooShort', submitted && problem === 'tooShort' ? t('passwords.tooShort', { min: MIN_MASTER_PASSWORD_LENGTH }) : null) : null}
        {asksNext ? field('confirm', t('passwords.confirm'), false, submitted && problem === 'mismatch', submitted && problem === 'mismatch' ? t('passwords.mismatch') : null) : null}
        {failure ? (
          <p className="dialog-message field-error" role="alert">
            {t('log.twoSentences', { first: failure.message, second: failure.hint })}
          </p>
        ) : null}
        <SubmitCancelButtons submitLabel={t('common.ok')} cancelLabel={t('common.cancel')} onCancel={() => req.resolve(null)} busy={busy} />
      </form>
    </Dialog>
  );
}
