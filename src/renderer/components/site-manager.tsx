/**
 * The Site Manager: a tree of folders and sites on the left (New site, New folder, Duplicate,
 * Rename, Delete, Import), the selected site's settings on the right in four tabs (General,
 * Transfer settings, Charset, Advanced), and Connect / OK / Cancel. Edits are kept as drafts per
 * site until OK or Connect; every draft is validated inline before anything is saved.
 */
import { useVirtualizer, defaultRangeExtractor, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';
import * as actions from '../actions';
import { betweenSentences, useT, type MessageKey } from '../i18n';
import { defaultPort, draftChanged, draftFromSite, hostFieldPatch, newSiteDraft, validateDraft, type DraftErrors, type SiteDraft } from '../lib/site-form';
import { addFolder, buildCommit, deleteSites, draftIsDirty, emptyWork, followSaved, hasStructuralChanges, moveFolders, pendingSummary, putDrafts, recordBookmarkMove, removeFolders, renameMovedBookmark, shownFolders, shownSites, type PendingSummary, type Work } from '../lib/site-manager-work';
import type { ConflictDecision, SiteConflict } from '../../shared/site-changes';
import { parseQuickHost } from '../lib/quick-host';
import { findTypeAhead, makeView, TYPE_AHEAD_MS } from '../lib/list-nav';
import { bookmarkNameIssue, buildTree, firstBadBookmark, flattenSiteTree, pageStep, sameSelection, scrollToShow, siteKeyOf, uniqueBookmarkName, type FlatItem, type TreeFolder, type TreeSelection } from '../lib/site-tree';
import type { FileChoiceKind } from '../lib/file-chooser';
import { folderMovedInto, isWithin, rebaseFolder } from '../../shared/site-folders';
import { decodeSiteFileBytes, SITE_FILE_ENCODINGS } from '../../shared/site-file-text';
import type { Bookmark, ModeProbe, LogonType, SiteProtocol, SiteTransferMode } from '../../shared/models';
import type { Translator } from '../i18n';
import type { TransferMode } from '../../shared/errors';
import { localizeError } from '../lib/localize-error';
import { localizeLogLine } from '../lib/localize-log';
import { isConnected, useSessionStore } from '../stores/session-store';
import { useSettingsStore } from '../stores/settings-store';
import { useSitesStore } from '../stores/sites-store';
import { useUiStore } from '../stores/ui-store';
import { Dialog } from './dialog';
import { ChooseFileButton } from './file-chooser-dialog';
import { focusGrid } from './file-list';
import { FileIcon, Icon } from './icons';
import { shownName } from '../../shared/shown-name';
import { errorText as errorSentence } from '../../shared/error-texts';
import { isImeKey } from '../lib/ime';

type Selection = TreeSelection;
type Tab = 'general' | 'transfer' | 'charset' | 'advanced';

const TABS: readonly { readonly id: Tab; readonly label: MessageKey }[] = [
  { id: 'general', label: 'sm.tab.general' },
  { id: 'transfer', label: 'sm.tab.transfer' },
  { id: 'charset', label: 'sm.tab.charset' },
  { id: 'advanced', label: 'sm.tab.advanced' },
];

const PROTOCOLS: readonly { readonly id: SiteProtocol; readonly label: MessageKey }[] = [
  { id: 'ftp-explicit-if-available', label: 'sm.protocol.explicitIfAvailable' },
  { id: 'ftp-explicit', label: 'sm.protocol.explicit' },
  { id: 'ftp-implicit', label: 'sm.protocol.implicit' },
  { id: 'ftp-plain', label: 'sm.protocol.plain' },
];

const LOGON_TYPES: readonly { readonly id: LogonType; readonly label: MessageKey }[] = [
  { id: 'anonymous', label: 'sm.logon.anonymous' },
  { id: 'normal', label: 'sm.logon.normal' },
  { id: 'ask', label: 'sm.logon.ask' },
];

/** Import…'s encodings by their usual short names (the cell beside Export… is narrow; the list's title says what it is for). */
const ENCODING_LABELS: Readonly<Record<(typeof SITE_FILE_ENCODINGS)[number], string>> = { 'utf-8': 'UTF-8', gbk: 'GBK', big5: 'Big5', shift_jis: 'Shift_JIS', 'windows-1252': 'Windows-1252', 'utf-16le': 'UTF-16LE' };
const CHARSETS = ['utf-8', 'gbk', 'gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr', 'windows-1250', 'windows-1251', 'windows-1252', 'iso-8859-1', 'iso-8859-2', 'koi8-r'];

/** Which tab shows a field, so a failed save can open it. */
const FIELD_TAB: Record<keyof DraftErrors, Tab> = { name: 'general', host: 'general', port: 'general', user: 'general', connectionLimit: 'transfer', serverTimeZone: 'advanced', clientCertFile: 'advanced', clientKeyFile: 'advanced' };

const key = (path: readonly string[]) => JSON.stringify(path);

/** A tree row's height (.sm-item): the tree draws only the rows in view, as the file lists do (5,000 sites in 200 folders). */
const ITEM_HEIGHT = 24;
/** The tree's space above its first row and below its last, in the canvas (CSS padding there put a row scrolled to the bottom edge 3 px out of view). */
const TREE_PADDING = 3;

/** What "Choose…" beside the client certificate fields lists first; "All files" beside it (a key named id_client). */
const CERTIFICATE_KINDS: readonly FileChoiceKind[] = ['certificates', 'all'];
/** "Choose…" beside Default local directory chooses a folder. */
const FOLDERS: readonly FileChoiceKind[] = ['folders'];

/** Drag data types: a site's draft key, a folder's path (as `key`), or a bookmark (its site's key and place, as JSON). */
const SITE_DRAG = 'application/x-ferry-site';
const FOLDER_DRAG = 'application/x-ferry-site-folder';
const BOOKMARK_DRAG = 'application/x-ferry-bookmark';

interface ModeTestState {
  /** The site it was run for. */
  readonly key: string;
  readonly testing: boolean;
  readonly probes: readonly ModeProbe[] | null;
}

/** "Test both modes" and what came of it: each mode's result, and the mode to choose when only one works. */
function ModeTest(props: { readonly busy: boolean; readonly state: ModeTestState | null; /** The mode the site uses now. */ readonly selected: TransferMode; readonly onTest: () => void; readonly onUse: (mode: TransferMode) => void }): ReactElement {
  const t = useT();
  const testing = props.state?.testing ?? false;
  const probes = props.state?.probes ?? null;
  // A mode blocked by a firewall that drops packets is reported only after the timeout: said, so a long wait is expected.
  const timeoutSeconds = useSettingsStore((s) => s.settings.timeoutSeconds);
  const modeName = (mode: TransferMode) => t(mode === 'passive' ? 'mode.passive' : 'mode.active');
  const working = probes?.filter((probe) => probe.ok) ?? [];
  // Offered only when the site is set to the other one.
  const only = working.length === 1 && working[0]?.mode !== props.selected ? working[0] : undefined;
  return (
    <div className="mode-test">
      <button type="button" className="button" disabled={props.busy || testing} onClick={props.onTest}>
        {t('sm.testModes')}
      </button>
      <span className="help">{t('sm.testHelp')}</span>
      <div role="status" className="mode-test-results">
        {testing ? <p>{t('sm.testing', { seconds: timeoutSeconds })}</p> : null}
        {probes?.map((probe) =>
          probe.ok ? (
            <p key={probe.mode} className="mode-ok">
              {t('sm.probeWorks', { mode: modeName(probe.mode), command: probe.dataCommand ?? '', seconds: (probe.milliseconds / 1000).toFixed(2) })}
            </p>
          ) : (
            <p key={probe.mode} className="field-error">
              {t('sm.probeFailed', { mode: modeName(probe.mode), message: probe.error ? localizeError(probe.error, t.language).message : '' })}
              {probe.error?.hint ? (
                <span className="help">
                  {betweenSentences(t.language)}
                  {localizeError(probe.error, t.language).hint}
                </span>
              ) : null}
            </p>
          ),
        )}
        {only ? (
          <button type="button" className="button" onClick={() => props.onUse(only.mode)}>
            {t('sm.useMode', { mode: t(only.mode === 'passive' ? 'mode.passiveShort' : 'mode.activeShort') })}
          </button>
        ) : null}
      </div>
    </div>
  );
}

function Field(props: { readonly label: string; readonly error?: string | undefined; readonly children: (id: string, describedBy: string | undefined) => ReactNode; readonly className?: string }): ReactElement {
  const id = useId();
  const errId = `${id}-err`;
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children(id, props.error ? errId : undefined)}
      {props.error ? (
        <span id={errId} className="field-error">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

/** Whether a site's form answers "Search sites": each word typed is in its name, host or user, ignoring case. */
function siteMatcher(text: string): (d: SiteDraft) => boolean {
  const words = text.trim().toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return () => true;
  return (d) => {
    const fields = [d.name, d.host, d.user].map((field) => field.toLowerCase());
    return words.every((word) => fields.some((field) => field.includes(word)));
  };
}

/** The matching sites in the tree's order. */
function sortedMatches(node: TreeFolder, matching: (d: SiteDraft) => boolean): SiteDraft[] {
  return [...node.folders.flatMap((f) => sortedMatches(f, matching)), ...node.sites.filter(matching)];
}

/** A new site's form as New site made it (its name and folder aside): closing drops it without asking. */
function isBlankNewDraft(d: SiteDraft): boolean {
  return !draftChanged({ ...newSiteDraft(d.folder, d.name), key: d.key }, d);
}

function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base} ${n}`)) return `${base} ${n}`;
}

/** `base`, or `base (2)`, `base (3)` … as the store names copies and imported sites whose name is taken. */
function uniqueCopyName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base} (${n})`)) return `${base} (${n})`;
}

