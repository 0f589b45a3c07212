/**
 * The status bar: connection state, TLS on/off (the certificate fingerprint on click), the transfer
 * mode and data command in use (PASV/EPSV or PORT/EPRT), the speed limits when on, and the queue's totals.
 */
import { useMemo, type ReactElement } from 'react';
import { formatCount, useT, type Translator } from '../i18n';
import { formatDuration, formatRate, formatSize } from '../../shared/size-format';
import { localizeError } from '../lib/localize-error';
import { queueTimeLeft, queueTotals, type QueueTotals } from '../lib/queue-view';
import { useEditStore } from '../stores/edit-store';
import { formatLimit } from '../lib/speed-limit';
import { useSettingsStore } from '../stores/settings-store';
import { useQueueStore } from '../stores/queue-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { Icon } from './icons';

/**
 * "Queue: 3 files, 12 MB", "Queue: 3 files and 1 folder, 12 MB" or "Queue: 1 folder": a folder not yet expanded is
 * no file, and its size is not known until it is (it adds nothing to the size).
 */
function queueCountText(t: Translator, totals: QueueTotals): string {
  if (totals.queued === 0) return t('status.queueEmpty');
  const size = formatSize(totals.bytesLeft, t.locale);
  if (totals.folders === 0) return t.plural('status.queue', totals.files, { size });
  const folders = t.plural('status.queueFolders', totals.folders);
  if (totals.files === 0) return t('status.queueFoldersOnly', { folders });
  return t('status.queueMixed', { files: t.plural('status.queueFiles', totals.files), folders, size });
}

export function StatusBar(): ReactElement {
  const t = useT();
  const status = useSessionStore((s) => s.status);
  const connecting = useSessionStore((s) => s.connecting);
  const items = useQueueStore((s) => s.items);
  const progress = useQueueStore((s) => s.progress);
  const totals = useMemo(() => queueTotals(items, progress), [items, progress]);
  const timeLeft = queueTimeLeft(totals);
  const editing = useEditStore((s) => s.files.length);
  const downLimit = useSettingsStore((s) => s.settings.downloadLimitKiBps);
  const upLimit = useSettingsStore((s) => s.settings.uploadLimitKiBps);
  const limits = [
    downLimit !== null ? t('status.limitDown', { rate: formatLimit(downLimit, t.locale) }) : null,
    upLimit !== null ? t('status.limitUp', { rate: formatLimit(upLimit, t.locale) }) : null,
  ].filter((part): part is string => part !== null);
  const connected = status?.state === 'connected';
  // Connected with an error: the server or the network dropped the link; the session reconnects on demand.
  const dropped = connected && status.error !== null;

  // An unknown or changed certificate waits for the user: the attempt stopped there, it did not fail ("Connection
  // failed" showed under the question).
  const certificateAsked = useUiStore((s) => s.certificate !== null);

  const state = connecting
    ? t('status.connecting')
    : certificateAsked
    ? t('status.certificateAsked')
    : dropped
      ? t('status.dropped', { label: status.label || status.host })
      : connected
      ? t('status.connected', { label: status.label || status.host })
      : status?.state === 'failed'
        ? t('status.failed')
        : t('status.disconnected');

  const mode = connected
    ? status.dataCommand
      ? t(status.transferMode === 'active' ? 'status.modeActiveWith' : 'status.modePassiveWith', { command: status.dataCommand })
      : t(status.transferMode === 'active' ? 'status.modeActive' : 'status.modePassive')
    : null;

  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <span className={`status-item status-state${connected && !dropped ? ' is-on' : ''}`} role="status" title={dropped && status.error ? `${state}: ${localizeError(status.error, t.language).message}` : state}>
        <span className="dot" aria-hidden="true" />
        <span className="status-text">{state}</span>
      </span>
      {connected ? (
        <button
          type="button"
          className={`status-item status-tls${status.secure ? ' is-on' : ' is-off'}`}
          onClick={() => useUiStore.setState({ fingerprintOpen: true })}
          disabled={!status.secure}
          title={status.secure ? t('status.tlsShow') : t('status.tlsOffTitle')}
        >
          <Icon name={status.secure ? 'lock' : 'unlock'} size={14} />
          {status.secure ? t('status.tlsOn') : t('status.tlsOff')}
        </button>
      ) : null}
      {mode ? <span className="status-item status-mode">{mode}</span> : null}
      {connected && status.compressed ? (
        <span className="status-item status-compressed" title={t('status.compressedTitle')}>
          {t('status.compressed')}
        </span>
      ) : null}
      <span className="status-spacer" />
      {editing > 0 ? (
        <button type="button" className="status-item status-editing" onClick={() => useEditStore.setState({ listOpen: true })}>
          <Icon name="rename" size={14} />
          {t.plural('status.editing', editing)}
        </button>
      ) : null}
      {limits.length > 0 ? (
        <span className="status-item status-limit" title={t('status.limitTitle')}>
          {t('status.limit', { limits: limits.join(' ') })}
        </span>
      ) : null}
      <span className="status-item status-queue">
        {queueCountText(t, totals)}
        {totals.rate > 0 ? ` · ${formatRate(totals.rate, t.locale)}` : ''}
        {timeLeft !== null ? ` · ${t('status.timeLeft', { time: formatDuration(timeLeft) })}` : ''}
        {totals.failed > 0 ? <span className="status-failed"> · {t('status.failedCount', { count: formatCount(t.language, totals.failed) })}</span> : null}
      </span>
    </footer>
  );
}
