/**
 * The small dialogs: confirm, prompt (rename, new folder, password), change permissions, the
 * untrusted certificate, the connection security of the session (TLS version, cipher, certificate chain), and the
 * overwrite question.
 */
import { useRef, useState, type FormEvent, type ReactElement } from 'react';
import * as actions from '../actions';
import { formatCount, useT, type MessageKey, type Translator } from '../i18n';
import { en } from '../i18n/en';
import { formatSize } from '../../shared/size-format';
import { formatDate, formatFactsDate } from '../lib/format';
import { copyText } from '../lib/clipboard';
import { formatOctal, parseMode, parseOctalInput, PERMISSION_BITS } from '../lib/permissions';
import { othersWaitingForAnswer } from '../lib/queue-view';
import type { ChmodScope, OverwriteChoice, OverwriteQuestion } from '../../shared/models';
import type { FerryErrorData } from '../../shared/errors';
import { sentences, type ErrorTextId } from '../../shared/error-texts';
import { renameProblem, targetName } from '../../shared/rename-answer';
import { localizeError } from '../lib/localize-error';
import { useQueueStore } from '../stores/queue-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore, type ChmodRequest, type ConfirmRequest, type PromptRequest } from '../stores/ui-store';
import { Dialog, SubmitCancelButtons } from './dialog';
import { TlsDetailsView } from './certificate-details';
import { MasterPasswordDialog } from './master-password-dialog';
import { EditDialogs } from './edit-dialogs';
import { shownName } from '../../shared/shown-name';

