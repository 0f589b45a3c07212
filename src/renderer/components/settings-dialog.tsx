/**
 * Settings: language, theme (follow the system or force light/dark), default transfer mode,
 * active mode's local port range and external address, passive mode's address policy, and the
 * default connection limit, and the speed limits (KiB/s, download and upload, each shared by all transfers of
 * that direction). Validated inline; saved with one settings:set on OK.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import * as actions from '../actions';
import { editorCommandProblem } from '../../shared/editor-command';
import { editorProgram, withEditorProgram } from '../lib/editor-program';
import type { FileChoiceKind } from '../lib/file-chooser';
import { isHostOrAddress } from '../../shared/host-address';
import { skipPatternProblem } from '../../shared/skip-list';
import { displayLanguage, LANGUAGES, useT } from '../i18n';
import { MAX_LOG_FILE_MIB, MAX_SPEED_LIMIT_KIBPS, MAX_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS, type LanguageSetting, type Settings, type Theme } from '../../shared/models';
import { normalizeExtension, type TransferType } from '../../shared/transfer-type';
import type { TransferMode } from '../../shared/errors';
import { speedLimitDraft, speedLimitValue, validSpeedLimit, type SpeedLimitDraft } from '../lib/speed-limit';
import { proxyDraft, proxyPasswordChange, proxyProblems, proxyValue, type ProxyChoice, type ProxyDraft, type ProxyProblem } from '../lib/proxy-form';
import { useSettingsStore } from '../stores/settings-store';
import { askNotificationPermission } from '../lib/desktop-notice';
import { queueDoneEffects } from '../lib/queue-done';
import { Dialog } from './dialog';
import { ChooseFileButton } from './file-chooser-dialog';
import { PasswordSettings } from './password-settings';

export interface Draft {
  readonly language: LanguageSetting;
  readonly theme: Theme;
  readonly startup: Settings['startup'];
  readonly queueDoneAction: Settings['queueDoneAction'];
  readonly defaultTransferMode: TransferMode;
  readonly limitPorts: boolean;
  readonly portFrom: string;
  readonly portTo: string;
  readonly externalAddress: string;
  readonly externalAddressUrl: string;
  readonly externalAddressForLocalServers: boolean;
  readonly passiveAddressPolicy: Settings['passiveAddressPolicy'];
  readonly connectionLimit: string;
  readonly editorCommand: string;
  readonly downloadLimit: SpeedLimitDraft;
  readonly uploadLimit: SpeedLimitDraft;
  readonly proxy: ProxyDraft;
  /** The skip list, one pattern per line. */
  readonly skipList: string;
  readonly compression: boolean;
  readonly logToFile: boolean;
  readonly logFile: string;
  readonly logFileLimit: string;
  readonly transferType: TransferType;
  readonly preserveTimestamps: boolean;
  readonly timeout: string;
  /** Auto's text types, separated by spaces or commas. */
  readonly asciiExtensions: string;
}

/** A log file and an editor program can have any name: "Choose…" beside them lists all files. */
const ANY_FILE: readonly FileChoiceKind[] = ['all'];

type DraftError = 'portFrom' | 'portTo' | 'portOrder' | 'externalAddress' | 'externalAddressUrl' | 'connectionLimit' | 'timeout' | 'editorCommand' | 'downloadLimit' | 'uploadLimit' | 'skipList' | 'logFile' | 'logFileLimit' | 'asciiExtensions' | ProxyProblem;

/** The text types as typed ("txt, .html  PHP"): each word, normalized; null for a word that is not an extension. */
function extensionWords(text: string): (string | null)[] {
  return text
    .split(/[\s,;]+/)
    .filter((word) => word !== '')
    .map(normalizeExtension);
}

/** An absolute path on any platform main may run on: /…, C:\… or C:/…, or a \\server\share path. */
function absolutePath(text: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(text);
}

function validPort(text: string): boolean {
  return /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 65535;
}

