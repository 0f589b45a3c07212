/**
 * View/Edit's two dialogs: the question when an edited file was saved ("upload it back?"), and the list
 * of files being edited (FileZilla's Edit → Show files currently being edited), opened from the status bar.
 */
import { type ReactElement } from 'react';
import * as actions from '../actions';
import { useT } from '../i18n';
import { baseName } from '../lib/paths';
import { pendingEditQuestion, useEditStore } from '../stores/edit-store';
import type { EditedFile } from '../../shared/models';
import { Dialog } from './dialog';
import { shownName } from '../../shared/shown-name';

export function EditDialogs(): ReactElement {
  const question = useEditStore(pendingEditQuestion);
  const listOpen = useEditStore((s) => s.listOpen);
  return (
    <>
      {listOpen ? <EditedFilesDialog /> : null}
      {question ? <EditChangedDialog key={`${question.id}:${question.changeCount}`} file={question} /> : null}
    </>
  );
}

function EditChangedDialog({ file }: { readonly file: EditedFile }): ReactElement {
  const t = useT();
  const dismiss = () => actions.answerEdit(file);
  return (
    <Dialog title={t('edit.changedTitle')} onClose={dismiss} className="small edit-changed">
      <p className="dialog-message">{t('edit.changedMessage', { name: shownName(baseName(file.localPath), 'in-quotes'), path: shownName(file.remotePath), site: file.siteLabel })}</p>
      <div className="dialog-buttons">
        <span className="spacer" />
        <button type="button" className="button primary" data-autofocus onClick={() => void actions.uploadEdited(file)}>
          {t('edit.upload')}
        </button>
        <button type="button" className="button" onClick={() => void actions.uploadEdited(file, true)}>
          {t('edit.uploadAndFinish')}
        </button>
        <button type="button" className="button" onClick={dismiss}>
          {t('edit.notNow')}
        </button>
      </div>
    </Dialog>
  );
}

function EditedFilesDialog(): ReactElement {
  const t = useT();
  const files = useEditStore((s) => s.files);
  const close = () => useEditStore.setState({ listOpen: false });
  return (
    <Dialog title={t('edit.listTitle')} onClose={close} className="edited-files">
      {files.length === 0 ? (
        <p className="dialog-message">{t('edit.listEmpty')}</p>
      ) : (
        <ul className="edited-list" aria-label={t('edit.listTitle')}>
          {files.map((file) => (
            // Named by its file name and where it came from, as shown: two readme.txt of different folders had one name.
            <li key={file.id} className={`edited-item is-${file.state}`} aria-labelledby={`edited-${file.id}-name edited-${file.id}-where`}>
              <div className="edited-names">
                <strong id={`edited-${file.id}-name`}>{baseName(file.localPath)}</strong>
                <code id={`edited-${file.id}-where`} title={file.remotePath}>
                  {file.siteLabel}: {file.remotePath}
                </code>
                <span className="edited-state">{t(`edit.state.${file.state}`)}</span>
              </div>
              <div className="edited-buttons">
                <button type="button" className="button" disabled={file.state !== 'changed'} onClick={() => void actions.uploadEdited(file)}>
                  {t('edit.upload')}
                </button>
                <button type="button" className="button" onClick={() => void actions.reopenEdited(file)}>
                  {t('edit.openAgain')}
                </button>
                <button type="button" className="button" disabled={file.state === 'uploading'} onClick={() => void actions.finishEditing(file)}>
                  {t('edit.finish')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-buttons">
        <span className="spacer" />
        <button type="button" className="button primary" data-autofocus onClick={close}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
