/**
 * Which "Choose…" a field gets, and what it asks the system's dialog for. The desktop app opens the system's own
 * open/save dialog through main (`local:choose`), as FileZilla users expect; the web host keeps the window's "Choose
 * a file" dialog, since a browser never hands a page the path of a file it picked. The window learns its host from
 * `app:info` (AppInfo.host), as it does for the menu bar.
 */
import type { AppInfo } from '../../shared/models';
import type { NativeChooseRequest, NativeFileFilter } from '../../shared/native-file-dialog';
import { CERTIFICATE_EXTENSIONS, type FileChoiceKind } from './file-chooser';
import { isFullPath } from './site-form';

/** The system's dialog in the desktop app; the window's own where the host is the web host or not known yet. */
export function usesNativeChooser(app: AppInfo | null): boolean {
  return app?.host === 'electron';
}

/** The texts the dialog shows, in the window's language. */
export interface NativeChooseTexts {
  readonly title: string;
  readonly buttonLabel: string;
  /** A file type's name in the list: "Certificates and keys (*.pem, …)", "All files". */
  kindLabel(kind: FileChoiceKind): string;
}

/**
 * The request for a field: a folder (the kinds are folders), a file that may be new (a log file: a Save dialog), or a
 * file that exists; opened at the field's full path (none: the system's choice); its kinds as file types, the first
 * chosen — none where the field takes any file (a list of one "All files" says nothing).
 */
export function nativeChooseRequest(field: { readonly value: string; readonly kinds: readonly FileChoiceKind[]; readonly allowNew: boolean }, texts: NativeChooseTexts): NativeChooseRequest {
  const folder = field.kinds.includes('folders');
  const path = field.value.trim();
  const fileKinds = field.kinds.filter((k) => k !== 'folders');
  const filters: NativeFileFilter[] = folder || fileKinds.every((k) => k === 'all') ? [] : fileKinds.map((k) => ({ name: texts.kindLabel(k), extensions: k === 'certificates' ? CERTIFICATE_EXTENSIONS : ['*'] }));
  return {
    mode: folder ? 'open-folder' : field.allowNew ? 'save-file' : 'open-file',
    title: texts.title,
    buttonLabel: texts.buttonLabel,
    defaultPath: isFullPath(path) ? path : null,
    filters,
  };
}