export function validateSettingsDraft(d: Draft): Set<DraftError> {
  const errors = new Set<DraftError>();
  if (d.limitPorts) {
    if (!validPort(d.portFrom)) errors.add('portFrom');
    if (!validPort(d.portTo)) errors.add('portTo');
    if (validPort(d.portFrom) && validPort(d.portTo) && Number(d.portFrom) > Number(d.portTo)) errors.add('portOrder');
  }
  if (d.externalAddress.trim() !== '' && !isHostOrAddress(d.externalAddress.trim())) errors.add('externalAddress');
  if (d.externalAddressUrl.trim() !== '' && !/^https?:\/\/[^\s/]+(\/\S*)?$/i.test(d.externalAddressUrl.trim())) errors.add('externalAddressUrl');
  const n = Number(d.connectionLimit);
  if (!/^\d+$/.test(d.connectionLimit.trim()) || n < 1 || n > 10) errors.add('connectionLimit');
  const seconds = Number(d.timeout);
  if (!/^\d+$/.test(d.timeout.trim()) || seconds < MIN_TIMEOUT_SECONDS || seconds > MAX_TIMEOUT_SECONDS) errors.add('timeout');
  // Empty is fine (the system's default app); otherwise main must be able to split it the same way.
  if (d.editorCommand.trim() !== '' && editorCommandProblem(d.editorCommand.trim()) !== null) errors.add('editorCommand');
  if (!validSpeedLimit(d.downloadLimit)) errors.add('downloadLimit');
  if (!validSpeedLimit(d.uploadLimit)) errors.add('uploadLimit');
  for (const problem of proxyProblems(d.proxy)) errors.add(problem);
  if (skipLines(d.skipList).some((pattern) => skipPatternProblem(pattern) !== null)) errors.add('skipList');
  if (d.logToFile && !absolutePath(d.logFile.trim())) errors.add('logFile');
  const limit = Number(d.logFileLimit);
  if (d.logToFile && (!/^\d+$/.test(d.logFileLimit.trim()) || limit < 1 || limit > MAX_LOG_FILE_MIB)) errors.add('logFileLimit');
  if (extensionWords(d.asciiExtensions).some((extension) => extension === null)) errors.add('asciiExtensions');
  return errors;
}

/**
 * The fields of `next` that differ from the settings the dialog opened with. Saving all of them would write back
 * what another window or `ferry settings set` changed meanwhile (the stale values shown here).
 */
export function changedSettings(opened: Settings, next: Partial<Settings>): Partial<Settings> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(value) !== JSON.stringify(opened[key as keyof Settings])) patch[key] = value;
  }
  return patch as Partial<Settings>;
}

/**
 * Scroll the first invalid field (else its message) into the dialog's view and focus it: the body scrolls, and
 * OK pressed with the problem out of sight otherwise seemed to do nothing.
 */
function showFirstInvalidField(form: HTMLFormElement | null): void {
  const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.field-error') ?? null;
  if (field === null) return;
  // Its label and message too, in the middle of the body.
  (field.closest<HTMLElement>('.field') ?? field).scrollIntoView({ block: 'center' });
  field.focus({ preventScroll: true });
}

/** The draft of the settings as they are: what the dialog shows when it opens. */
export function settingsDraft(settings: Settings): Draft {
  return {
    language: settings.language,
    theme: settings.theme,
    startup: settings.startup,
    queueDoneAction: settings.queueDoneAction,
    defaultTransferMode: settings.defaultTransferMode,
    limitPorts: settings.activePortRange !== null,
    portFrom: String(settings.activePortRange?.[0] ?? 50000),
    portTo: String(settings.activePortRange?.[1] ?? 51000),
    externalAddress: settings.activeExternalAddress ?? '',
    externalAddressUrl: settings.activeExternalAddressUrl ?? '',
    externalAddressForLocalServers: settings.externalAddressForLocalServers,
    passiveAddressPolicy: settings.passiveAddressPolicy,
    connectionLimit: String(settings.defaultConnectionLimit),
    editorCommand: settings.editorCommand ?? '',
    downloadLimit: speedLimitDraft(settings.downloadLimitKiBps),
    uploadLimit: speedLimitDraft(settings.uploadLimitKiBps),
    proxy: proxyDraft(settings.proxy),
    skipList: settings.skipList.join('\n'),
    compression: settings.compression,
    logToFile: settings.logFile !== null,
    logFile: settings.logFile ?? '',
    logFileLimit: String(settings.logFileLimitMiB),
    transferType: settings.transferType,
    preserveTimestamps: settings.preserveTimestamps,
    asciiExtensions: settings.asciiExtensions.join(' '),
    timeout: String(settings.timeoutSeconds),
  };
}