function ConfirmDialog({ req }: { readonly req: ConfirmRequest }): ReactElement {
  const t = useT();
  return (
    <Dialog title={req.title} onClose={() => req.resolve(false)} className="small">
      <p className="dialog-message">{req.message}</p>
      <div className="dialog-buttons">
        <span className="spacer" />
        <button type="button" className={`button ${req.danger ? 'danger' : 'primary'}`} data-autofocus onClick={() => req.resolve(true)}>
          {req.confirmLabel}
        </button>
        {req.alternativeLabel ? (
          <button type="button" className="button" onClick={() => req.resolve('alternative')}>
            {req.alternativeLabel}
          </button>
        ) : null}
        <button type="button" className="button" onClick={() => req.resolve(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

function PromptDialog({ req }: { readonly req: PromptRequest }): ReactElement {
  const t = useT();
  const [value, setValue] = useState(req.value);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = req.validate?.(value) ?? null;
    if (p) {
      setProblem(p);
      return;
    }
    req.resolve(value);
  };
  return (
    <Dialog title={req.title} onClose={() => req.resolve(null)} className="small">
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="prompt-input">{req.label}</label>
          <input
            id="prompt-input"
            data-autofocus
            type={req.password ? 'password' : 'text'}
            value={value}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'prompt-problem' : undefined}
            onChange={(e) => {
              setValue(e.target.value);
              setProblem(null);
            }}
            onFocus={(e) => e.currentTarget.select()}
          />
          {problem ? (
            <span id="prompt-problem" className="field-error">
              {problem}
            </span>
          ) : null}
        </div>
        <SubmitCancelButtons submitLabel={req.confirmLabel} cancelLabel={t('common.cancel')} onCancel={() => req.resolve(null)} />
      </form>
    </Dialog>
  );
}

function ChmodDialog({ req }: { readonly req: ChmodRequest }): ReactElement {
  const t = useT();
  const initial = parseMode(req.permissions) ?? 0o644;
  const [mode, setMode] = useState(initial);
  const [text, setText] = useState(formatOctal(initial));
  const [recurse, setRecurse] = useState(false);
  const [scope, setScope] = useState<ChmodScope>('all');
  const close = () => useUiStore.setState({ chmod: null });
  const setBits = (m: number) => {
    setMode(m);
    setText(formatOctal(m));
  };
  const typed = parseOctalInput(text);
  const whoLabel: Record<string, MessageKey> = { owner: 'chmod.owner', group: 'chmod.group', public: 'chmod.public' };
  const whatLabel: Record<string, MessageKey> = { read: 'chmod.read', write: 'chmod.write', execute: 'chmod.execute' };
  return (
    <Dialog title={t('chmod.title')} onClose={close} className="small">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (typed !== null) void actions.chmod(req.names, formatOctal(typed), req.hasFolders && recurse ? scope : undefined);
        }}
      >
        <p className="dialog-message">{req.names.length === 1 ? t('chmod.one', { name: shownName(req.names[0] ?? '', 'in-quotes') }) : t.plural('chmod.many', req.names.length)}</p>
        <div className="chmod-grid">
          {(['owner', 'group', 'public'] as const).map((who) => (
            <fieldset key={who} className="chmod-group">
              <legend>{t(whoLabel[who] ?? 'chmod.owner')}</legend>
              {PERMISSION_BITS.filter((b) => b.who === who).map((b) => (
                <label key={b.what} className="checkbox">
                  <input type="checkbox" checked={(mode & b.bit) !== 0} onChange={(e) => setBits(e.target.checked ? mode | b.bit : mode & ~b.bit)} />
                  <span>{t(whatLabel[b.what] ?? 'chmod.read')}</span>
                </label>
              ))}
            </fieldset>
          ))}
        </div>
        <div className="field narrow">
          <label htmlFor="chmod-numeric">{t('chmod.numeric')}</label>
          <input
            id="chmod-numeric"
            value={text}
            inputMode="numeric"
            maxLength={4}
            aria-invalid={typed === null ? true : undefined}
            onChange={(e) => {
              setText(e.target.value);
              const m = parseOctalInput(e.target.value);
              if (m !== null) setMode(m);
            }}
          />
          {typed === null ? <span className="field-error">{t('chmod.invalid')}</span> : null}
        </div>
        {req.hasFolders ? (
          <>
            <label className="checkbox">
              <input type="checkbox" checked={recurse} onChange={(e) => setRecurse(e.target.checked)} />
              <span>{t('chmod.recurse')}</span>
            </label>
            <fieldset className="radio-group" role="radiogroup" aria-labelledby="chmod-scope" disabled={!recurse}>
              <legend id="chmod-scope">{t('chmod.scope')}</legend>
              {(['all', 'files', 'directories'] as const).map((value) => (
                <label key={value} className="radio">
                  <input type="radio" name="chmod-scope" checked={scope === value} onChange={() => setScope(value)} />
                  <span>{t(`chmod.scope.${value}`)}</span>
                </label>
              ))}
            </fieldset>
          </>
        ) : null}
        <div className="dialog-buttons">
          <span className="spacer" />
          <button type="submit" className="button primary" disabled={typed === null}>
            {t('common.ok')}
          </button>
          <button type="button" className="button" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** OpenSSL's verification code (`authorizationError`) in words; an unknown code is shown as it is. */
function certificateReason(t: Translator, code: string): string {
  const key = `cert.reason.${code}`;
  return key in en ? t(key as MessageKey) : t('cert.reason.other', { code });
}

function CertificateDialog(): ReactElement | null {
  const t = useT();
  const req = useUiStore((s) => s.certificate);
  if (!req) return null;
  const e = req.error;
  const forSite = req.target.kind === 'site';
  const previous = e.previousFingerprints ?? [];
  const changed = previous.length > 0;
  return (
    <Dialog title={t(changed ? 'cert.changedTitle' : 'cert.title')} onClose={actions.certificateCancel} className="certificate" describedBy="cert-reason">
      <p id="cert-reason" className="warning-strip">
        {changed ? <strong>{t('cert.changedIntro', { host: e.host })}</strong> : t('cert.intro', { host: e.host })} {certificateReason(t, e.reason)}
      </p>
      <dl className="details">
        {changed ? (
          <>
            <dt>{t('cert.previous')}</dt>
            <dd>
              {previous.map((fingerprint) => (
                <code key={fingerprint} className="fingerprint">
                  {fingerprint}
                </code>
              ))}
            </dd>
          </>
        ) : null}
        {e.tls ? null : (
          <>
            <dt>{t('cert.subject')}</dt>
            <dd>{e.subject}</dd>
            <dt>{t('cert.issuer')}</dt>
            <dd>{e.issuer}</dd>
            <dt>{t('cert.validity')}</dt>
            <dd>{t('cert.validRange', { from: formatDate(e.validFrom) || e.validFrom, to: formatDate(e.validTo) || e.validTo })}</dd>
            <dt>{t('cert.fingerprint')}</dt>
            <dd>
              <code className="fingerprint">{e.fingerprint256}</code>
            </dd>
          </>
        )}
      </dl>
      {e.tls ? <TlsDetailsView tls={e.tls} idPrefix="unknown" /> : null}
      <p className="help">{t('cert.compare')}</p>
      {changed && forSite ? <p className="help">{t('cert.replaces')}</p> : null}
      {!forSite ? <p className="help">{t('cert.quickNote')}</p> : null}
      <div className="dialog-buttons">
        <button type="button" className="button" onClick={actions.certificateTrustOnce}>
          {t('cert.trustOnce')}
        </button>
        <button type="button" className="button" disabled={!forSite} onClick={() => void actions.certificateTrustAlways()}>
          {t(changed ? 'cert.trustNewAlways' : 'cert.trustAlways')}
        </button>
        <span className="spacer" />
        <button type="button" className="button primary" data-autofocus onClick={actions.certificateCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

function FingerprintDialog(): ReactElement | null {
  const t = useT();
  const open = useUiStore((s) => s.fingerprintOpen);
  const status = useSessionStore((s) => s.status);
  if (!open || !status) return null;
  const close = () => useUiStore.setState({ fingerprintOpen: false });
  return (
    <Dialog title={t('cert.sessionTitle')} onClose={close} className={status.tls ? 'certificate' : 'small'}>
      {status.tls ? (
        <TlsDetailsView tls={status.tls} idPrefix="session" connected>
          <dt>{t('cert.server')}</dt>
          <dd>{status.host}</dd>
        </TlsDetailsView>
      ) : (
        <dl className="details">
          <dt>{t('cert.server')}</dt>
          <dd>{status.host}</dd>
          <dt>{t('cert.encryption')}</dt>
          <dd>{status.secure ? t('status.tlsOn') : t('status.tlsOff')}</dd>
          <dt>{t('cert.fingerprint')}</dt>
          <dd>
            <code className="fingerprint">{status.certificateFingerprint ?? t('cert.none')}</code>
          </dd>
        </dl>
      )}
      <div className="dialog-buttons">
        <button type="button" className="button" disabled={!status.certificateFingerprint} onClick={() => void copyText(status.certificateFingerprint ?? '')}>
          {t('cert.copy')}
        </button>
        <span className="spacer" />
        <button type="button" className="button primary" data-autofocus onClick={close}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}

const CHOICES: readonly OverwriteChoice[] = ['overwrite', 'overwrite-if-newer', 'overwrite-if-size-differs', 'overwrite-if-newer-or-size-differs', 'resume', 'rename', 'skip'];

function OverwriteDialog({ q }: { readonly q: OverwriteQuestion }): ReactElement {
  const t = useT();
  // Asked again because the name typed for Rename exists too: Rename again, with a free name.
  const [choice, setChoice] = useState<OverwriteChoice>(q.renameTaken !== undefined ? 'rename' : 'overwrite');
  const [all, setAll] = useState(false);
  const [untilEmpty, setUntilEmpty] = useState(false);
  const [newName, setNewName] = useState(q.suggestedName ?? '');
  // Kept as sentences, said in the window's language as it is now (a language switched meanwhile too).
  const [nameProblem, setNameProblem] = useState<RenameRefusal | null>(q.renameTaken !== undefined ? renameRefusal(q.direction === 'download' ? 'queue.rename.taken-local' : 'queue.rename.taken-remote', q.renameTaken) : null);
  const nameField = useRef<HTMLInputElement>(null);
  // A name sent and not yet answered: a second OK would answer a question main has settled ("already answered").
  const sending = useRef(false);
  const [onlyThisDirection, setOnlyThisDirection] = useState(false);
  const policies = useQueueStore((s) => s.policies);
  // A server-to-server copy is asked as an upload (the target is a server), said as the copy it is.
  const copying = useQueueStore((s) => s.items.find((item) => item.id === q.itemId)?.direction === 'fxp');
  const policy = policies[q.direction];
  const otherDirection = q.direction === 'download' ? 'upload' : 'download';
  const others = useQueueStore((s) => othersWaitingForAnswer(s.items, q.itemId));
  const answer = (c: OverwriteChoice) => {
    const base = { questionId: q.questionId, choice: c, applyToAll: all, ...(all && untilEmpty ? { untilQueueEmpty: true } : {}), ...(all && onlyThisDirection ? { onlyThisDirection: true } : {}) };
    if (c !== 'rename') return void actions.answerQuestion(base);
    // Rename asks for the name (FileZilla's does): checked here as typed, then by main, which has the last word.
    const problem = renameProblem(newName, targetName(q.target.path, q.direction));
    if (problem !== null) {
      setNameProblem(renameRefusal(`queue.rename.${problem}`, newName));
      nameField.current?.focus();
      return;
    }
    if (sending.current) return;
    sending.current = true;
    void actions.answerQuestion({ ...base, newName }).then((refused) => {
      sending.current = false;
      if (!refused) return;
      setNameProblem(refused);
      nameField.current?.focus();
    });
  };
  const side = (label: MessageKey, f: OverwriteQuestion['source']) => (
    <div className="file-facts">
      <strong>{t(label)}</strong>
      <code title={f.path}>{f.path}</code>
      <span>
        {formatSize(f.size, t.locale) || t('overwrite.unknownSize')} · {formatFactsDate(f) || t('overwrite.unknownDate')}
      </span>
    </div>
  );
  return (
    <Dialog title={t('overwrite.title')} onClose={() => void actions.answerQuestion({ questionId: q.questionId, choice: 'skip', applyToAll: false })} className="overwrite">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          answer(choice);
        }}
      >
        <p className="dialog-message">{t(copying ? 'overwrite.introCopy' : q.direction === 'upload' ? 'overwrite.introUpload' : 'overwrite.introDownload')}</p>
        {side('overwrite.source', q.source)}
        {side('overwrite.target', q.target)}
        <fieldset className="radio-group" role="radiogroup" aria-labelledby="ow-legend">
          <legend id="ow-legend">{t('overwrite.action')}</legend>
          {CHOICES.map((c) => (
            <label key={c} className="radio">
              <input type="radio" name="ow-choice" value={c} checked={choice === c} data-autofocus={c === choice && c !== 'rename' ? true : undefined} onChange={() => setChoice(c)} />
              <span>{t(`policy.${c}`)}</span>
            </label>
          ))}
        </fieldset>
        {choice === 'rename' ? (
          <div className="field">
            <label htmlFor="ow-new-name">{t('overwrite.newName')}</label>
            <input
              id="ow-new-name"
              ref={nameField}
              type="text"
              value={newName}
              spellCheck={false}
              data-autofocus={q.renameTaken !== undefined ? true : undefined}
              aria-invalid={nameProblem !== null && q.renameTaken === undefined ? true : undefined}
              aria-describedby="ow-new-name-about"
              onChange={(e) => {
                setNewName(e.target.value);
                setNameProblem(null);
              }}
            />
            <span id="ow-new-name-about" className={nameProblem ? 'field-error' : 'help'}>
              {nameProblem ? shownRefusal(nameProblem, t) : all ? t('overwrite.renameOthers') : t('overwrite.renameThisOnly')}
            </span>
          </div>
        ) : null}
        <label className="checkbox">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
          <span>{t('overwrite.applyAll')}</span>
        </label>
        {/* FileZilla's "Apply to current queue only": else the answer stays the policy, later transfers both ways too. */}
        <label className="checkbox nested">
          <input type="checkbox" checked={untilEmpty} disabled={!all} onChange={(e) => setUntilEmpty(e.target.checked)} />
          <span>{t('overwrite.untilQueueEmpty', { policy: t(`policy.${policy}`) })}</span>
        </label>
        {/* FileZilla's "Apply only to downloads/uploads": the other direction keeps its own policy. */}
        <label className="checkbox nested">
          <input type="checkbox" checked={onlyThisDirection} disabled={!all} onChange={(e) => setOnlyThisDirection(e.target.checked)} />
          <span>{t(q.direction === 'download' ? 'overwrite.onlyDownloads' : 'overwrite.onlyUploads', { policy: t(`policy.${policies[otherDirection]}`) })}</span>
        </label>
        {others > 0 ? <p className="dialog-message">{t.plural('overwrite.othersWaiting', others, { count: formatCount(t.language, others) })}</p> : null}
        <div className="dialog-buttons">
          <span className="spacer" />
          <button type="submit" className="button primary">
            {t('common.ok')}
          </button>
          {/* With "Always do this" ticked, Skip skips the others too: it skipped this file alone and asked the 49 more. */}
          <button type="button" className="button" onClick={() => answer('skip')}>
            {t('policy.skip')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** A refusal of the name typed for Rename: the sentences main refuses it with (its own, or the dialog's check's). */
type RenameRefusal = Pick<FerryErrorData, 'message' | 'hint' | 'text'>;

function renameRefusal(id: ErrorTextId, name: string): RenameRefusal {
  return sentences(id, 'queue.rename.hint', { name: shownName(name, 'in-quotes') });
}

/** The refusal and its fix in the window's language, as one text under the field. */
function shownRefusal(refusal: RenameRefusal, t: Translator): string {
  const { message, hint } = localizeError(refusal, t.language);
  return t('log.twoSentences', { first: message, second: hint });
}

/** Every small dialog the stores ask for; the top-most request wins the keyboard. */
export function DialogHost(): ReactElement {
  const confirm = useUiStore((s) => s.confirm);
  const prompt = useUiStore((s) => s.prompt);
  const chmod = useUiStore((s) => s.chmod);
  const masterPassword = useUiStore((s) => s.masterPassword);
  const question = useQueueStore((s) => s.questions[0]);
  return (
    <>
      <CertificateDialog />
      <FingerprintDialog />
      {question ? <OverwriteDialog key={question.questionId} q={question} /> : null}
      {chmod ? <ChmodDialog req={chmod} /> : null}
      {prompt ? <PromptDialog key={prompt.title + prompt.label} req={prompt} /> : null}
      <EditDialogs />
      {masterPassword ? <MasterPasswordDialog req={masterPassword} /> : null}
      {confirm ? <ConfirmDialog req={confirm} /> : null}
    </>
  );
}