/** At most five names, quoted, then "…". */
function quotedNames(t: Translator, names: readonly string[]): string {
  return names.slice(0, 5).map((name) => `“${shownName(name, 'in-quotes')}”`).join(t('common.listSeparator')) + (names.length > 5 ? '…' : '');
}

/** The Cancel question's list of what would be lost: sites changed, added, deleted, moved; folders made, deleted, moved. */
function pendingText(t: Translator, summary: PendingSummary): string {
  const parts: string[] = [];
  if (summary.changed.length > 0) parts.push(t('sm.pending.changed', { names: quotedNames(t, summary.changed) }));
  if (summary.added.length > 0) parts.push(t('sm.pending.added', { names: quotedNames(t, summary.added) }));
  if (summary.deleted.length > 0) parts.push(t('sm.pending.deleted', { names: quotedNames(t, summary.deleted) }));
  if (summary.moved.length > 0) parts.push(t('sm.pending.moved', { names: quotedNames(t, summary.moved) }));
  if (summary.foldersCreated.length > 0) parts.push(t('sm.pending.foldersCreated', { names: quotedNames(t, summary.foldersCreated) }));
  if (summary.foldersDeleted.length > 0) parts.push(t('sm.pending.foldersDeleted', { names: quotedNames(t, summary.foldersDeleted) }));
  if (summary.foldersMoved.length > 0) {
    const moves = summary.foldersMoved.slice(0, 5).map((m) => t('sm.pending.folderMove', { from: shownName(m.from, 'in-quotes'), to: shownName(m.to, 'in-quotes') }));
    parts.push(t('sm.pending.foldersMoved', { names: moves.join(t('common.listSeparator')) + (summary.foldersMoved.length > 5 ? '…' : '') }));
  }
  return parts.join(t('sm.pending.separator'));
}

/** A field as the Site Manager labels it, for the conflict question. */
const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  name: 'sm.siteName', folder: 'sm.folderName', host: 'sm.host', port: 'sm.port', protocol: 'sm.protocol', logonType: 'sm.logonType', user: 'sm.user',
  transferMode: 'sm.transferMode', connectionLimit: 'sm.maxConnections', charset: 'sm.charsetLegend', localDir: 'sm.localDir', remoteDir: 'sm.remoteDir',
  comments: 'sm.comments', trustedFingerprints: 'sm.trusted', bypassProxy: 'sm.bypassProxy', serverTimeZone: 'sm.serverTimeZone', clientCertFile: 'sm.clientCert', clientKeyFile: 'sm.clientKey',
  bookmarks: 'sm.conflict.bookmarksField',
};

/** Each site changed both here and elsewhere, by name, with what happened on each side. */
function conflictText(t: Translator, conflicts: readonly SiteConflict[]): string {
  const lines = conflicts.slice(0, 8).map((c) => {
    const name = shownName(c.path, 'in-quotes');
    if (c.kind === 'deleted-here') return t('sm.conflict.deletedHere', { name });
    if (c.kind === 'deleted-there') return t('sm.conflict.deletedThere', { name });
    // The bookmarks in dispute by name ("Bookmarks: “Docs”"): a site's bookmarks are merged one by one.
    const fieldText = (field: string): string => (field === 'bookmarks' && c.bookmarks && c.bookmarks.length > 0 ? t('sm.conflict.bookmarks', { names: quotedNames(t, c.bookmarks) }) : FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field);
    const fields = c.fields.map(fieldText).join(t('common.listSeparator'));
    return t('sm.conflict.changedBoth', { name, fields });
  });
  return t('sm.conflictMessage', { list: lines.join(t('sm.pending.separator')) + (conflicts.length > 8 ? '…' : '') });
}

