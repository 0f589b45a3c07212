/**
 * "Choose…" in the desktop app opens the system's own dialog (Electron's `dialog.showOpenDialog`, or
 * `showSaveDialog` for a file that may be new), as FileZilla users expect. The mapping from the window's request to
 * Electron's options is a pure function, and the dialog is passed in, so both are tested where Electron cannot run.
 */
import type { NativeChooseAnswer, NativeChooseRequest } from '../../shared/native-file-dialog';

/** The fields of Electron's OpenDialogOptions used here (Electron's `dialog` takes these), so tests can read them. */
export interface OpenOptions {
  readonly title: string;
  readonly buttonLabel: string;
  readonly defaultPath?: string;
  readonly filters?: { name: string; extensions: string[] }[];
  readonly properties: ('openFile' | 'openDirectory' | 'createDirectory' | 'showHiddenFiles' | 'dontAddToRecent')[];
}

/** The fields of Electron's SaveDialogOptions used here. */
export interface SaveOptions {
  readonly title: string;
  readonly buttonLabel: string;
  readonly defaultPath?: string;
  readonly filters?: { name: string; extensions: string[] }[];
  readonly properties: ('createDirectory' | 'showHiddenFiles')[];
}

export type DialogCall = { readonly kind: 'open'; readonly options: OpenOptions } | { readonly kind: 'save'; readonly options: SaveOptions };

/**
 * Electron's options for a request. Hidden files are shown (keys live in ~/.ssh), a folder can be made where one is
 * chosen, and the field's path is where the dialog opens. A save dialog never asks to confirm an existing name on
 * Linux (its default): a log file is appended to, not replaced.
 */
export function dialogCall(request: NativeChooseRequest): DialogCall {
  const common = {
    title: request.title,
    buttonLabel: request.buttonLabel,
    ...(request.defaultPath ? { defaultPath: request.defaultPath } : {}),
    ...(request.filters.length > 0 ? { filters: request.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })) } : {}),
  };
  switch (request.mode) {
    case 'open-file':
      return { kind: 'open', options: { ...common, properties: ['openFile', 'showHiddenFiles'] } };
    case 'open-folder':
      // A folder has no file types: a filter would only grey out what is listed.
      return { kind: 'open', options: { ...omitFilters(common), properties: ['openDirectory', 'createDirectory', 'showHiddenFiles'] } };
    case 'save-file':
      return { kind: 'save', options: { ...common, properties: ['createDirectory', 'showHiddenFiles'] } };
  }
}

function omitFilters<T extends { filters?: unknown }>(options: T): Omit<T, 'filters'> {
  const { filters: _filters, ...rest } = options;
  return rest;
}

/** What Electron's dialog resolved to, as the window's answer: the first path, or cancelled (also for an empty answer). */
export function dialogAnswer(result: { readonly canceled: boolean; readonly filePaths?: readonly string[]; readonly filePath?: string }): NativeChooseAnswer {
  const path = result.filePaths?.[0] ?? result.filePath ?? '';
  return result.canceled || path === '' ? { kind: 'cancelled' } : { kind: 'chosen', path };
}

/** The part of Electron's `dialog` used here; `W` is the window the dialog is modal to. */
export interface DialogLike<W> {
  showOpenDialog(window: W, options: OpenOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(window: W, options: SaveOptions): Promise<{ canceled: boolean; filePath?: string }>;
}

/** `local:choose` for the Electron host: the dialog modal to Ferry's window (none open: unavailable, the window's own then). */
export function nativeFileDialog<W>(dialog: DialogLike<W>, window: () => W | null): (request: NativeChooseRequest) => Promise<NativeChooseAnswer> {
  return async (request) => {
    const parent = window();
    if (parent === null) return { kind: 'unavailable' };
    const call = dialogCall(request);
    return dialogAnswer(call.kind === 'open' ? await dialog.showOpenDialog(parent, call.options) : await dialog.showSaveDialog(parent, call.options));
  };
}
