/**
 * The pure part of the "Choose a file" dialog (components/file-chooser-dialog.tsx): where it starts, which rows it
 * shows for a kind of file, and what a typed path means. The window cannot ask the browser for a file's path (a web
 * page never learns it), so the dialog lists this computer's folders through main, as the local pane does.
 */
import { extensionOf } from './file-kind';
import { flavorOf, joinPath, parentPath } from './paths';
import { isFullPath } from './site-form';
import { DEFAULT_SORT, sortRows, visibleRows, type FileRow } from './sort';

/** The kinds of file a field takes; "folders" alone makes the dialog choose a folder, not a file. */
export type FileChoiceKind = 'certificates' | 'all' | 'folders';

/** A client certificate, key or PKCS#12 file, by the names they usually have (the engine tells them by content). */
export const CERTIFICATE_EXTENSIONS: readonly string[] = ['pem', 'crt', 'cer', 'key', 'p12', 'pfx'];

/** The files each kind lists: null all of them, none for folders. */
const EXTENSIONS: Readonly<Record<FileChoiceKind, readonly string[] | null>> = { certificates: CERTIFICATE_EXTENSIONS, all: null, folders: [] };

/** Where the dialog opens: the folder of the file in the field (the folder itself when choosing one), or null (then the home folder) when the field holds no full path. */
export function startFolder(fieldValue: string, kind: FileChoiceKind = 'all'): string | null {
  const path = fieldValue.trim();
  if (!isFullPath(path)) return null;
  return kind === 'folders' ? path : (parentPath(path) ?? path);
}

/** Folders (always, to browse through), then the files of the kind, sorted as the panes sort by name; dot files too: keys live in ~/.ssh and the like. */
export function chooserRows(rows: readonly FileRow[], kind: FileChoiceKind): FileRow[] {
  const extensions = EXTENSIONS[kind];
  const wanted = visibleRows(rows, true).filter((r) => r.type !== 'file' || extensions === null || extensions.includes(extensionOf(r.name).toLowerCase()));
  return sortRows(wanted, DEFAULT_SORT);
}

/** What the user typed in the path field, as a full path: a full path as it is, anything else inside `folder`. */
export function typedPath(input: string, folder: string): string | null {
  const typed = input.trim();
  if (typed === '') return null;
  return isFullPath(typed) ? typed : joinPath(folder, typed, flavorOf(folder));
}
