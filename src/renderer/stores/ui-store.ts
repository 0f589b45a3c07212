/**
 * Window-level UI state: which dialog is open, the context menu, toasts, the focused pane and the
 * open/closed panels. Dialog requests that wait for an answer (confirm, prompt) carry a resolver.
 */
import { create } from 'zustand';
import type { CertificateError, FerryErrorData } from '../../shared/errors';
import type { ConnectTarget, PasswordStorageStatus, RemoteSearchMatch } from '../../shared/models';
import type { PaneSide } from '../lib/dnd';
import { currentLanguage } from '../i18n';
import { localizeError } from '../lib/localize-error';

export interface MenuItem {
  readonly id: string;
  readonly label: string;
  readonly onSelect?: () => void;
  readonly disabled?: boolean;
  readonly shortcut?: string;
  /** Drawn as a separator line; label unused. */
  readonly separator?: boolean;
  /** Checkable items (toggles). */
  readonly checked?: boolean;
}

export interface MenuRequest {
  readonly x: number;
  readonly y: number;
  readonly label: string;
  readonly items: readonly MenuItem[];
  /** Focus goes back here on close. */
  readonly returnFocus: HTMLElement | null;
}

export interface ConfirmRequest {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  readonly danger: boolean;
  /** A third answer besides confirm and cancel (e.g. "Turn off synchronized browsing"). */
  readonly alternativeLabel?: string;
  readonly resolve: (answer: boolean | 'alternative') => void;
}

export interface PromptRequest {
  readonly title: string;
  readonly label: string;
  readonly value: string;
  readonly confirmLabel: string;
  readonly password?: boolean;
  /** Returns a translated problem or null. */
  readonly validate?: (value: string) => string | null;
  readonly resolve: (value: string | null) => void;
}

/** The master password dialog: what it is for, and who waits for the outcome (the status, or null when cancelled). */
export interface MasterPasswordRequest {
  readonly mode: 'set' | 'change' | 'remove' | 'unlock';
  /** Where the passwords go when it is removed (said in the dialog). */
  readonly hostStorage?: PasswordStorageStatus['hostStorage'];
  readonly resolve: (status: PasswordStorageStatus | null) => void;
}

export interface ChmodRequest {
  readonly names: readonly string[];
  readonly permissions: string | null;
  /** Folders are among them: the dialog offers to recurse into them. */
  readonly hasFolders: boolean;
}

export interface CertificateRequest {
  readonly error: CertificateError;
  readonly target: ConnectTarget;
}

export interface Toast {
  readonly id: number;
  readonly kind: 'error' | 'info';
  readonly message: string;
  readonly hint: string;
  /** The failure shown, kept so that the toast is put in words again when the language changes. */
  readonly error?: FerryErrorData;
  /** A one-click way out the error names (e.g. the other transfer mode). */
  readonly action?: ToastAction;
}

export interface CopyRunning {
  readonly copyId: string;
  readonly site: string;
  readonly files: number;
  readonly folders: number;
  /** Stop asked: the Stop button is off until main has closed the copy's connections. */
  readonly stopping: boolean;
  /** The file being copied (`copy:progress`), once main has listed what to copy. */
  readonly progress?: { readonly copied: number; readonly total: number; readonly current: string };
}

export interface ToastAction {
  /** A function for a label that follows the language (called at each render). */
  readonly label: string | (() => string);
  readonly run: () => void;
}

