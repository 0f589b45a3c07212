/**
 * "Choose…" beside a field that takes a local file's full path (FileZilla's "Browse…"). In the desktop app it opens
 * the system's own open/save dialog through main (`local:choose`, lib/native-chooser.ts). In the web host it opens the
 * window's "Choose a file" dialog, which lists this computer's folders through main (`local:list`, `local:stat`,
 * `local:home`), the same requests the local pane makes: a browser cannot open a dialog that hands the page a path,
 * and its file input never tells the page a file's full path.
 * The list is virtualized as the panes' are (@tanstack/react-virtual): a folder of 20,000 files (/usr/lib, a camera's)
 * drew every row and took seconds to open; only the rows in view are in the page, each saying its place in the whole.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { createPortal } from 'react-dom';
import * as actions from '../actions';
import { useT } from '../i18n';
import { fileKind } from '../lib/file-kind';
import { chooserRows, startFolder, typedPath, type FileChoiceKind } from '../lib/file-chooser';
import { nativeChooseRequest, usesNativeChooser } from '../lib/native-chooser';
import { isImeKey } from '../lib/ime';
import { findTypeAhead, makeView, TYPE_AHEAD_MS } from '../lib/list-nav';
import { keysOfShown, namesListedTwice } from '../lib/listed-twice';
import { localizeError } from '../lib/localize-error';
import { baseName, flavorOf, joinPath, parentPath } from '../lib/paths';
import type { FileRow } from '../lib/sort';
import { useSettingsStore } from '../stores/settings-store';
import { shownName } from '../../shared/shown-name';
import { Dialog } from './dialog';
import { FileIcon } from './icons';

/** A "Choose…" button that fills its field with the chosen file's full path; named after the field for screen readers. */
export interface ChooseFileButtonProps {
  readonly fieldLabel: string;
  /** The path in the field: the dialog starts in its folder. */
  readonly value: string;
  readonly kinds: readonly FileChoiceKind[];
  readonly onChoose: (path: string) => void;
  readonly disabled?: boolean;
  /** A file that does not exist yet may be named (a log file to be written). */
  readonly allowNew?: boolean;
}

export function ChooseFileButton({ fieldLabel, value, kinds, onChoose, disabled = false, allowNew = false }: ChooseFileButtonProps): ReactElement {
  const t = useT();
  const [open, setOpen] = useState(false);
  const native = useSettingsStore((s) => usesNativeChooser(s.app));
  const choose = async () => {
    if (!native) return setOpen(true);
    const texts = { title: t(kinds.includes('folders') ? 'chooser.titleFolder' : 'chooser.title'), buttonLabel: t('chooser.choose'), kindLabel: (k: FileChoiceKind) => t(`chooser.kind.${k}`) };
    const r = await actions.request('local:choose', nativeChooseRequest({ value, kinds, allowNew }, texts));
    if (!r.ok) actions.reportError(r.error);
    else if (r.value.kind === 'chosen') onChoose(r.value.path);
    // No window to be modal to: the window's own dialog. Cancelled: the field stays as it was.
    else if (r.value.kind === 'unavailable') setOpen(true);
  };
  return (
    <>
      <button type="button" className="button" disabled={disabled} aria-label={t('chooser.buttonFor', { field: fieldLabel })} onClick={() => void choose()}>
        {t('chooser.button')}
      </button>
      {/* Outside the dialog the button is in (the Site Manager's), so neither dialog holds the other in the page. */}
      {open
        ? createPortal(
            <FileChooserDialog
              start={value}
              kinds={kinds}
              allowNew={allowNew}
              onClose={() => setOpen(false)}
              onChoose={(path) => {
                setOpen(false);
                onChoose(path);
              }}
            />,
            document.body,
          )
        : null}
    </>
  );
}

/** A row's height in px (dialogs.css .chooser-row). */
const ROW_HEIGHT = 22;

interface Shown {
  readonly folder: string;
  readonly rows: readonly FileRow[];
}