export function SiteManagerDialog(): ReactElement {
  const t = useT();
  const list = useSitesStore((s) => s.list);
  const selectSiteId = useUiStore((s) => s.siteManager.selectSiteId);
  const globalMode = useSettingsStore((s) => s.settings.defaultTransferMode);
  const tabConnected = useSessionStore((s) => isConnected(s.status));
  /** Everything done in the dialog, saved with OK or Connect, dropped by Cancel (lib/site-manager-work.ts). */
  const [work, setWork] = useState<Work>(emptyWork);
  const [selection, setSelection] = useState<Selection | null>(() => {
    const first = selectSiteId ?? list.sites[0]?.id;
    return first ? { kind: 'site', key: first } : { kind: 'folder', path: [] };
  });
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  /** Sites whose bookmarks the tree shows (a site's bookmarks are hidden until it is opened, as FileZilla's). */
  const [openSites, setOpenSites] = useState<ReadonlySet<string>>(new Set());
  const [tab, setTab] = useState<Tab>('general');
  const [showErrors, setShowErrors] = useState<ReadonlySet<string>>(new Set());
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [modeTest, setModeTest] = useState<ModeTestState | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  /** The encoding of the next imported file: 'auto' detects (FlashFXP's Sites.dat does not say its own). */
  const [importEncoding, setImportEncoding] = useState('auto');
  /** What is being dragged in the tree (drag data cannot be read until the drop). */
  const dragged = useRef<Selection | null>(null);
  /** Ctrl+X in the tree: the entry to move with the next Ctrl+V (a bookmark with its name, found by it at the paste). */
  const [cut, setCut] = useState<Selection | null>(null);
  const cutBookmarkName = useRef('');
  /** A bookmark moved onto a site that had its name: said in the status line, with the name it took. */
  const [moveNotice, setMoveNotice] = useState<string | null>(null);
  /** Type-ahead in the tree: what was typed and when. */
  const typed = useRef({ text: '', at: 0 });
  /** "Search sites": the tree shows only sites whose name, host or user holds it, with their folders. */
  const [search, setSearch] = useState('');
  const treeRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLInputElement>(null);
  const focusHost = useRef(false);

  const savedById = useMemo(() => new Map(list.sites.map((s) => [s.id, s])), [list.sites]);

  // Every site in the dialog: saved ones (with any edits) less those deleted here, and new ones not saved yet.
  const allDrafts = useMemo(() => shownSites(work, list.sites, savedById), [list.sites, work, savedById]);
  const folders = useMemo(() => shownFolders(work, list.folders), [work, list.folders]);

  // A site without a form of its own is as stored: no comparison (10,000 of them at each keystroke were slow).
  const isDirty = (d: SiteDraft): boolean => draftIsDirty(work, d, savedById);

  // When another window, another Ferry or `ferry sites` saves, each form follows the stored site for every field its
  // user has not changed (OK wrote the old values back over the other's change); a field both changed, a site
  // deleted on one side and changed on the other, are left for OK to ask about (followSaved).
  useEffect(() => setWork((w) => followSaved(w, savedById)), [savedById]);

  const tree = useMemo(() => buildTree(folders, allDrafts), [folders, allDrafts]);

  const flat = useMemo(() => {
    // The selected site stays in the tree while searching: a New site, a Duplicate or a rename that does not match
    // would otherwise be edited while the tree hid it.
    const matches = siteMatcher(search);
    const selectedKey = siteKeyOf(selection);
    const matching = (d: SiteDraft) => matches(d) || selectedKey === d.key;
    return flattenSiteTree(tree, { collapsed, openSites, searching: search.trim() !== '', matching, rootLabel: t('sm.root'), isDirty });
  }, [tree, collapsed, openSites, t, savedById, search, selection]);
  const noMatch = search.trim() !== '' && !allDrafts.some(siteMatcher(search));

  // An entry chosen by a key or a search is scrolled into view: End or type-ahead in a list of hundreds left it off
  // screen. Only then: a list changing under the pointer (an import, another window) must not scroll a drag away.
  const selectedIndex = flat.findIndex((f) => sameSelection(f.selection, selection));
  /** The entry being dragged: its row stays drawn while the tree scrolls (its dragend would be lost with it). */
  const [dragging, setDragging] = useState<Selection | null>(null);
  const draggingIndex = dragging ? flat.findIndex((f) => sameSelection(f.selection, dragging)) : -1;
  // Only the rows in view are drawn, and the selected one (aria-activedescendant names it) and the dragged one always
  // (a new function when they change: the virtualizer draws again only when its range or extractor changes).
  const rangeExtractor = useCallback((range: Range) => {
    const extra = [selectedIndex, draggingIndex].filter((i) => i >= 0 && i < range.count);
    return [...new Set([...defaultRangeExtractor(range), ...extra])].sort((x, y) => x - y);
  }, [selectedIndex, draggingIndex]);
  const rowKey = useCallback((i: number) => {
    const entry = flat[i]?.selection;
    if (!entry) return i;
    return entry.kind === 'site' ? `s:${entry.key}` : entry.kind === 'folder' ? `f:${key(entry.path)}` : `b:${entry.siteKey}:${entry.index}`;
  }, [flat]);
  const virtualizer = useVirtualizer({ count: flat.length, getScrollElement: () => treeRef.current, estimateSize: () => ITEM_HEIGHT, overscan: 10, rangeExtractor, getItemKey: rowKey, paddingStart: TREE_PADDING, paddingEnd: TREE_PADDING });
  // Opened, the selected site is scrolled into view (it may be the 5,000th entry). Set here, not with the
  // virtualizer's scrollToIndex: its queued scroll, still settling, moved the tree under a drag that began just after.
  const reveal = useRef(true);
  useEffect(() => {
    if (!reveal.current || selectedIndex < 0) return;
    reveal.current = false;
    const tree = treeRef.current;
    if (tree) tree.scrollTop = scrollToShow(tree.scrollTop, tree.clientHeight, TREE_PADDING + selectedIndex * ITEM_HEIGHT, ITEM_HEIGHT);
  }, [selectedIndex, selection, search]);

  const onSearch = (text: string) => {
    setSearch(text);
    reveal.current = true;
    // The first match is chosen when the one selected is not among them, so Enter or Connect acts on what is shown.
    const matching = siteMatcher(text);
    const selected = selection?.kind === 'site' ? allDrafts.find((d) => d.key === selection.key) : undefined;
    if (text.trim() !== '' && !(selected && matching(selected))) {
      const first = sortedMatches(tree, matching)[0];
      if (first) setSelection({ kind: 'site', key: first.key });
    }
  };

  const draftByKey = (k: string): SiteDraft | undefined => allDrafts.find((d) => d.key === k);
  const currentKey = siteKeyOf(selection);
  // A bookmark's row edits its site's form: its page is the site's bookmark, and Connect connects the site.
  const current = currentKey !== undefined ? draftByKey(currentKey) : undefined;
  const currentBookmark = selection?.kind === 'bookmark' ? current?.bookmarks[selection.index] : undefined;
  const currentErrors: DraftErrors = current ? validateDraft(current) : {};
  const errorText = (field: keyof DraftErrors): string | undefined => {
    if (!current) return undefined;
    const e = currentErrors[field];
    if (!e) return undefined;
    return showErrors.has(current.key) || touched.has(`${current.key}:${field}`) ? t(e) : undefined;
  };

  useEffect(() => {
    if (focusHost.current && hostRef.current) {
      focusHost.current = false;
      hostRef.current.focus();
    }
  });

  /** Forms put in the dialog's work (each saved site's base kept from its first change). */
  const setDrafts = (changed: readonly SiteDraft[]) => setWork((w) => putDrafts(w, changed, savedById));
  const update = (patch: Partial<SiteDraft>) => {
    if (!current) return;
    setDrafts([{ ...current, ...patch }]);
  };
  /** The selected bookmark changed in its site's form (saved with OK, undone by Cancel, as every other edit). */
  const updateBookmark = (patch: Partial<Bookmark>) => {
    if (!current || selection?.kind !== 'bookmark' || !currentBookmark) return;
    const { syncBrowsing, directoryComparison, ...rest } = { ...currentBookmark, ...patch };
    // Off is stored as absent (validateSiteInput's form): ticked and unticked again, the site is unchanged.
    const next: Bookmark = { ...rest, ...(syncBrowsing === true ? { syncBrowsing } : {}), ...(directoryComparison === true ? { directoryComparison } : {}) };
    update({ bookmarks: current.bookmarks.map((b, i) => (i === selection.index ? next : b)) });
    // A bookmark moved here from another site and renamed: OK still tells the merge where it came from.
    if (next.name !== currentBookmark.name) {
      setWork((w) => renameMovedBookmark(w, current.key, currentBookmark.name, next.name));
      // The cut one renamed is still the cut one (it is found by its name).
      if (cut?.kind === 'bookmark' && cut.siteKey === current.key && cutBookmarkName.current === currentBookmark.name) cutBookmarkName.current = next.name;
    }
  };
  /** The selected bookmark's name `name` among its site's bookmarks: what is wrong with it, or null. */
  const bookmarkNameProblem = (name: string): string | null => {
    if (!current || selection?.kind !== 'bookmark') return null;
    const issue = bookmarkNameIssue(current.bookmarks.map((b, i) => (i === selection.index ? { name } : b)), selection.index);
    return issue === 'required' ? t('validation.nameRequired') : issue === 'taken' ? t('validation.nameTaken', { name: shownName(name.trim(), 'in-quotes') }) : null;
  };
  const setSiteOpen = (siteKey: string, open: boolean) =>
    setOpenSites((o) => {
      const n = new Set(o);
      if (open) n.add(siteKey);
      else n.delete(siteKey);
      return n;
    });

  /** FileZilla's New bookmark: one more bookmark of the selected site (or of the selected bookmark's), in the dialog's work. */
  const onNewBookmark = () => {
    if (!current) return;
    const name = uniqueBookmarkName(t('sm.newBookmarkName'), current.bookmarks.map((b) => b.name));
    update({ bookmarks: [...current.bookmarks, { name, localPath: '', remotePath: '' }] });
    setSiteOpen(current.key, true);
    setSelection({ kind: 'bookmark', siteKey: current.key, index: current.bookmarks.length });
  };

  const touch = (field: keyof DraftErrors) => current && setTouched((s) => new Set(s).add(`${current.key}:${field}`));
  /** A path from "Choose…": in the field and checked at once, as if typed and left. */
  const chooseFile = (field: 'clientCertFile' | 'clientKeyFile', path: string) => {
    update({ [field]: path });
    touch(field);
  };

  const selectedFolder = (): readonly string[] => {
    if (!selection) return [];
    if (selection.kind === 'folder') return selection.path;
    return draftByKey(selection.kind === 'site' ? selection.key : selection.siteKey)?.folder ?? [];
  };

  /**
   * The rename and New folder prompts refuse a name the folder already holds, as they are typed: accepted, the clash
   * came only at OK, from main, as a toast behind the dialog.
   */
  const siteNameTaken = (name: string, folder: readonly string[], ownKey: string): string | null =>
    allDrafts.some((d) => d.key !== ownKey && d.name === name.trim() && key(d.folder) === key(folder)) ? t('validation.nameTaken', { name: shownName(name.trim(), 'in-quotes') }) : null;
  const folderNameTaken = (name: string, parent: readonly string[], own?: string): string | null => {
    const siblings = new Set([...folders, ...allDrafts.map((d) => d.folder)].filter((f) => f.length === parent.length + 1 && key(f.slice(0, -1)) === key(parent)).map((f) => f[parent.length]));
    return name.trim() !== own && siblings.has(name.trim()) ? t('validation.nameTaken', { name: shownName(name.trim(), 'in-quotes') }) : null;
  };
  const nameProblem = (v: string, taken: (name: string) => string | null): string | null => (v.trim() === '' ? t('validation.nameRequired') : taken(v));

  const onNewSite = () => {
    const folder = selectedFolder();
    const taken = new Set(allDrafts.filter((d) => key(d.folder) === key(folder)).map((d) => d.name));
    const draft = newSiteDraft(folder, uniqueName(t('sm.newSiteName'), taken));
    setDrafts([draft]);
    setSelection({ kind: 'site', key: draft.key });
    setTab('general');
    focusHost.current = true;
  };

  const onNewFolder = async () => {
    const parent = selectedFolder();
    const name = await actions.prompt({
      title: t('sm.newFolderTitle'),
      label: t('sm.folderName'),
      value: t('sm.newFolderName'),
      confirmLabel: t('common.ok'),
      validate: (v) => nameProblem(v, (name) => folderNameTaken(name, parent)),
    });
    if (name === null) return;
    const path = [...parent, name.trim()];
    setWork((w) => addFolder(w, path));
    setSelection({ kind: 'folder', path });
  };

  /**
   * A copy in the same folder, named in the window's language ("Copy of …", numbered when taken), with the form's
   * unsaved edits; saved with OK. Its stored password is copied by main then (the window never holds it).
   */
  const onDuplicate = () => {
    if (current && selection?.kind === 'bookmark' && currentBookmark) {
      // FileZilla's Duplicate of a bookmark: a copy in the same site, right after it, named as a site's copy is.
      const name = uniqueCopyName(t('sm.copyOf', { name: currentBookmark.name }), new Set(current.bookmarks.map((b) => b.name)));
      const at = selection.index + 1;
      update({ bookmarks: [...current.bookmarks.slice(0, at), { ...currentBookmark, name }, ...current.bookmarks.slice(at)] });
      setSelection({ kind: 'bookmark', siteKey: current.key, index: at });
      return;
    }
    if (!current || selection?.kind !== 'site') return;
    const taken = new Set(allDrafts.filter((d) => key(d.folder) === key(current.folder)).map((d) => d.name));
    const fresh = newSiteDraft(current.folder, uniqueCopyName(t('sm.copyOf', { name: current.name }), taken));
    const copy: SiteDraft = { ...current, id: undefined, key: fresh.key, name: fresh.name };
    const from = current.id !== undefined ? (current.hasPassword ? { kind: 'site' as const, id: current.id } : undefined) : work.passwordFrom.get(current.key);
    setWork((w) => {
      const next = putDrafts(w, [copy], savedById);
      return from ? { ...next, passwordFrom: new Map(next.passwordFrom).set(copy.key, from) } : next;
    });
    setSelection({ kind: 'site', key: copy.key });
  };

  const onRename = async () => {
    if (!selection) return;
    if (selection.kind === 'bookmark' && currentBookmark) {
      const name = await actions.prompt({ title: t('sm.renameTitle'), label: t('sm.bookmarkName'), value: currentBookmark.name, confirmLabel: t('common.ok'), validate: bookmarkNameProblem });
      if (name !== null) updateBookmark({ name: name.trim() });
      return;
    }
    if (selection.kind === 'site' && current) {
      const site = current;
      const name = await actions.prompt({ title: t('sm.renameTitle'), label: t('sm.siteName'), value: site.name, confirmLabel: t('common.ok'), validate: (v) => nameProblem(v, (n) => siteNameTaken(n, site.folder, site.key)) });
      if (name !== null) update({ name: name.trim() });
      return;
    }
    if (selection.kind === 'folder' && selection.path.length > 0) {
      const old = selection.path[selection.path.length - 1] ?? '';
      const parent = selection.path.slice(0, -1);
      const name = await actions.prompt({ title: t('sm.renameTitle'), label: t('sm.folderName'), value: old, confirmLabel: t('common.ok'), validate: (v) => nameProblem(v, (n) => folderNameTaken(n, parent, old)) });
      const from = selection.path;
      const to = [...from.slice(0, -1), name?.trim() ?? ''];
      if (name !== null && name.trim() !== old) {
        rebaseDrafts(from, to);
        rebaseCollapsed(from, to);
        setSelection({ kind: 'folder', path: to });
      }
    }
  };

  const onDelete = async () => {
    if (!selection) return;
    if (selection.kind === 'bookmark' && current) {
      // No question: only the dialog's form loses it, and Cancel brings it back.
      const gone = selection.index;
      const name = current.bookmarks[gone]?.name ?? '';
      update({ bookmarks: current.bookmarks.filter((_, i) => i !== gone) });
      setWork((w) => renameMovedBookmark(w, current.key, name, null));
      setSelection({ kind: 'site', key: current.key });
      return;
    }
    if (selection.kind === 'site' && current) {
      const ok = await actions.confirm({ title: t('sm.deleteTitle'), message: t('sm.deleteSite', { name: shownName(current.name, 'in-quotes') }), confirmLabel: t('action.delete'), danger: true });
      if (!ok) return;
      // Only from the dialog's list: the site (and its stored password) goes with OK, and comes back with Cancel.
      setWork((w) => deleteSites(w, [current], savedById));
      setSelection({ kind: 'folder', path: current.folder });
      return;
    }
    if (selection.kind === 'folder' && selection.path.length > 0) {
      const ok = await actions.confirm({ title: t('sm.deleteTitle'), message: t('sm.deleteFolder', { name: shownName(selection.path[selection.path.length - 1] ?? '', 'in-quotes') }), confirmLabel: t('action.delete'), danger: true });
      const gone = selection.path;
      if (ok) {
        // Its sites go too, saved ones with OK and forms not saved at once: an unsaved new site there kept the folder in
        // the tree, and OK saved both back.
        setWork((w) => removeFolders(deleteSites(w, allDrafts.filter((d) => isWithin(d.folder, gone)), savedById), folders, gone));
        setSelection({ kind: 'folder', path: gone.slice(0, -1) });
      }
    }
  };

  const onImportFile = async (file: File | undefined) => {
    if (!file) return;
    // In the encoding the file declares, the one chosen, or (FlashFXP's Sites.dat says none) UTF-8 if valid, else GBK:
    // file.text() would read a GBK or UTF-16 file as UTF-8, garbling its names.
    const read = decodeSiteFileBytes(new Uint8Array(await file.arrayBuffer()), importEncoding);
    if (fileInput.current) fileInput.current.value = '';
    // Read by main, saved with OK: the sites join the dialog's list (their passwords held by main until then).
    const staged = await actions.stageSitesImport(read.text, read.guessed ? read.encoding : undefined);
    if (!staged) return;
    const taken = new Map<string, Set<string>>();
    const namesIn = (folder: readonly string[]) => {
      const k = key(folder);
      let names = taken.get(k);
      if (!names) taken.set(k, (names = new Set(allDrafts.filter((d) => key(d.folder) === k).map((d) => d.name))));
      return names;
    };
    const added: SiteDraft[] = [];
    const refs: [string, string][] = [];
    for (const { site, passwordRef } of staged.sites) {
      const names = namesIn(site.folder);
      const fresh = newSiteDraft(site.folder, uniqueCopyName(site.name, names));
      names.add(fresh.name);
      added.push({ ...draftFromSite({ ...site, id: '', hasPassword: passwordRef !== undefined }), id: undefined, key: fresh.key, name: fresh.name });
      if (passwordRef) refs.push([fresh.key, passwordRef]);
    }
    setWork((w) => {
      const passwordFrom = new Map(w.passwordFrom);
      for (const [k, ref] of refs) passwordFrom.set(k, { kind: 'import', ref });
      let next = putDrafts({ ...w, passwordFrom }, added, savedById);
      for (const folder of staged.folders) if (!folders.some((shown) => key(shown) === key(folder))) next = addFolder(next, folder);
      return next;
    });
  };

  /**
   * Saves everything done in the dialog at once (`sites:commit`): on a form's validation problem selects it and shows
   * why; sites changed elsewhere too are named and the user decides (or goes back to the dialog, nothing saved).
   * Returns key → saved id, or null when nothing was saved.
   */
  const saveAll = async (): Promise<Map<string, string> | null> => {
    const dirty = allDrafts.filter(isDirty);
    for (const d of dirty) {
      const errors = validateDraft(d);
      const fields = Object.keys(errors) as (keyof DraftErrors)[];
      const field = fields[0];
      if (field) {
        setSelection({ kind: 'site', key: d.key });
        setShowErrors((s) => new Set(s).add(d.key));
        setTab(FIELD_TAB[field]);
        return null;
      }
      // A bookmark without a name or with one its site has twice: its page, which says so (main refused the first
      // with a toast; the second was merged into one bookmark).
      const bad = firstBadBookmark(d.bookmarks);
      if (bad >= 0) {
        setSiteOpen(d.key, true);
        setSelection({ kind: 'bookmark', siteKey: d.key, index: bad });
        return null;
      }
    }
    const ids = new Map<string, string>();
    for (const d of allDrafts) if (d.id !== undefined) ids.set(d.key, d.id);
    const commit = buildCommit(work, list, folders, allDrafts);
    const nothing = commit.changed.length + commit.deleted.length + commit.added.length === 0 && work.foldersAdded.size + work.foldersRemoved.size === 0;
    if (nothing) return ids;
    let decisions: Record<string, ConflictDecision> = {};
    setBusy(true);
    try {
      for (;;) {
        const r = await actions.commitSites({ ...commit, decisions });
        if (!r.ok) return null;
        if (r.value.kind === 'conflicts') {
          const conflicts = r.value.conflicts;
          const answer = await actions.decide({ title: t('sm.conflictTitle'), message: conflictText(t, conflicts), confirmLabel: t('sm.conflictMine'), alternativeLabel: t('sm.conflictTheirs') });
          if (answer === 'cancel') return null;
          decisions = { ...decisions, ...Object.fromEntries(conflicts.map((c) => [c.id, answer === 'confirm' ? 'mine' : 'theirs'])) };
          continue;
        }
        for (const [k, id] of Object.entries(r.value.ids)) ids.set(k, id);
        // Saved: the dialog goes on from the list as it is now (Test both modes keeps it open).
        setWork(emptyWork());
        return ids;
      }
    } finally {
      setBusy(false);
    }
  };

  /**
   * Cancel, Escape and the close button: what was done in the dialog is discarded only once the user says so, naming
   * it (a stray Escape lost every edit silently). A new site still as New site made it is no change.
   */
  const onCancel = async () => {
    const summary = pendingSummary(work, savedById, isBlankNewDraft);
    const changed = allDrafts.filter((d) => isDirty(d) && !(d.id === undefined && isBlankNewDraft(d)));
    if (hasStructuralChanges(summary, work)) {
      const ok = await actions.confirm({ title: t('sm.discardTitle'), message: t('sm.discardList', { changes: pendingText(t, summary) }), confirmLabel: t('sm.discard'), danger: true });
      if (!ok) return;
    } else if (changed.length > 0) {
      const names = changed.map((d) => shownName(d.name, 'in-quotes'));
      const quoted = names.slice(0, 5).map((name) => `“${name}”`);
      const ok = await actions.confirm({
        title: t('sm.discardTitle'),
        message: changed.length === 1 ? t('sm.discardOne', { name: names[0] ?? '' }) : t('sm.discardMany', { count: changed.length, names: quoted.join(t('common.listSeparator')) + (changed.length > 5 ? '…' : '') }),
        confirmLabel: t('sm.discard'),
        danger: true,
      });
      if (!ok) return;
    }
    actions.closeSiteManager();
  };

  const onOk = async () => {
    if ((await saveAll()) !== null) actions.closeSiteManager();
  };

  /** The site on screen, checked and saved (with every other change): its id, or null with the problem shown. */
  const saveCurrent = async (): Promise<string | null> => {
    if (!current) return null;
    const errors = validateDraft(current);
    if (Object.keys(errors).length > 0) {
      setShowErrors((s) => new Set(s).add(current.key));
      const field = (Object.keys(errors) as (keyof DraftErrors)[])[0];
      if (field) setTab(FIELD_TAB[field]);
      return null;
    }
    return (await saveAll())?.get(current.key) ?? null;
  };

  const onConnect = async (inNewTab = false) => {
    const id = await saveCurrent();
    if (!id) return;
    // The keyboard goes to the remote list (not back to the toolbar), ready to browse once it is listed.
    focusGrid('remote');
    actions.closeSiteManager();
    if (inNewTab) actions.newTab();
    // On a bookmark: the site, then both of its folders, with synchronized browsing as the bookmark says.
    if (currentBookmark) void actions.connectBookmark(id, currentBookmark);
    else void actions.connectSite(id);
  };

  /**
   * Save (as Connect does, so the test uses what is on screen), then try both modes. The result is kept under the
   * saved site's key: a new site's draft key becomes its id once saved.
   */
  const onTestModes = async (): Promise<void> => {
    const id = await saveCurrent();
    if (!id) return;
    // A new site's draft is now the saved site: keep it selected (and on this tab) while the test runs.
    setSelection({ kind: 'site', key: id });
    setModeTest({ key: id, testing: true, probes: null });
    const probes = await actions.testSiteModes(id);
    setModeTest((state) => (state?.key === id ? { key: id, testing: false, probes } : state));
  };

  const setFolderOpen = (path: readonly string[], open: boolean) =>
    setCollapsed((c) => {
      const n = new Set(c);
      if (open) n.delete(key(path));
      else n.add(key(path));
      return n;
    });

  const onTreeKey = (e: KeyboardEvent<HTMLDivElement>) => {
    // Any other key ends a type-ahead word: "imp", an arrow, then "imp" again looks for "imp", not "impimp".
    if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) typed.current = { text: '', at: 0 };
    const i = flat.findIndex((f) => sameSelection(f.selection, selection));
    const item = flat[i];
    let next: number | null = null;
    switch (e.key) {
      case 'ArrowDown':
        next = Math.min(flat.length - 1, i + 1);
        break;
      case 'ArrowUp':
        next = Math.max(0, i - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = flat.length - 1;
        break;
      case 'PageDown':
      case 'PageUp': {
        // A screen of rows, as in the file lists (the browser scrolled the tree and left the selection behind).
        const rows = Math.floor((treeRef.current?.clientHeight ?? ITEM_HEIGHT) / ITEM_HEIGHT);
        next = pageStep(Math.max(0, i), flat.length, rows, e.key === 'PageDown' ? 1 : -1);
        break;
      }
      // The WAI-ARIA tree pattern: Right opens a closed folder, else goes to its first entry; Left closes an open
      // folder, else goes to the folder holding the entry.
      case 'ArrowRight':
        if (item?.selection.kind === 'folder') {
          if (!item.expanded) setFolderOpen(item.selection.path, true);
          else if ((flat[i + 1]?.depth ?? -1) > item.depth) next = i + 1;
        } else if (item?.selection.kind === 'site' && item.hasChildren) {
          // A site with bookmarks opens and closes as a folder does.
          if (!item.expanded) setSiteOpen(item.selection.key, true);
          else next = i + 1;
        }
        break;
      case 'ArrowLeft':
        if (item?.selection.kind === 'folder' && item.expanded) setFolderOpen(item.selection.path, false);
        else if (item?.selection.kind === 'site' && item.expanded) setSiteOpen(item.selection.key, false);
        else if (item && item.depth > 0) {
          const parent = flat.slice(0, i).findLastIndex((f) => f.depth === item.depth - 1);
          if (parent >= 0) next = parent;
        }
        break;
      case 'F2':
        void onRename();
        break;
      case 'Delete':
        void onDelete();
        break;
      case 'Enter':
        // A site connects; a folder opens or closes, as a double-click does (it did nothing).
        if (item && !item.isFolder) void onConnect();
        else if (item?.selection.kind === 'folder' && item.depth > 0) setFolderOpen(item.selection.path, !item.expanded);
        break;
      case 'Escape':
        // A pending cut is dropped first; the next Escape closes the dialog.
        if (!cutShown) return;
        setCut(null);
        break;
      default: {
        if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key.toLowerCase() === 'x' || e.key.toLowerCase() === 'v')) {
          if (e.key.toLowerCase() === 'x') onCut();
          else onPaste();
          break;
        }
        // Type-ahead, as in the file lists and folder trees: the first entry from here whose name starts so.
        if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return;
        const time = e.timeStamp || performance.now();
        const text = time - typed.current.at > TYPE_AHEAD_MS ? e.key : typed.current.text + e.key;
        typed.current = { text, at: time };
        const found = findTypeAhead(makeView(flat.map((f) => f.label)), text, Math.max(0, i));
        if (found >= 0) next = found;
      }
    }
    e.preventDefault();
    e.stopPropagation();
    const n = next !== null ? flat[next] : undefined;
    if (n) {
      reveal.current = true;
      setSelection(n.selection);
    }
  };

  /**
   * Forms held for sites in folder `from` follow it to `to` (renamed or moved): left behind, a form with unsaved edits
   * kept the old folder in the tree, and OK saved the site back into it.
   */
  const rebaseDrafts = (from: readonly string[], to: readonly string[]) => {
    const moved = allDrafts.filter((d) => isWithin(d.folder, from)).map((d) => ({ ...d, folder: rebaseFolder(d.folder, from, to) }));
    setWork((w) => moveFolders(putDrafts(w, moved, savedById), folders, from, to));
  };

  /** Folders the tree shows collapsed keep that state at their new place. */
  const rebaseCollapsed = (from: readonly string[], to: readonly string[]) =>
    setCollapsed((c) => new Set([...c].map((k) => { const path = JSON.parse(k) as string[]; return isWithin(path, from) ? key(rebaseFolder(path, from, to)) : k; })));

  /** A folder cannot go into itself or below itself; the pointer says so while dragging. */
  const canDropOn = (path: readonly string[], e: DragEvent): boolean => {
    const types = [...e.dataTransfer.types];
    if (types.includes(SITE_DRAG)) return true;
    if (!types.includes(FOLDER_DRAG)) return false;
    const from = dragged.current;
    return from?.kind !== 'folder' || !isWithin(path, from.path);
  };

  /** Moves a site or folder into folder `into` (a drop, or Ctrl+X then Ctrl+V); a move onto where it is does nothing. */
  const moveEntry = (entry: Selection, into: readonly string[]) => {
    if (entry.kind === 'folder') {
      const from = entry.path;
      if (from.length === 0 || isWithin(into, from) || key(from.slice(0, -1)) === key(into)) return;
      const to = folderMovedInto(from, into);
      // Refused as the store would refuse it: a folder of that name is there already (rename one first).
      if (folders.some((f) => key(f) === key(to))) {
        const values = { folder: shownName(to.join('/'), 'in-quotes') };
        actions.reportError({ kind: 'invalid-input', message: errorSentence('site.folder-exists', values), hint: errorSentence('site.folder-exists.move.hint', values), text: { message: 'site.folder-exists', hint: 'site.folder-exists.move.hint', values }, retryable: false });
        return;
      }
      rebaseDrafts(from, to);
      rebaseCollapsed(from, to);
      setSelection((s) => (s?.kind === 'folder' && isWithin(s.path, from) ? { kind: 'folder', path: rebaseFolder(s.path, from, to) } : s));
      return;
    }
    if (entry.kind === 'bookmark') return;
    const d = draftByKey(entry.key);
    if (!d || key(d.folder) === key(into)) return;
    // One more edit of the site's form, saved with the others by OK (and undone by Cancel).
    setDrafts([{ ...d, folder: into }]);
  };

  /**
   * A bookmark moved to another site (a drop on the site or one of its bookmarks, or Ctrl+X then Ctrl+V): two edits of
   * forms, saved with OK. A name the site has already is not overwritten: the moved one takes "Name (2)", and the
   * status line says so.
   */
  const moveBookmark = (entry: { readonly siteKey: string; readonly index: number }, toKey: string) => {
    const from = draftByKey(entry.siteKey);
    const to = draftByKey(toKey);
    const bookmark = from?.bookmarks[entry.index];
    if (!from || !to || !bookmark || from.key === to.key) return;
    const as = uniqueBookmarkName(bookmark.name, to.bookmarks.map((b) => b.name));
    const moved = { ...from, bookmarks: from.bookmarks.filter((_, i) => i !== entry.index) };
    const into = { ...to, bookmarks: [...to.bookmarks, { ...bookmark, name: as }] };
    const stored = from.id !== undefined ? (work.bases.get(from.id) ?? savedById.get(from.id)) : undefined;
    setWork((w) => recordBookmarkMove(putDrafts(w, [moved, into], savedById), from, bookmark.name, into, as, stored));
    setSiteOpen(to.key, true);
    setSelection({ kind: 'bookmark', siteKey: to.key, index: to.bookmarks.length });
    setMoveNotice(as !== bookmark.name ? t('sm.bookmarkMovedRenamed', { site: shownName(to.name, 'in-quotes'), name: shownName(bookmark.name, 'in-quotes'), as: shownName(as, 'in-quotes') }) : null);
  };

  const onDropOnSite = (e: DragEvent, siteKey: string) => {
    const data = e.dataTransfer.getData(BOOKMARK_DRAG);
    if (!data) return;
    e.preventDefault();
    moveBookmark(JSON.parse(data) as { siteKey: string; index: number }, siteKey);
  };

  const onDropOnFolder = (e: DragEvent, path: readonly string[]) => {
    const folderKey = e.dataTransfer.getData(FOLDER_DRAG);
    const siteKey = e.dataTransfer.getData(SITE_DRAG);
    const entry: Selection | null = folderKey ? { kind: 'folder', path: JSON.parse(folderKey) as string[] } : siteKey ? { kind: 'site', key: siteKey } : null;
    if (!entry) return;
    e.preventDefault();
    moveEntry(entry, path);
  };

  /** The keyboard's way to move (there is no dragging without a pointer): Ctrl+X on an entry, Ctrl+V on a folder. */
  const labelOf = (entry: Selection): string => (entry.kind === 'site' ? (draftByKey(entry.key)?.name ?? '') : entry.kind === 'folder' ? (entry.path[entry.path.length - 1] ?? '') : (draftByKey(entry.siteKey)?.bookmarks[entry.index]?.name ?? ''));
  /**
   * The cut entry where it is now: a cut bookmark by its name, as Ctrl+V finds it (by place, deleting one above it
   * dimmed and named the row that took its place).
   */
  const cutShown = ((): Selection | null => {
    if (cut?.kind !== 'bookmark') return cut;
    const index = draftByKey(cut.siteKey)?.bookmarks.findIndex((b) => b.name === cutBookmarkName.current) ?? -1;
    return index >= 0 ? { ...cut, index } : null;
  })();
  const onCut = () => {
    if (!selection || (selection.kind === 'folder' && selection.path.length === 0)) return;
    setMoveNotice(null);
    if (selection.kind === 'bookmark') cutBookmarkName.current = currentBookmark?.name ?? '';
    setCut(selection);
  };
  const onPaste = () => {
    if (!cut) return;
    if (cut.kind === 'bookmark') {
      // Into the selected site, or the selected bookmark's site (FileZilla has no way to move one at all).
      const into = siteKeyOf(selection);
      if (into === undefined || into === cut.siteKey) return;
      // By its name: a bookmark of its site deleted or duplicated since the cut moved the others' places.
      if (cutShown?.kind === 'bookmark') moveBookmark(cutShown, into);
      setCut(null);
      return;
    }
    const into = selectedFolder();
    // The moved entry is selected at its new place, in the opened folder (as a file manager does after a paste).
    setFolderOpen(into, true);
    setSelection(cut);
    moveEntry(cut, into);
    setCut(null);
  };

  // The rows' handlers, read through a ref so a row is drawn again only when what it shows changes (10,000 rows were
  // all drawn again at each keystroke in the form).
  const rowActions = useRef<RowActions>(null as unknown as RowActions);
  rowActions.current = {
    select: (entry) => setSelection(entry),
    toggleSite: (siteKey, open) => setSiteOpen(siteKey, open),
    dragStart: (entry, e) => {
      if (entry.kind === 'site') e.dataTransfer.setData(SITE_DRAG, entry.key);
      else if (entry.kind === 'folder') e.dataTransfer.setData(FOLDER_DRAG, key(entry.path));
      else e.dataTransfer.setData(BOOKMARK_DRAG, JSON.stringify({ siteKey: entry.siteKey, index: entry.index }));
      dragged.current = entry;
      e.dataTransfer.effectAllowed = 'move';
      // After dragstart: Chromium ends a drag whose page changes during its dragstart.
      setTimeout(() => setDragging(dragged.current), 0);
    },
    dragOver: (entry, e) => {
      if (entry.kind === 'folder' && canDropOn(entry.path, e)) e.preventDefault();
      // A bookmark onto another site, or onto one of its bookmarks (into that site).
      const from = dragged.current;
      const site = siteKeyOf(entry);
      if (site !== undefined && [...e.dataTransfer.types].includes(BOOKMARK_DRAG) && from?.kind === 'bookmark' && from.siteKey !== site) e.preventDefault();
    },
    dragEnd: () => {
      dragged.current = null;
      setDragging(null);
    },
    drop: (entry, e) => {
      setDragging(null);
      if (entry.kind === 'folder') onDropOnFolder(e, entry.path);
      const site = siteKeyOf(entry);
      if (site !== undefined) onDropOnSite(e, site);
    },
    doubleClick: (entry) => {
      if (entry.kind === 'folder') {
        const k = key(entry.path);
        setCollapsed((c) => {
          const n = new Set(c);
          if (n.has(k)) n.delete(k);
          else n.add(k);
          return n;
        });
      } else void onConnect();
    },
  };

  const canEditFolder = selection?.kind === 'folder' && selection.path.length > 0;
  const portPlaceholder = current ? String(defaultPort(current.protocol)) : '21';
  const charsetMode = !current ? 'auto' : current.charset === 'auto' ? 'auto' : current.charset.toLowerCase() === 'utf-8' || current.charset.toLowerCase() === 'utf8' ? 'utf8' : 'custom';

  return (
    <Dialog title={t('sm.title')} onClose={() => void onCancel()} className="site-manager">
      <div className="sm-body">
        <div className="sm-left">
          <div className="sm-tree-head">
            <div className="sm-tree-label" id="sm-tree-label">
              {t('sm.selectEntry')}
            </div>
            <input
              type="search"
              className="sm-search"
              aria-label={t('sm.search')}
              placeholder={t('sm.searchPlaceholder')}
              title={t('sm.searchTitle')}
              value={search}
              spellCheck={false}
              onChange={(e) => onSearch(e.target.value)}
              onKeyDown={(e) => {
                // Escape empties the search first (the next one closes the dialog); Down and Enter go to the tree.
                if (isImeKey(e)) return;
                if (e.key === 'Escape' && search !== '') {
                  e.preventDefault();
                  e.stopPropagation();
                  // The site found stays in view in the whole tree (it was left off screen, thousands of rows down).
                  reveal.current = true;
                  setSearch('');
                } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
                  e.preventDefault();
                  treeRef.current?.focus();
                }
              }}
            />
          </div>
          {noMatch ? (
            <p role="status" className="help">
              {t('sm.searchNone', { text: shownName(search.trim(), 'in-quotes') })}
            </p>
          ) : null}
          <div ref={treeRef} className="sm-tree" role="tree" aria-labelledby="sm-tree-label" tabIndex={0} onKeyDown={onTreeKey} aria-activedescendant={selectedIndex >= 0 ? `sm-item-${selectedIndex}` : undefined}>
            <div className="sm-tree-canvas" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((v) => {
                const item = flat[v.index];
                if (!item) return null;
                return (
                  <TreeRow
                    key={v.key}
                    item={item}
                    index={v.index}
                    top={v.start}
                    selected={v.index === selectedIndex}
                    isCut={cutShown !== null && sameSelection(item.selection, cutShown)}
                    unsavedTitle={t('sm.unsaved')}
                    on={rowActions}
                  />
                );
              })}
            </div>
          </div>
          <div role="status" className="help sm-cut-status">
            {cutShown ? t(cutShown.kind === 'bookmark' ? 'sm.cutNoticeBookmark' : 'sm.cutNotice', { name: shownName(labelOf(cutShown), 'in-quotes') }) : moveNotice}
          </div>
          <div className="sm-tree-buttons">
            <button type="button" className="button" onClick={onNewSite}>
              {t('sm.newSite')}
            </button>
            <button type="button" className="button" onClick={() => void onNewFolder()}>
              {t('sm.newFolder')}
            </button>
            <button type="button" className="button" disabled={!current} onClick={onNewBookmark}>
              {t('sm.newBookmark')}
            </button>
            <button type="button" className="button" disabled={!current || (selection?.kind === 'bookmark' && !currentBookmark)} onClick={() => void onDuplicate()}>
              {t('sm.duplicate')}
            </button>
            <button type="button" className="button" disabled={!current && !canEditFolder} onClick={() => void onRename()}>
              {t('sm.rename')}
            </button>
            <button type="button" className="button" disabled={!current && !canEditFolder} onClick={() => void onDelete()}>
              {t('sm.delete')}
            </button>
            <button type="button" className="button" onClick={() => fileInput.current?.click()}>
              {t('sm.import')}
            </button>
            <button type="button" className="button" onClick={() => void actions.exportSites()}>
              {t('sm.export')}
            </button>
            {/* Below Import…, beside the free cell (New bookmark took a cell): the dialog is one row taller for it (dialogs.css). */}
            <select className="sm-import-encoding" aria-label={t('sm.importEncoding')} title={t('sm.importEncoding.title')} value={importEncoding} onChange={(e) => setImportEncoding(e.target.value)}>
              <option value="auto">{t('sm.importEncoding.auto')}</option>
              {SITE_FILE_ENCODINGS.map((encoding) => (
                <option key={encoding} value={encoding}>
                  {ENCODING_LABELS[encoding]}
                </option>
              ))}
            </select>
            <input ref={fileInput} type="file" accept=".xml,text/xml,application/xml,.json,application/json,.dat" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(e) => void onImportFile(e.target.files?.[0])} />
          </div>
        </div>
        <div className="sm-right">
          {current && currentBookmark && selection?.kind === 'bookmark' ? (
            <div className="sm-bookmark" role="group" aria-label={t('sm.bookmarkPage')}>
              <div className="sm-site-title">
                <strong>{currentBookmark.name}</strong>
                <span className="help">{t('sm.bookmarkOf', { site: current.name })}</span>
              </div>
              {/* The tabs' panel look (fields flush with the title, the page scrolls in a short window). */}
              <div className="form-stack sm-panel">
              <Field label={t('sm.bookmarkName')} error={bookmarkNameProblem(currentBookmark.name) ?? undefined}>
                {(id, describedBy) => <input id={id} value={currentBookmark.name} spellCheck={false} aria-describedby={describedBy} onChange={(e) => updateBookmark({ name: e.target.value })} />}
              </Field>
              <Field label={t('sm.bookmarkLocal')}>
                {(id) => <LocalFolderInput id={id} label={t('sm.bookmarkLocal')} value={currentBookmark.localPath} onChange={(path) => updateBookmark({ localPath: path })} />}
              </Field>
              <Field label={t('sm.bookmarkRemote')}>{(id) => <input id={id} value={currentBookmark.remotePath} spellCheck={false} onChange={(e) => updateBookmark({ remotePath: e.target.value })} />}</Field>
              <label className="checkbox">
                <input type="checkbox" checked={currentBookmark.syncBrowsing === true} onChange={(e) => updateBookmark({ syncBrowsing: e.target.checked })} />
                <span>{t('sm.bookmarkSync')}</span>
              </label>
              <label className="checkbox">
                <input type="checkbox" checked={currentBookmark.directoryComparison === true} onChange={(e) => updateBookmark({ directoryComparison: e.target.checked })} />
                <span>{t('sm.bookmarkCompare')}</span>
              </label>
              <p className="help">{t('sm.bookmarkHelp')}</p>
              </div>
            </div>
          ) : current ? (
            <>
              <div className="sm-site-title">
                <strong>{current.name}</strong>
                {current.id === undefined ? <span className="tag">{t('sm.notSaved')}</span> : null}
                {/* Changed here, deleted elsewhere meanwhile: OK asks whether to save it again. */}
                {current.id !== undefined && !savedById.has(current.id) ? <span className="tag">{t('sm.deletedElsewhere')}</span> : null}
                {currentErrors.name && showErrors.has(current.key) ? <span className="field-error">{t(currentErrors.name)}</span> : null}
              </div>
              <div role="tablist" aria-label={t('sm.settingsTabs')} className="tabs sm-tabs">
                {TABS.map((tb) => (
                  <button
                    key={tb.id}
                    type="button"
                    role="tab"
                    id={`sm-tab-${tb.id}`}
                    aria-selected={tab === tb.id}
                    aria-controls={`sm-panel-${tb.id}`}
                    tabIndex={tab === tb.id ? 0 : -1}
                    className="tab"
                    onClick={() => setTab(tb.id)}
                    onKeyDown={(e) => {
                      const i = TABS.findIndex((x) => x.id === tb.id);
                      const n = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : undefined;
                      if (n) {
                        setTab(n.id);
                        document.getElementById(`sm-tab-${n.id}`)?.focus();
                      }
                    }}
                  >
                    {t(tb.label)}
                  </button>
                ))}
              </div>
              <div role="tabpanel" id={`sm-panel-${tab}`} aria-labelledby={`sm-tab-${tab}`} className="sm-panel">
                {tab === 'general' ? (
                  <div className="form-grid">
                    <Field label={t('sm.protocol')} className="span-2">
                      {(id) => (
                        <select id={id} value={current.protocol} onChange={(e) => update({ protocol: e.target.value as SiteProtocol })}>
                          {PROTOCOLS.map((p) => (
                            <option key={p.id} value={p.id}>
                              {t(p.label)}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    <div className="field-row span-2">
                      <Field label={t('sm.host')} error={errorText('host')} className="grow">
                        {(id, describedBy) => (
                          <input
                            ref={hostRef}
                            id={id}
                            value={current.host}
                            spellCheck={false}
                            autoComplete="off"
                            aria-invalid={errorText('host') ? true : undefined}
                            aria-describedby={describedBy}
                            aria-required="true"
                            onChange={(e) => update({ host: e.target.value })}
                            // A new site's Host has the focus: leaving it empty for another tab is no mistake yet
                            // (it showed "Enter the server's host name" in red at once); OK and Connect still say it.
                            onBlur={() => {
                              // A URL or user@host pasted here is split into the fields it names, as FileZilla does.
                              const patch = hostFieldPatch(current, parseQuickHost(current.host));
                              if (patch) update(patch);
                              if (current.host !== '') touch('host');
                            }}
                          />
                        )}
                      </Field>
                      <Field label={t('sm.port')} error={errorText('port')} className="port">
                        {(id, describedBy) => (
                          <input
                            id={id}
                            value={current.port}
                            inputMode="numeric"
                            placeholder={portPlaceholder}
                            aria-invalid={errorText('port') ? true : undefined}
                            aria-describedby={describedBy}
                            onChange={(e) => update({ port: e.target.value })}
                            onBlur={() => touch('port')}
                          />
                        )}
                      </Field>
                    </div>
                    <Field label={t('sm.logonType')} className="span-2">
                      {(id) => (
                        <select id={id} value={current.logonType} onChange={(e) => update({ logonType: e.target.value as LogonType })}>
                          {LOGON_TYPES.map((l) => (
                            <option key={l.id} value={l.id}>
                              {t(l.label)}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    <Field label={t('sm.user')} error={errorText('user')}>
                      {(id, describedBy) => (
                        <input
                          id={id}
                          value={current.logonType === 'anonymous' ? 'anonymous' : current.user}
                          disabled={current.logonType === 'anonymous'}
                          spellCheck={false}
                          autoComplete="off"
                          aria-invalid={errorText('user') ? true : undefined}
                          aria-describedby={describedBy}
                          onChange={(e) => update({ user: e.target.value })}
                          onBlur={() => touch('user')}
                        />
                      )}
                    </Field>
                    <Field label={t('sm.password')}>
                      {(id) => (
                        <input
                          id={id}
                          type="password"
                          value={current.password}
                          disabled={current.logonType !== 'normal'}
                          autoComplete="new-password"
                          placeholder={current.logonType === 'ask' ? t('sm.passwordAsk') : current.hasPassword && !current.passwordChanged ? t('sm.passwordStored') : ''}
                          onChange={(e) => update({ password: e.target.value, passwordChanged: true })}
                        />
                      )}
                    </Field>
                  </div>
                ) : null}
                {tab === 'transfer' ? (
                  <div className="form-stack">
                    <fieldset className="radio-group" role="radiogroup" aria-labelledby="sm-mode-legend">
                      <legend id="sm-mode-legend">{t('sm.transferMode')}</legend>
                      {(['default', 'passive', 'active'] as const).map((m: SiteTransferMode) => (
                        <label key={m} className="radio">
                          <input type="radio" name="sm-transfer-mode" value={m} checked={current.transferMode === m} onChange={() => update({ transferMode: m })} />
                          <span>{m === 'default' ? t('sm.mode.default') : t(m === 'passive' ? 'mode.passive' : 'mode.active')}</span>
                        </label>
                      ))}
                      <p className="help">
                        {/* Two sentences as the language joins them: Chinese puts no space after 。 */}
                        {t('log.twoSentences', { first: t('sm.modeDefaultIs', { mode: t(globalMode === 'active' ? 'mode.activeShort' : 'mode.passiveShort') }), second: t('sm.modeHelp') })}
                      </p>
                    </fieldset>
                    <ModeTest busy={busy} state={modeTest?.key === current.key ? modeTest : null} selected={current.transferMode === 'default' ? globalMode : current.transferMode} onTest={() => void onTestModes()} onUse={(mode) => update({ transferMode: mode })} />
                    <label className="checkbox">
                      <input type="checkbox" checked={current.limitConnections} onChange={(e) => update({ limitConnections: e.target.checked })} />
                      <span>{t('sm.limitConnections')}</span>
                    </label>
                    <Field label={t('sm.maxConnections')} error={current.limitConnections && (showErrors.has(current.key) || touched.has(`${current.key}:connectionLimit`)) && currentErrors.connectionLimit ? t(currentErrors.connectionLimit) : undefined} className="narrow">
                      {(id, describedBy) => (
                        <input
                          id={id}
                          type="number"
                          min={1}
                          max={10}
                          value={current.connectionLimit}
                          disabled={!current.limitConnections}
                          aria-describedby={describedBy}
                          onChange={(e) => update({ connectionLimit: e.target.value })}
                          onBlur={() => touch('connectionLimit')}
                        />
                      )}
                    </Field>
                  </div>
                ) : null}
                {tab === 'charset' ? (
                  <div className="form-stack">
                    <fieldset className="radio-group" role="radiogroup" aria-labelledby="sm-charset-legend">
                      <legend id="sm-charset-legend">{t('sm.charsetLegend')}</legend>
                      <label className="radio">
                        <input type="radio" name="sm-charset" checked={charsetMode === 'auto'} onChange={() => update({ charset: 'auto' })} />
                        <span>{t('sm.charset.auto')}</span>
                      </label>
                      <label className="radio">
                        <input type="radio" name="sm-charset" checked={charsetMode === 'utf8'} onChange={() => update({ charset: 'utf-8' })} />
                        <span>{t('sm.charset.utf8')}</span>
                      </label>
                      <label className="radio">
                        <input type="radio" name="sm-charset" checked={charsetMode === 'custom'} onChange={() => update({ charset: 'gbk' })} />
                        <span>{t('sm.charset.custom')}</span>
                      </label>
                    </fieldset>
                    <Field label={t('sm.encoding')} className="narrow">
                      {(id) => (
                        <>
                          <input id={id} list="sm-charsets" value={charsetMode === 'custom' ? current.charset : ''} disabled={charsetMode !== 'custom'} spellCheck={false} onChange={(e) => update({ charset: e.target.value })} />
                          <datalist id="sm-charsets">
                            {CHARSETS.map((c) => (
                              <option key={c} value={c} />
                            ))}
                          </datalist>
                        </>
                      )}
                    </Field>
                    <p className="help">{t('sm.charsetHelp')}</p>
                  </div>
                ) : null}
                {tab === 'advanced' ? (
                  <div className="form-stack">
                    <Field label={t('sm.localDir')}>
                      {(id) => <LocalFolderInput id={id} label={t('sm.localDir')} value={current.localDir} onChange={(path) => update({ localDir: path })} />}
                    </Field>
                    <Field label={t('sm.remoteDir')}>{(id) => <input id={id} value={current.remoteDir} spellCheck={false} onChange={(e) => update({ remoteDir: e.target.value })} />}</Field>
                    <Field label={t('sm.serverTimeZone')} error={(showErrors.has(current.key) || touched.has(`${current.key}:serverTimeZone`)) && currentErrors.serverTimeZone ? t(currentErrors.serverTimeZone) : undefined} className="narrow">
                      {(id) => <input id={id} value={current.serverTimeZone} placeholder="+08:00" spellCheck={false} onChange={(e) => update({ serverTimeZone: e.target.value })} onBlur={() => touch('serverTimeZone')} />}
                    </Field>
                    <span className="help">{t('sm.serverTimeZoneHelp')}</span>
                    <Field label={t('sm.clientCert')} error={(showErrors.has(current.key) || touched.has(`${current.key}:clientCertFile`)) && currentErrors.clientCertFile ? t(currentErrors.clientCertFile) : undefined}>
                      {(id) => (
                        <div className="input-with-button">
                          <input id={id} value={current.clientCertFile} spellCheck={false} onChange={(e) => update({ clientCertFile: e.target.value })} onBlur={() => touch('clientCertFile')} />
                          <ChooseFileButton fieldLabel={t('sm.clientCert')} value={current.clientCertFile} kinds={CERTIFICATE_KINDS} onChoose={(path) => chooseFile('clientCertFile', path)} />
                        </div>
                      )}
                    </Field>
                    <Field label={t('sm.clientKey')} error={(showErrors.has(current.key) || touched.has(`${current.key}:clientKeyFile`)) && currentErrors.clientKeyFile ? t(currentErrors.clientKeyFile) : undefined}>
                      {(id) => (
                        <div className="input-with-button">
                          <input id={id} value={current.clientKeyFile} spellCheck={false} onChange={(e) => update({ clientKeyFile: e.target.value })} onBlur={() => touch('clientKeyFile')} />
                          <ChooseFileButton fieldLabel={t('sm.clientKey')} value={current.clientKeyFile || current.clientCertFile} kinds={CERTIFICATE_KINDS} onChoose={(path) => chooseFile('clientKeyFile', path)} />
                        </div>
                      )}
                    </Field>
                    <span className="help">{t('sm.clientCertHelp')}</span>
                    <label className="checkbox">
                      <input type="checkbox" checked={current.bypassProxy} onChange={(e) => update({ bypassProxy: e.target.checked })} />
                      <span>{t('sm.bypassProxy')}</span>
                    </label>
                    <Field label={t('sm.comments')}>{(id) => <textarea id={id} rows={4} value={current.comments} onChange={(e) => update({ comments: e.target.value })} />}</Field>
                    {current.trustedFingerprints.length > 0 ? (
                      <div className="field">
                        <span className="label">{t('sm.trusted')}</span>
                        <ul className="fingerprints">
                          {current.trustedFingerprints.map((f) => (
                            <li key={f}>
                              <code title={f}>{f}</code>
                              <button type="button" className="link-button" onClick={() => update({ trustedFingerprints: current.trustedFingerprints.filter((x) => x !== f) })}>
                                {t('sm.forget')}
                              </button>
                            </li>
                          ))}
                        </ul>
                      </div>
                    ) : null}
                  </div>
                ) : null}
              </div>
            </>
          ) : (
            <div className="sm-placeholder">
              {/* No site yet (a first start): say how to make one, and that FileZilla's can be brought over. */}
              <p>{t(allDrafts.length === 0 ? 'sm.placeholderNoSites' : 'sm.placeholder')}</p>
              {list.warnings.map((w) => (
                <p key={w.text} className="field-error">
                  {localizeLogLine(w, t.language).text}
                </p>
              ))}
            </div>
          )}
        </div>
      </div>
      <div className="dialog-buttons">
        <button type="button" className="button primary" disabled={!current || busy} onClick={() => void onConnect()}>
          {t('sm.connect')}
        </button>
        {/* Only when this tab is busy with a session: an empty tab is where a new connection goes anyway. */}
        {tabConnected ? (
          <button type="button" className="button" disabled={!current || busy} onClick={() => void onConnect(true)}>
            {t('sm.connectNewTab')}
          </button>
        ) : null}
        <span className="spacer" />
        <button type="button" className="button" disabled={busy} onClick={() => void onOk()}>
          {t('common.ok')}
        </button>
        <button type="button" className="button" onClick={() => void onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

/** What a tree row does, from the dialog (a ref: new closures at each render would draw every row again). */
interface RowActions {
  select(entry: Selection): void;
  toggleSite(siteKey: string, open: boolean): void;
  dragStart(entry: Selection, e: DragEvent): void;
  dragOver(entry: Selection, e: DragEvent): void;
  dragEnd(): void;
  drop(entry: Selection, e: DragEvent): void;
  doubleClick(entry: Selection): void;
}

interface TreeRowProps {
  readonly item: FlatItem;
  readonly index: number;
  /** Its place in the tree's canvas (px): only the rows in view are drawn. */
  readonly top: number;
  readonly selected: boolean;
  readonly isCut: boolean;
  readonly unsavedTitle: string;
  readonly on: { readonly current: RowActions };
}

const sameRow = (a: TreeRowProps, b: TreeRowProps): boolean =>
  a.index === b.index && a.top === b.top && a.selected === b.selected && a.isCut === b.isCut && a.unsavedTitle === b.unsavedTitle && a.on === b.on &&
  a.item.label === b.item.label && a.item.depth === b.item.depth && a.item.isFolder === b.item.isFolder && a.item.hasChildren === b.item.hasChildren && a.item.expanded === b.item.expanded &&
  a.item.unsaved === b.item.unsaved && a.item.dirty === b.item.dirty && a.item.posInSet === b.item.posInSet && a.item.setSize === b.item.setSize && sameSelection(a.item.selection, b.item.selection);

/** One entry of the Site Manager's tree: a folder, a site or a site's bookmark. */
const TreeRow = memo(function TreeRow({ item, index, top, selected, isCut, unsavedTitle, on }: TreeRowProps): ReactElement {
  const entry = item.selection;
  return (
    <div
      id={`sm-item-${index}`}
      role="treeitem"
      aria-level={item.depth + 1}
      aria-posinset={item.posInSet}
      aria-setsize={item.setSize}
      aria-selected={selected}
      aria-expanded={item.hasChildren ? item.expanded : undefined}
      className={`sm-item${selected ? ' is-selected' : ''}${item.unsaved || item.dirty ? ' is-dirty' : ''}${isCut ? ' is-cut' : ''}`}
      style={{ transform: `translateY(${top}px)`, paddingLeft: 6 + item.depth * 16 }}
      // Every entry but the top level can be dragged onto a folder (FileZilla's Site Manager); a bookmark onto another site.
      draggable={entry.kind !== 'folder' || entry.path.length > 0}
      onDragStart={(e) => on.current.dragStart(entry, e)}
      onDragOver={(e) => on.current.dragOver(entry, e)}
      onDragEnd={() => on.current.dragEnd()}
      onDrop={(e) => on.current.drop(entry, e)}
      onClick={() => on.current.select(entry)}
      onDoubleClick={() => on.current.doubleClick(entry)}
    >
      <span
        className="twisty"
        aria-hidden="true"
        // A site's twisty opens its bookmarks with the pointer (a double-click on a site connects).
        onClick={entry.kind === 'site' && item.hasChildren ? (e) => { e.stopPropagation(); on.current.toggleSite(entry.key, !item.expanded); } : undefined}
      >
        {item.hasChildren ? (item.expanded ? '▾' : '▸') : ''}
      </span>
      {item.isFolder ? <FileIcon kind="folder" /> : <Icon name={entry.kind === 'bookmark' ? 'bookmark' : 'site'} size={14} />}
      <span className="name-text" title={item.label}>
        {item.label}
      </span>
      {item.unsaved || item.dirty ? (
        <span className="dirty-mark" title={unsavedTitle}>
          •
        </span>
      ) : null}
    </div>
  );
}, sameRow);

/** A local folder, typed or picked with Choose… (the system's dialog in the desktop app, Ferry's in the web host). */
function LocalFolderInput({ id, label, value, onChange }: { readonly id: string; readonly label: string; readonly value: string; readonly onChange: (path: string) => void }): ReactElement {
  return (
    <div className="input-with-button">
      <input id={id} value={value} spellCheck={false} onChange={(e) => onChange(e.target.value)} />
      <ChooseFileButton fieldLabel={label} value={value} kinds={FOLDERS} onChoose={onChange} />
    </div>
  );
}
