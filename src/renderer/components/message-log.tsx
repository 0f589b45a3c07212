/**
 * The message log: the command/reply transcript (passwords already masked by main), commands and
 * replies in different colours, errors in red with their hint underneath. Sticks to the bottom
 * while new lines arrive unless the user scrolled up. Copy and Clear.
 */
import { memo, useLayoutEffect, useRef, type ReactElement } from 'react';
import * as actions from '../actions';
import { useT } from '../i18n';
import { formatClock } from '../lib/format';
import { localizeLogLine } from '../lib/localize-log';
import { selectTextOf } from '../lib/select-text';
import { useLogStore, type LogEntry } from '../stores/log-store';
import type { Language } from '../../shared/models';
import { Icon } from './icons';

/** Only the newest lines are drawn; the store keeps more for Copy. */
const SHOWN = 1500;

/** One line; memoized so a new batch renders only the new lines. */
const LogRow = memo(function LogRow({ line, kind, language }: { readonly line: LogEntry; readonly kind: string; readonly language: Language }): ReactElement {
  const shown = localizeLogLine(line, language);
  return (
    <div className={`log-line log-${line.kind}`}>
      <span className="log-time">{formatClock(line.at)}</span>
      <span className="log-kind">{kind}</span>
      <span className="log-text">
        {shown.text}
        {shown.hint ? <span className="log-hint">{shown.hint}</span> : null}
      </span>
    </div>
  );
});

export function MessageLog(): ReactElement {
  const t = useT();
  const lines = useLogStore((s) => s.lines);
  const shown = lines.length > SHOWN ? lines.slice(lines.length - SHOWN) : lines;
  const scrollRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [lines]);

  const kindLabel = {
    command: t('log.kind.command'),
    reply: t('log.kind.reply'),
    info: t('log.kind.info'),
    error: t('log.kind.error'),
  } as const;

  return (
    <section className="message-log" role="region" aria-label={t('log.title')}>
      <div className="panel-header">
        <h2 className="panel-title">{t('log.title')}</h2>
        <div className="panel-tools">
          <button type="button" className="icon-button" aria-label={t('log.copy')} title={t('log.copy')} onClick={() => void actions.copyLog()} disabled={lines.length === 0}>
            <Icon name="copy" />
          </button>
          <button type="button" className="icon-button" aria-label={t('log.clear')} title={t('log.clear')} onClick={actions.clearLog} disabled={lines.length === 0}>
            <Icon name="clear" />
          </button>
        </div>
      </div>
      <div
        ref={scrollRef}
        className="log-lines"
        role="log"
        aria-label={t('log.title')}
        // A log, read on demand (focus it, arrows), not spoken as it grows: role="log" is live by default, so every
        // command and reply was announced — dozens a listing — and each error twice, here and by its alert toast.
        aria-live="off"
        tabIndex={0}
        data-select-text
        onKeyDown={(e) => {
          // Ctrl+A: the log's lines, not the whole window (then Ctrl+C copies them).
          if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'a') {
            e.preventDefault();
            selectTextOf(e.currentTarget);
          }
        }}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {shown.length === 0 ? <div className="log-empty">{t('log.empty')}</div> : null}
        {shown.map((l) => (
          <LogRow key={l.id} line={l} kind={kindLabel[l.kind]} language={t.language} />
        ))}
      </div>
    </section>
  );
}