export function FileChooserDialog({ start, kinds, allowNew = false, onChoose, onClose }: { readonly start: string; readonly kinds: readonly FileChoiceKind[]; readonly allowNew?: boolean; readonly onChoose: (path: string) => void; readonly onClose: () => void }): ReactElement {
  const t = useT();
  const id = useId();
  const [shown, setShown] = useState<Shown | null>(null);
  const [kind, setKind] = useState<FileChoiceKind>(kinds[0] ?? 'all');
  const [typed, setTyped] = useState('');
  const [cursor, setCursor] = useState(-1);
  /** The cursor's row is selected too (Choose takes it); a folder chooser opens with the focus on a row, not choosing it. */
  const [picked, setPicked] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const asked = useRef(0);
  /** The name the cursor lands on when the next listing comes: the file in the field, the folder just left (Up). */
  const landing = useRef<string | null>(kinds[0] === 'folders' ? null : baseName(start.trim()) || null);
  const typedAhead = useRef({ text: '', at: 0 });
  /** Choosing a folder: Choose takes the folder selected or, with none, the folder shown; Enter still goes into one. */
  const folderMode = kind === 'folders';

  const list = useCallback(
    async (folder: string): Promise<boolean> => {
      const seq = ++asked.current;
      const r = await actions.request('local:list', { path: folder });
      if (seq !== asked.current) return true;
      if (!r.ok) {
        setProblem(localizeError(r.error, t.language).message);
        return false;
      }
      setShown({ folder: r.value.path, rows: r.value.entries.map((e) => ({ name: e.name, type: e.type, size: e.size, modified: e.modified, permissions: null, owner: null, group: null, target: null })) });
      setTyped('');
      setProblem(null);
      return true;
    },
    [t.language],
  );

  // The field's folder, else (no full path in it, or the folder is gone) the home folder.
  useEffect(() => {
    void (async () => {
      const first = startFolder(start, kind);
      if (first !== null && (await list(first))) return;
      const home = await actions.request('local:home', undefined);
      if (home.ok) await list(home.value.path);
    })();
    // Only once, where the dialog opens.
  }, []);

  // Sorted once per listing and kind, not at each key: a folder may hold tens of thousands of names.
  const rows = useMemo(() => (shown ? chooserRows(shown.rows, kind) : []), [shown, kind]);
  const view = useMemo(() => makeView(rows.map((r) => r.name)), [rows]);
  const folder = shown?.folder ?? '';
  const scrollRef = useRef<HTMLDivElement>(null);
  // Two local names not UTF-8 can both read as "a�.txt": a key per row, not per name, given in the listing's order
  // (lib/listed-twice, as the panes), so the cursor stays on its own row when Show changes the rows.
  const rowKeys = useMemo(() => (shown ? keysOfShown(shown.rows, rows) : []), [shown, rows]);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10, getItemKey: (i) => rowKeys[i] ?? i });
  // As a system dialog opens: a row has the focus at once (the file in the field, the folder left by Up, else the
  // first), selected with its name in the path field — not in a folder chooser, where Choose then takes the folder
  // shown. Before, the keyboard user had to press a key first. Another folder or kind starts over.
  const listed = useRef<Shown | null>(null);
  const focusedKey = useRef<string | null>(null);
  useEffect(() => {
    if (!shown) return; // nothing listed yet: the landing name waits for the first listing
    // Only Show changed: the cursor stays on its name where still listed, and a name typed stays.
    const sameListing = listed.current === shown;
    listed.current = shown;
    // The landing name is a row key too: a name's first row is keyed by the name.
    const at = rows.length === 0 ? -1 : Math.max(0, rowKeys.indexOf((sameListing ? focusedKey.current : landing.current) ?? ''));
    landing.current = null;
    setCursor(at);
    const row = rows[at];
    setPicked(at >= 0 && !folderMode);
    if (!sameListing) setTyped(!folderMode && row?.type === 'file' ? row.name : '');
    virtualizer.scrollToOffset(0);
    // The rows of a listing or kind: folderMode changes only with them.
  }, [shown, rows, rowKeys, virtualizer]);
  // Declared after the effect above, which reads the row the cursor had before the rows changed.
  useEffect(() => {
    focusedKey.current = rowKeys[cursor] ?? null;
  }, [rowKeys, cursor]);
  // The cursor's row drawn and in sight (End in a folder of 20,000).
  useEffect(() => {
    if (cursor >= 0) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, virtualizer]);
  const pathOf = (row: FileRow) => joinPath(folder, row.name, flavorOf(folder));

  /**
   * A name the folder shown lists twice (two names not UTF-8 both read "a�.txt") is refused as the panes refuse it:
   * the path main is given is the same for both rows, so the file chosen could be the other one.
   */
  const listedTwice = (path: string): boolean => {
    const twice = shown && parentPath(path) === folder ? namesListedTwice(shown.rows, [baseName(path)])[0] : undefined;
    if (twice === undefined) return false;
    setProblem(t('log.twoSentences', { first: t('error.listedTwice', { name: shownName(twice, 'in-quotes') }), second: t('error.listedTwiceHint') }));
    return true;
  };

  /** A folder is entered, a file chosen; main says which (a symlink, a typed path). A name not there is refused, or taken where new files are allowed. */
  const open = async (path: string) => {
    if (listedTwice(path)) return;
    const r = await actions.request('local:stat', { paths: [path] });
    if (!r.ok) {
      if (allowNew) onChoose(path);
      else setProblem(localizeError(r.error, t.language).message);
      return;
    }
    if (r.value[0]?.isDirectory) await list(path);
    else if (folderMode) setProblem(t('chooser.notFolder'));
    else onChoose(path);
  };

  /** Choose in folder mode: a folder typed, selected or shown is the answer (a file typed is not). */
  const chooseFolder = async (path: string) => {
    if (listedTwice(path)) return;
    const r = await actions.request('local:stat', { paths: [path] });
    if (!r.ok) setProblem(localizeError(r.error, t.language).message);
    else if (r.value[0]?.isDirectory) onChoose(path);
    else setProblem(t('chooser.notFolder'));
  };

  /** The cursor on a row; a file's name goes to the path field, so Choose takes it (a folder's empties it: Choose enters it). */
  const select = (at: number) => {
    setCursor(at);
    setPicked(true);
    const row = rows[at];
    setTyped(row?.type === 'file' ? row.name : '');
  };
  const openRow = (row: FileRow) => {
    if (row.type !== 'file') void open(pathOf(row));
    else if (!listedTwice(pathOf(row))) onChoose(pathOf(row));
  };
  /** The row the cursor is on (Enter opens it), and the one selected (Choose takes it). */
  const focusedRow = cursor >= 0 ? rows[cursor] : undefined;
  const current = picked ? focusedRow : undefined;
  const typedFull = typedPath(typed, folder);
  const goUp = () => {
    const up = parentPath(folder);
    if (up === null) return;
    landing.current = baseName(folder);
    void list(up);
  };

  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (isImeKey(e)) return;
    const last = rows.length - 1;
    const move = (to: number) => {
      e.preventDefault();
      select(Math.max(0, Math.min(last, to)));
    };
    // A screen of rows less one, as the panes page (lib/list-nav).
    const page = Math.max(1, Math.floor(e.currentTarget.clientHeight / ROW_HEIGHT) - 1);
    if (e.key === 'ArrowDown') move(cursor + 1);
    else if (e.key === 'ArrowUp') move(cursor - 1);
    else if (e.key === 'PageDown') move(cursor < 0 ? 0 : cursor + page);
    else if (e.key === 'PageUp') move(cursor - page);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(last);
    else if (e.key === 'Enter' && focusedRow) {
      e.preventDefault();
      openRow(focusedRow);
    } else if (e.key === 'Backspace') {
      e.preventDefault();
      goUp();
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Type-ahead, as in the file lists: the first name from the cursor on that starts so.
      const time = e.timeStamp || performance.now();
      const text = time - typedAhead.current.at > TYPE_AHEAD_MS ? e.key : typedAhead.current.text + e.key;
      typedAhead.current = { text, at: time };
      const found = findTypeAhead(view, text, Math.max(0, cursor));
      if (found >= 0) move(found);
      else e.preventDefault();
    }
  };

  const submit = () => {
    if (folderMode) void chooseFolder(typedFull ?? (current ? pathOf(current) : folder));
    else if (typedFull !== null) void open(typedFull);
    else if (current) openRow(current);
  };

  const items = virtualizer.getVirtualItems();
  // Only a row in the page can be the active descendant; scrollToIndex above draws the cursor's at once.
  const activeId = cursor >= 0 && items.some((i) => i.index === cursor) ? `${id}-row-${cursor}` : undefined;

  return (
    <Dialog title={t(folderMode ? 'chooser.titleFolder' : 'chooser.title')} onClose={onClose} className="file-chooser">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          // React carries events up through the portal to the button's own dialog; this submit is ours alone.
          e.stopPropagation();
          submit();
        }}
      >
        <div className="chooser-folder">
          <button type="button" className="button" disabled={!shown || parentPath(folder) === null} onClick={goUp}>
            {t('chooser.up')}
          </button>
          <code className="chooser-path" id={`${id}-folder`} title={folder}>
            {folder}
          </code>
        </div>
        <div
          ref={scrollRef}
          className="chooser-list"
          role="listbox"
          aria-label={t(folderMode ? 'chooser.folders' : 'chooser.list', { folder })}
          aria-activedescendant={activeId}
          tabIndex={0}
          data-autofocus
          onKeyDown={onListKey}
          onFocus={() => cursor < 0 && rows.length > 0 && select(0)}
        >
          <div className="chooser-canvas" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const i = item.index;
              return (
                // Only the rows in view exist: each says where it is in the whole list (aria-setsize, aria-posinset).
                <div
                  key={item.key}
                  id={`${id}-row-${i}`}
                  role="option"
                  aria-selected={i === cursor && picked}
                  aria-setsize={rows.length}
                  aria-posinset={i + 1}
                  className={i !== cursor ? 'chooser-row' : picked ? 'chooser-row is-cursor is-selected' : 'chooser-row is-cursor'}
                  style={{ transform: `translateY(${item.start}px)` }}
                  onClick={() => select(i)}
                  onDoubleClick={() => openRow(row)}
                >
                  <FileIcon kind={fileKind(row.name, row.type)} />
                  {/* The title on the name, as in the panes: on the option it would be read again as its description. */}
                  <span className="chooser-name" title={row.name}>
                    {row.name}
                  </span>
                </div>
              );
            })}
          </div>
          {shown && rows.length === 0 ? <p className="chooser-empty">{t('chooser.empty')}</p> : null}
        </div>
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="chooser-fields">
          <div className="field">
            <label htmlFor={`${id}-name`}>{t(folderMode ? 'chooser.folderPath' : 'chooser.path')}</label>
            <input id={`${id}-name`} value={typed} spellCheck={false} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
          </div>
          {kinds.length > 1 ? (
            <div className="field">
              <label htmlFor={`${id}-kind`}>{t('chooser.kind')}</label>
              <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as FileChoiceKind)}>
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`chooser.kind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
        <div className="dialog-buttons">
          <span className="spacer" />
          <button type="submit" className="button primary" disabled={!shown || (!folderMode && typedFull === null && !current)}>
            {t('chooser.choose')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