/**
 * Whether the user changed anything in the dialog: Cancel and Escape ask before dropping it (a stray Escape lost
 * every edit silently, found in the Settings QA pass). A field typed back to what it was is no change.
 */
export function draftChanged(opened: Draft, now: Draft): boolean {
  return JSON.stringify(opened) !== JSON.stringify(now);
}

export function SettingsDialog(): ReactElement {
  const t = useT();
  const settings = useSettingsStore((s) => s.settings);
  /** The settings the draft started from: OK saves only what differs, not every field shown. */
  const [opened] = useState(settings);
  const id = useId();
  const [openedDraft] = useState<Draft>(() => settingsDraft(settings));
  const [d, setD] = useState<Draft>(openedDraft);
  const proxySaved = useProxyPasswordSaved();
  const [submitted, setSubmitted] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  /** Bumped by OK with an invalid field: once its message is on screen, show and focus the first one. */
  const [invalidOk, setInvalidOk] = useState(0);
  useEffect(() => {
    if (invalidOk > 0) showFirstInvalidField(form.current);
  }, [invalidOk]);
  const errors = validateSettingsDraft(d);
  const show = (e: DraftError) => submitted && errors.has(e);
  const errorId = (e: DraftError) => `${id}-error-${e}`;
  /**
   * A field's invalid state and its message as its description: OK focuses the first invalid field, and a screen
   * reader then read "invalid entry" with no word of what is wrong (the message sat beside it, unlinked).
   */
  const invalid = (...problems: DraftError[]): { 'aria-invalid'?: true; 'aria-describedby'?: string } => {
    const shown = problems.filter(show);
    // Both port fields share one range message (the one of portFrom).
    const ids = [...new Set(shown.map((e) => errorId(e === 'portTo' ? 'portFrom' : e)))];
    return shown.length === 0 ? {} : { 'aria-invalid': true, 'aria-describedby': ids.join(' ') };
  };
  const message = (e: DraftError, text: string): ReactElement | null =>
    show(e) ? (
      <span id={errorId(e)} className="field-error">
        {text}
      </span>
    ) : null;
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (errors.size > 0) {
      setInvalidOk((n) => n + 1);
      return;
    }
    const ok = await actions.saveSettings(changedSettings(opened, {
      language: d.language,
      theme: d.theme,
      startup: d.startup,
      queueDoneAction: d.queueDoneAction,
      defaultTransferMode: d.defaultTransferMode,
      activePortRange: d.limitPorts ? [Number(d.portFrom), Number(d.portTo)] : null,
      activeExternalAddress: d.externalAddress.trim() || null,
      activeExternalAddressUrl: d.externalAddressUrl.trim() || null,
      externalAddressForLocalServers: d.externalAddressForLocalServers,
      passiveAddressPolicy: d.passiveAddressPolicy,
      defaultConnectionLimit: Number(d.connectionLimit),
      editorCommand: d.editorCommand.trim() || null,
      downloadLimitKiBps: speedLimitValue(d.downloadLimit),
      uploadLimitKiBps: speedLimitValue(d.uploadLimit),
      proxy: proxyValue(d.proxy),
      skipList: skipLines(d.skipList),
      compression: d.compression,
      logFile: d.logToFile ? d.logFile.trim() : null,
      ...(d.logToFile ? { logFileLimitMiB: Number(d.logFileLimit) } : {}),
      transferType: d.transferType,
      preserveTimestamps: d.preserveTimestamps,
      asciiExtensions: [...new Set(extensionWords(d.asciiExtensions).filter((extension) => extension !== null))],
      timeoutSeconds: Number(d.timeout),
    }));
    const change = proxyPasswordChange(d.proxy);
    const passwordOk = ok && (change === null || (await actions.setProxyPassword(change.password)));
    if (ok && passwordOk) actions.closeSettings();
  };

  /** Cancel, Escape and the close button: edits are dropped only once the user says so. */
  const cancel = async () => {
    if (draftChanged(openedDraft, d) && !(await actions.confirm({ title: t('sm.discardTitle'), message: t('settings.discardMessage'), confirmLabel: t('sm.discard'), danger: true }))) return;
    actions.closeSettings();
  };

  return (
    <Dialog title={t('settings.title')} onClose={() => void cancel()} className="settings">
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        <div className="settings-body">
          <section className="settings-section" aria-labelledby={`${id}-general`}>
            <h3 id={`${id}-general`}>{t('settings.interface')}</h3>
            <div className="field-row">
              <div className="field">
                <label htmlFor={`${id}-lang`}>{t('settings.language')}</label>
                <select id={`${id}-lang`} value={d.language} onChange={(e) => set({ language: e.target.value as LanguageSetting })}>
                  <option value="system">{t('settings.language.system', { name: LANGUAGES.find((l) => l.id === displayLanguage('system'))?.name ?? '' })}</option>
                  {LANGUAGES.map((l) => (
                    <option key={l.id} value={l.id} lang={l.id}>
                      {l.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-theme`}>{t('settings.theme')}</label>
                <select id={`${id}-theme`} value={d.theme} onChange={(e) => set({ theme: e.target.value as Theme })}>
                  <option value="system">{t('settings.theme.system')}</option>
                  <option value="light">{t('settings.theme.light')}</option>
                  <option value="dark">{t('settings.theme.dark')}</option>
                </select>
              </div>
            </div>
            <div className="field">
              <label htmlFor={`${id}-startup`}>{t('settings.startup')}</label>
              <select id={`${id}-startup`} value={d.startup} onChange={(e) => set({ startup: e.target.value as Settings['startup'] })}>
                <option value="normal">{t('settings.startup.normal')}</option>
                <option value="site-manager">{t('settings.startup.siteManager')}</option>
                <option value="restore-tabs">{t('settings.startup.restoreTabs')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-queue-done`}>{t('settings.queueDone')}</label>
              <select
                id={`${id}-queue-done`}
                value={d.queueDoneAction}
                onChange={(e) => {
                  const action = e.target.value as Settings['queueDoneAction'];
                  // Asked now, while the choice is a user gesture: browsers refuse to ask later, from an event.
                  if (queueDoneEffects(action).notify) askNotificationPermission();
                  set({ queueDoneAction: action });
                }}
              >
                <option value="none">{t('settings.queueDone.none')}</option>
                <option value="notify">{t('settings.queueDone.notify')}</option>
                <option value="sound">{t('settings.queueDone.sound')}</option>
                <option value="notify-sound">{t('settings.queueDone.notifySound')}</option>
              </select>
            </div>
          </section>
          <section className="settings-section" aria-labelledby={`${id}-transfer`}>
            <h3 id={`${id}-transfer`}>{t('settings.connection')}</h3>
            <fieldset className="radio-group" role="radiogroup" aria-labelledby={`${id}-mode`}>
              <legend id={`${id}-mode`}>{t('settings.defaultMode')}</legend>
              {(['passive', 'active'] as const).map((m) => (
                <label key={m} className="radio">
                  <input type="radio" name={`${id}-mode`} checked={d.defaultTransferMode === m} onChange={() => set({ defaultTransferMode: m })} />
                  <span>{t(m === 'passive' ? 'mode.passive' : 'mode.active')}</span>
                </label>
              ))}
            </fieldset>
            <div className="field narrow">
              <label htmlFor={`${id}-limit`}>{t('settings.connectionLimit')}</label>
              <input id={`${id}-limit`} type="number" min={1} max={10} value={d.connectionLimit} {...invalid('connectionLimit')} onChange={(e) => set({ connectionLimit: e.target.value })} />
              {message('connectionLimit', t('validation.connectionLimit'))}
            </div>
            <div className="field narrow">
              <label htmlFor={`${id}-timeout`}>{t('settings.timeout')}</label>
              <input id={`${id}-timeout`} inputMode="numeric" value={d.timeout} {...invalid('timeout')} onChange={(e) => set({ timeout: e.target.value })} />
              {message('timeout', t('validation.timeout', { min: MIN_TIMEOUT_SECONDS, max: MAX_TIMEOUT_SECONDS }))}
            </div>
            <label className="checkbox">
              <input type="checkbox" checked={d.compression} aria-describedby={`${id}-compression-help`} onChange={(e) => set({ compression: e.target.checked })} />
              <span>{t('settings.compression')}</span>
            </label>
            <span className="help" id={`${id}-compression-help`}>
              {t('settings.compressionHelp')}
            </span>
            <span className="help">{t('settings.appliesFromNow')}</span>
          </section>
          <section className="settings-section" aria-labelledby={`${id}-active`}>
            <h3 id={`${id}-active`}>{t('settings.activeMode')}</h3>
            <label className="checkbox">
              <input type="checkbox" checked={d.limitPorts} onChange={(e) => set({ limitPorts: e.target.checked })} />
              <span>{t('settings.limitPorts')}</span>
            </label>
            <div className="field-row">
              <div className="field narrow">
                <label htmlFor={`${id}-from`}>{t('settings.portFrom')}</label>
                <input id={`${id}-from`} inputMode="numeric" value={d.portFrom} disabled={!d.limitPorts} {...invalid('portFrom', 'portOrder')} onChange={(e) => set({ portFrom: e.target.value })} />
              </div>
              <div className="field narrow">
                <label htmlFor={`${id}-to`}>{t('settings.portTo')}</label>
                <input id={`${id}-to`} inputMode="numeric" value={d.portTo} disabled={!d.limitPorts} {...invalid('portTo', 'portOrder')} onChange={(e) => set({ portTo: e.target.value })} />
              </div>
            </div>
            {show('portFrom') || show('portTo') ? (
              <span id={errorId('portFrom')} className="field-error">
                {t('validation.portRange')}
              </span>
            ) : null}
            {message('portOrder', t('validation.portOrder'))}
            <div className="field">
              <label htmlFor={`${id}-ext`}>{t('settings.externalAddress')}</label>
              <input id={`${id}-ext`} value={d.externalAddress} placeholder={t('settings.externalPlaceholder')} spellCheck={false} {...invalid('externalAddress')} onChange={(e) => set({ externalAddress: e.target.value })} />
              {message('externalAddress', t('validation.address'))}
              <span className="help">{t('settings.externalHelp')}</span>
            </div>
            <div className="field">
              <label htmlFor={`${id}-ext-url`}>{t('settings.externalUrl')}</label>
              <input id={`${id}-ext-url`} value={d.externalAddressUrl} placeholder="https://ip.filezilla-project.org/ip.php" spellCheck={false} {...invalid('externalAddressUrl')} onChange={(e) => set({ externalAddressUrl: e.target.value })} />
              {message('externalAddressUrl', t('validation.url'))}
            </div>
            <label className="checkbox">
              <input type="checkbox" checked={d.externalAddressForLocalServers} onChange={(e) => set({ externalAddressForLocalServers: e.target.checked })} />
              <span>{t('settings.externalForLocal')}</span>
            </label>
            <span className="help">{t('settings.appliesFromNow')}</span>
          </section>
          <section className="settings-section" aria-labelledby={`${id}-passive`}>
            <h3 id={`${id}-passive`}>{t('settings.passiveMode')}</h3>
            <fieldset className="radio-group" role="radiogroup" aria-labelledby={`${id}-policy`}>
              <legend id={`${id}-policy`}>{t('settings.passivePolicy')}</legend>
              <label className="radio">
                <input type="radio" name={`${id}-policy`} checked={d.passiveAddressPolicy === 'server-address'} onChange={() => set({ passiveAddressPolicy: 'server-address' })} />
                <span>{t('settings.policy.server')}</span>
              </label>
              <label className="radio">
                <input type="radio" name={`${id}-policy`} checked={d.passiveAddressPolicy === 'announced-address'} onChange={() => set({ passiveAddressPolicy: 'announced-address' })} />
                <span>{t('settings.policy.announced')}</span>
              </label>
            </fieldset>
            <span className="help">{t('settings.appliesFromNow')}</span>
          </section>
          <section className="settings-section" aria-labelledby={`${id}-skip`}>
            <h3 id={`${id}-skip`}>{t('settings.skipList')}</h3>
            <div className="field">
              <label htmlFor={`${id}-skip-list`}>{t('settings.skipListLabel')}</label>
              <textarea id={`${id}-skip-list`} rows={3} value={d.skipList} spellCheck={false} placeholder={'Thumbs.db\n.DS_Store\n*.tmp'} {...invalid('skipList')} onChange={(e) => set({ skipList: e.target.value })} />
              {message('skipList', t('validation.skipList'))}
              <span className="help">{t('settings.skipListHelp')}</span>
            </div>
          </section>
          <section className="settings-section" aria-labelledby={`${id}-type`}>
            <h3 id={`${id}-type`}>{t('settings.transferType')}</h3>
            <fieldset className="radio-group" role="radiogroup" aria-labelledby={`${id}-type-legend`}>
              <legend id={`${id}-type-legend`}>{t('settings.transferTypeLegend')}</legend>
              {(['binary', 'ascii', 'auto'] as const).map((type) => (
                <label key={type} className="radio">
                  <input type="radio" name={`${id}-type`} checked={d.transferType === type} onChange={() => set({ transferType: type })} />
                  <span>{t(`settings.transferType.${type}`)}</span>
                </label>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor={`${id}-ascii-types`}>{t('settings.asciiExtensions')}</label>
              <textarea id={`${id}-ascii-types`} rows={2} value={d.asciiExtensions} spellCheck={false} disabled={d.transferType !== 'auto'} {...invalid('asciiExtensions')} onChange={(e) => set({ asciiExtensions: e.target.value })} />
              {message('asciiExtensions', t('validation.asciiExtensions'))}
              <span className="help">{t('settings.transferTypeHelp')}</span>
            </div>
            <label className="checkbox">
              <input type="checkbox" checked={d.preserveTimestamps} onChange={(e) => set({ preserveTimestamps: e.target.checked })} />
              <span>{t('settings.preserveTimestamps')}</span>
            </label>
          </section>
          <section className="settings-section" aria-labelledby={`${id}-logging`}>
            <h3 id={`${id}-logging`}>{t('settings.logging')}</h3>
            <label className="checkbox">
              <input type="checkbox" checked={d.logToFile} onChange={(e) => set({ logToFile: e.target.checked })} />
              <span>{t('settings.logToFile')}</span>
            </label>
            <div className="field-row">
              <div className="field">
                <label htmlFor={`${id}-log-file`}>{t('settings.logFile')}</label>
                <div className="input-with-button">
                  <input id={`${id}-log-file`} value={d.logFile} disabled={!d.logToFile} spellCheck={false} placeholder={t('settings.logFilePlaceholder')} {...invalid('logFile')} onChange={(e) => set({ logFile: e.target.value })} />
                  <ChooseFileButton fieldLabel={t('settings.logFile')} value={d.logFile} kinds={ANY_FILE} allowNew disabled={!d.logToFile} onChoose={(path) => set({ logFile: path })} />
                </div>
              </div>
              <div className="field narrow">
                <label htmlFor={`${id}-log-limit`}>{t('settings.logFileLimit')}</label>
                <input id={`${id}-log-limit`} inputMode="numeric" value={d.logFileLimit} disabled={!d.logToFile} {...invalid('logFileLimit')} onChange={(e) => set({ logFileLimit: e.target.value })} />
              </div>
            </div>
            {message('logFile', t('validation.logFile'))}
            {message('logFileLimit', t('validation.logFileLimit', { max: MAX_LOG_FILE_MIB }))}
            <span className="help">{t('settings.logFileHelp')}</span>
          </section>
          <section className="settings-section" aria-labelledby={`${id}-proxy`}>
            <h3 id={`${id}-proxy`}>{t('settings.proxy')}</h3>
            <div className="field">
              <label htmlFor={`${id}-proxy-type`}>{t('settings.proxyType')}</label>
              <select id={`${id}-proxy-type`} value={d.proxy.type} onChange={(e) => set({ proxy: { ...d.proxy, type: e.target.value as ProxyChoice } })}>
                {PROXY_CHOICES.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(`settings.proxyType.${choice}`)}
                  </option>
                ))}
              </select>
            </div>
            {d.proxy.type !== 'none' ? (
              <>
                <div className="field-row">
                  <div className="field">
                    <label htmlFor={`${id}-proxy-host`}>{t('settings.proxyHost')}</label>
                    <input id={`${id}-proxy-host`} value={d.proxy.host} spellCheck={false} {...invalid('proxyHost')} onChange={(e) => set({ proxy: { ...d.proxy, host: e.target.value } })} />
                    {message('proxyHost', t('validation.proxyHost'))}
                  </div>
                  <div className="field narrow">
                    <label htmlFor={`${id}-proxy-port`}>{t('settings.proxyPort')}</label>
                    <input id={`${id}-proxy-port`} value={d.proxy.port} inputMode="numeric" placeholder={String(d.proxy.type === 'http' ? 8080 : 1080)} {...invalid('proxyPort')} onChange={(e) => set({ proxy: { ...d.proxy, port: e.target.value } })} />
                    {message('proxyPort', t('validation.portRange'))}
                  </div>
                </div>
                {d.proxy.type !== 'socks4' ? (
                  <div className="field-row">
                    <div className="field">
                      <label htmlFor={`${id}-proxy-user`}>{t('settings.proxyUser')}</label>
                      <input id={`${id}-proxy-user`} value={d.proxy.user} spellCheck={false} autoComplete="off" onChange={(e) => set({ proxy: { ...d.proxy, user: e.target.value } })} />
                    </div>
                    <div className="field">
                      <label htmlFor={`${id}-proxy-password`}>{t('settings.proxyPassword')}</label>
                      <input id={`${id}-proxy-password`} type="password" value={d.proxy.password} autoComplete="new-password" disabled={d.proxy.user.trim() === ''} placeholder={proxySaved ? t('settings.proxyPasswordSaved') : ''} onChange={(e) => set({ proxy: { ...d.proxy, password: e.target.value } })} />
                    </div>
                  </div>
                ) : null}
                {proxySaved ? (
                  <label className="checkbox">
                    <input type="checkbox" checked={d.proxy.forgetPassword} onChange={(e) => set({ proxy: { ...d.proxy, forgetPassword: e.target.checked } })} />
                    <span>{t('settings.proxyForget')}</span>
                  </label>
                ) : null}
              </>
            ) : null}
            <span className="help">{t('settings.proxyHelp')}</span>
            <span className="help">{t('settings.appliesFromNow')}</span>
          </section>
          <PasswordSettings />
          <section className="settings-section" aria-labelledby={`${id}-editing`}>
            <h3 id={`${id}-editing`}>{t('settings.editing')}</h3>
            <div className="field">
              <label htmlFor={`${id}-editor`}>{t('settings.editorCommand')}</label>
              <div className="input-with-button">
                <input id={`${id}-editor`} value={d.editorCommand} placeholder={t('settings.editorPlaceholder')} spellCheck={false} {...invalid('editorCommand')} onChange={(e) => set({ editorCommand: e.target.value })} />
                <ChooseFileButton fieldLabel={t('settings.editorCommand')} value={editorProgram(d.editorCommand)} kinds={ANY_FILE} onChoose={(path) => set({ editorCommand: withEditorProgram(d.editorCommand, path) })} />
              </div>
              {message('editorCommand', t('validation.editorQuote'))}
              <span className="help">{t('settings.editorHelp')}</span>
            </div>
          </section>
          <section className="settings-section" aria-labelledby={`${id}-speed`}>
            <h3 id={`${id}-speed`}>{t('settings.speedLimits')}</h3>
            {(
              [
                ['downloadLimit', 'settings.limitDownload', 'settings.downloadRate'],
                ['uploadLimit', 'settings.limitUpload', 'settings.uploadRate'],
              ] as const
            ).map(([field, checkLabel, rateLabel]) => (
              <div key={field} className="field-row">
                <label className="checkbox">
                  <input type="checkbox" checked={d[field].enabled} onChange={(e) => set({ [field]: { ...d[field], enabled: e.target.checked } })} />
                  <span>{t(checkLabel)}</span>
                </label>
                <div className="field narrow">
                  <label htmlFor={`${id}-${field}`}>{t(rateLabel)}</label>
                  <input id={`${id}-${field}`} type="number" min={1} max={MAX_SPEED_LIMIT_KIBPS} value={d[field].text} disabled={!d[field].enabled} {...invalid(field)} onChange={(e) => set({ [field]: { ...d[field], text: e.target.value } })} />
                  {message(field, t('validation.speedLimit', { max: MAX_SPEED_LIMIT_KIBPS }))}
                </div>
              </div>
            ))}
            <span className="help">{t('settings.speedHelp')}</span>
          </section>
        </div>
        <div className="dialog-buttons">
          <span className="spacer" />
          <button type="submit" className="button primary">
            {t('common.ok')}
          </button>
          <button type="button" className="button" onClick={() => void cancel()}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

const PROXY_CHOICES: readonly ProxyChoice[] = ['none', 'socks5', 'socks4', 'http'];

/** Whether main holds a proxy password (it never sends the password itself). */
function useProxyPasswordSaved(): boolean {
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    let live = true;
    void actions.proxyPasswordSaved().then((value) => live && setSaved(value));
    return () => {
      live = false;
    };
  }, []);
  return saved;
}

/** The skip list's lines, trimmed, blank ones dropped. */
function skipLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
