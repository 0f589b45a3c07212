/**
 * "Clear private data" (FileZilla's Edit menu): a checkbox per part — the history ones ticked, the queue's finished
 * transfers and the sites' passwords left for the user to tick — then a confirm naming what goes (actions.ts).
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import * as actions from '../actions';
import { useT } from '../i18n';
import { DEFAULT_PRIVATE_DATA, PRIVATE_DATA_PARTS, type PrivateDataPart } from '../lib/private-data';
import { Dialog } from './dialog';

export function ClearPrivateDataDialog(): ReactElement {
  const t = useT();
  const [parts, setParts] = useState<ReadonlySet<PrivateDataPart>>(DEFAULT_PRIVATE_DATA);
  const toggle = (part: PrivateDataPart, on: boolean) => {
    const next = new Set(parts);
    if (on) next.add(part);
    else next.delete(part);
    setParts(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (parts.size > 0) void actions.clearPrivateData(parts);
  };
  return (
    <Dialog title={t('privacy.title')} onClose={actions.closeClearPrivateData} className="small">
      <form onSubmit={submit}>
        <div className="form-stack dialog-body">
          <p className="dialog-message">{t('privacy.intro')}</p>
          {PRIVATE_DATA_PARTS.map((part) => (
            <label key={part} className="checkbox">
              <input type="checkbox" checked={parts.has(part)} onChange={(e) => toggle(part, e.target.checked)} />
              <span>{t(`privacy.part.${part}`)}</span>
            </label>
          ))}
        </div>
        <div className="dialog-buttons">
          <span className="spacer" />
          <button type="submit" className="button primary" disabled={parts.size === 0} data-autofocus>
            {t('privacy.clear')}
          </button>
          <button type="button" className="button" onClick={actions.closeClearPrivateData}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
