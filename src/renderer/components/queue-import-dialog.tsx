/**
 * "Import queue…" (FileZilla's queue Import): says what the file may be and what happens to its items, and opens the
 * file chooser from its own button — a chooser needs the user's click, which a desktop menu command does not carry.
 */
import { useRef, type ReactElement } from 'react';
import * as actions from '../actions';
import { useT } from '../i18n';
import { Dialog } from './dialog';

export function QueueImportDialog(): ReactElement {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    if (input.current) input.current.value = '';
    if (await actions.importQueue(text)) actions.closeQueueImport();
  };
  return (
    <Dialog title={t('queueImport.title')} onClose={actions.closeQueueImport} className="small">
      <div className="dialog-body">
        <p className="dialog-message">{t('queueImport.what')}</p>
        <input ref={input} type="file" accept=".json,.xml,application/json,text/xml,application/xml" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(e) => void onFile(e.target.files?.[0])} />
      </div>
      <div className="dialog-buttons">
        <span className="spacer" />
        <button type="button" className="button primary" data-autofocus onClick={() => input.current?.click()}>
          {t('queueImport.choose')}
        </button>
        <button type="button" className="button" onClick={actions.closeQueueImport}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
