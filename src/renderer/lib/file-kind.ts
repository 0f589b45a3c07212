/**
 * What kind of file a name is, for the icon and the Type column. Purely by extension:
 * no content sniffing, no external lookups.
 */
import type { EntryType } from '../../shared/remote-entry';

export type FileKind =
  | 'folder'
  | 'symlink'
  | 'image'
  | 'audio'
  | 'video'
  | 'archive'
  | 'code'
  | 'text'
  | 'pdf'
  | 'document'
  | 'spreadsheet'
  | 'executable'
  | 'file';

const BY_EXTENSION: Readonly<Record<string, FileKind>> = (() => {
  const table: Record<string, FileKind> = {};
  const add = (kind: FileKind, exts: string) => {
    for (const e of exts.split(' ')) table[e] = kind;
  };
  add('image', 'png jpg jpeg gif bmp webp svg ico tif tiff heic avif psd raw');
  add('audio', 'mp3 wav flac ogg oga m4a aac wma opus mid midi');
  add('video', 'mp4 mkv avi mov wmv webm m4v mpg mpeg flv 3gp ts');
  add('archive', 'zip rar 7z tar gz tgz bz2 tbz xz txz zst lz lzma cab iso dmg deb rpm apk jar war');
  add('code', 'js mjs cjs ts tsx jsx json html htm css scss less php py rb go rs java c h cc cpp hpp cs swift kt sh bash zsh ps1 bat cmd sql xml yml yaml toml ini conf cfg pl lua r vue');
  add('text', 'txt md log csv tsv nfo rst readme');
  add('pdf', 'pdf');
  add('document', 'doc docx odt rtf pages ppt pptx odp key epub');
  add('spreadsheet', 'xls xlsx ods numbers');
  add('executable', 'exe msi app bin run appimage com dll so');
  return table;
})();

/** Lower-case extension without the dot, "" when none (dot files like ".bashrc" have none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

export function fileKind(name: string, type: EntryType): FileKind {
  if (type === 'directory') return 'folder';
  if (type === 'symlink') return 'symlink';
  return BY_EXTENSION[extensionOf(name)] ?? 'file';
}
