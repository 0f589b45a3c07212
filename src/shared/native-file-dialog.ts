/**
 * The system's own open/save dialog, asked for by a "Choose…" button in the desktop app (`local:choose`): what the
 * field needs and what came back. The web host has none (a browser never hands a page a path), so it answers
 * `unavailable` and the window keeps its own "Choose a file" dialog there.
 */

/** A file that exists, a folder, or a file that may be new (a log file: the system's Save dialog). */
export type NativeChooseMode = 'open-file' | 'open-folder' | 'save-file';

/** One entry of the dialog's file-type list, e.g. Certificates and keys: pem, crt … */
export interface NativeFileFilter {
  readonly name: string;
  /** Extensions without the dot; '*' is every file. */
  readonly extensions: readonly string[];
}

export interface NativeChooseRequest {
  readonly mode: NativeChooseMode;
  /** The dialog's title and its OK button, in the window's language (main has no translations). */
  readonly title: string;
  readonly buttonLabel: string;
  /** Where it opens: the field's full path (the file selected in its folder), or null for the system's choice. */
  readonly defaultPath: string | null;
  readonly filters: readonly NativeFileFilter[];
}

export type NativeChooseAnswer =
  | { readonly kind: 'chosen'; readonly path: string }
  /** Cancel or Escape: the field stays as it was. */
  | { readonly kind: 'cancelled' }
  /** This host has no system dialog (the web host): the window uses its own. */
  | { readonly kind: 'unavailable' };