export interface UiState {
  readonly activePane: PaneSide;
  readonly siteManager: { readonly open: boolean; readonly selectSiteId: string | null };
  readonly settingsOpen: boolean;
  /** "Search remote files" (F3). */
  readonly searchOpen: boolean;
  /**
   * The running search (`search:progress`): folders listed and matches so far, and the matches main has sent — every
   * batch appended, in the result's order, for the results to show while it runs; null before its first folder.
   */
  readonly searchProgress: { readonly searchId: string; readonly folders: number; readonly matches: number; readonly found: readonly RemoteSearchMatch[]; readonly timesAreUtc: boolean } | null;
  /** "Synchronize folders…": the two folders the panes showed when it opened (the plan is for these). */
  readonly synchronize: { readonly localFolder: string; readonly remoteFolder: string } | null;
  /** "Copy to another site…": the remote files chosen (full paths). */
  readonly copyToSite: { readonly paths: readonly string[]; readonly folders?: readonly string[] } | null;
  /** Copies to another site under way, each shown with a Stop button until it ends (`actions.copyToSite`). */
  readonly copiesRunning: readonly CopyRunning[];
  /** "Import queue…": the dialog whose button opens the file chooser (a menu command alone may not open one). */
  readonly queueImportOpen: boolean;
  /** "Clear private data…" (FileZilla's Edit menu): the dialog of what to clear. */
  readonly clearPrivateDataOpen: boolean;
  /** Raised by Clear private data: the quick connect bar empties its fields (FileZilla's "Clear quickconnect bar"). */
  readonly quickConnectCleared: number;
  readonly certificate: CertificateRequest | null;
  readonly fingerprintOpen: boolean;
  readonly confirm: ConfirmRequest | null;
  readonly prompt: PromptRequest | null;
  readonly masterPassword: MasterPasswordRequest | null;
  readonly chmod: ChmodRequest | null;
  readonly menu: MenuRequest | null;
  readonly toasts: readonly Toast[];
  readonly logOpen: boolean;
  readonly queueOpen: boolean;
}

export const useUiStore = create<UiState>()(() => ({
  activePane: 'local',
  siteManager: { open: false, selectSiteId: null },
  settingsOpen: false,
  searchOpen: false,
  searchProgress: null,
  synchronize: null,
  copyToSite: null,
  copiesRunning: [],
  queueImportOpen: false,
  clearPrivateDataOpen: false,
  quickConnectCleared: 0,
  certificate: null,
  fingerprintOpen: false,
  confirm: null,
  prompt: null,
  masterPassword: null,
  chmod: null,
  menu: null,
  toasts: [],
  logOpen: true,
  queueOpen: true,
}));

let toastId = 1;

/** Why a toast is held open: the keyboard or the pointer is in it. */
export type ToastHold = 'focus' | 'pointer';
const toastHolds = new Map<number, Set<ToastHold>>();
const toastsDue = new Set<number>();

/** Shows a toast; errors stay until dismissed or 12 s, info 4 s — longer while held (`holdToast`). */
export function pushToast(kind: Toast['kind'], message: string, hint = '', action?: ToastAction, error?: FerryErrorData): number {
  const id = toastId++;
  useUiStore.setState((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, message, hint, ...(action ? { action } : {}), ...(error ? { error } : {}) }] }));
  setTimeout(() => {
    if ((toastHolds.get(id)?.size ?? 0) > 0) toastsDue.add(id);
    else dismissToast(id);
  }, kind === 'error' ? 12_000 : 4_000);
  return id;
}

/**
 * A toast with the keyboard or the pointer in it is not taken away by its timer (it used to vanish under the focus,
 * which fell to the page, or while its button was being read); once let go, a toast whose time has passed goes.
 */
export function holdToast(id: number, hold: ToastHold, held: boolean): void {
  const holds = toastHolds.get(id) ?? new Set<ToastHold>();
  if (held) holds.add(hold);
  else holds.delete(hold);
  if (holds.size > 0) {
    toastHolds.set(id, holds);
    return;
  }
  toastHolds.delete(id);
  if (toastsDue.has(id)) dismissToast(id);
}

export function dismissToast(id: number): void {
  toastHolds.delete(id);
  toastsDue.delete(id);
  useUiStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

export function toastForError(error: FerryErrorData, action?: ToastAction): number {
  const shown = localizeError(error, currentLanguage());
  return pushToast('error', shown.message, shown.hint, action, error);
}
