/**
 * The Confirm deletion question names what is selected (FileZilla's "Really delete 2 files …?"): files alone are
 * not said to have "everything inside the selected folders", and folders are said to go with their content.
 */
import { t, tn } from '../i18n';
import { shownName } from '../../shared/shown-name';

export interface DeletedRow {
  readonly name: string;
  readonly type: string;
}

export function deleteQuestion(rows: readonly DeletedRow[]): string {
  const folders = rows.filter((r) => r.type === 'directory').length;
  const files = rows.length - folders;
  const first = rows[0];
  if (rows.length === 1 && first) return t(folders === 1 ? 'dialog.delete.folder' : 'dialog.delete.file', { name: shownName(first.name, 'in-quotes') });
  if (folders === 0) return tn('dialog.delete.files', files);
  if (files === 0) return tn('dialog.delete.folders', folders);
  return tn('dialog.delete.mixed', folders, { files: tn('pane.files', files), folders: tn('pane.folders', folders) });
}

/** Where a delete happens: a folder on the server the pane is connected to, or on this computer. */
export type DeletePlace = { readonly side: 'remote'; readonly folder: string; readonly host: string } | { readonly side: 'local'; readonly folder: string };

/**
 * The confirm's second line, naming where: both panes often list the same names, and "Delete the file “a.txt”?" did not
 * say which side's copy goes (FileZilla's says "from the server"). A local delete is for good (no trash): said too.
 */
export function deletePlace(place: DeletePlace): string {
  const folder = shownName(place.folder);
  return place.side === 'remote' ? t('dialog.delete.onServer', { folder, host: place.host }) : t('dialog.delete.onComputer', { folder });
}
