/**
 * "Search remote files" (FileZilla's Server menu, F3): a name or pattern, a folder to search below (the remote
 * pane's by default), the matches with their folder, size and time; download the chosen ones into the local
 * pane's folder, or open the folder a match is in. The matches show as main finds them (`search:progress` batches),
 * appended in the result's order; the answer at the end replaces them with the same rows and the summary.
 */
import { useMemo, useState, type FormEvent, type ReactElement } from 'react';
import * as actions from '../actions';
import { useT, type Translator } from '../i18n';
import { uniqueRowKeys } from '../lib/listed-twice';
import { useRemotePane } from '../stores/pane-store';
import { useUiStore, type MenuItem } from '../stores/ui-store';
import type { RemoteSearchMatch, RemoteSearchResult } from '../../shared/models';
import { conditionSetOf } from '../lib/search-condition-drafts';
import { Dialog } from './dialog';
import { SearchConditions, type ConditionsState } from './search-conditions';
import { SearchResults } from './search-results';

export function SearchDialog(): ReactElement {
  const t = useT();
  const remotePath = useRemotePane((s) => s.path);
  const progress = useUiStore((s) => s.searchProgress);
  const [pattern, setPattern] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [root, setRoot] = useState(remotePath || '/');
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<RemoteSearchResult | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [conditions, setConditions] = useState<ConditionsState>({ drafts: [], combine: 'all', types: 'both' });
  // FileZilla's search download keeps the folders below the search root unless told to flatten: the default here too.
  const [keepFolders, setKeepFolders] = useState(true);
  const [invalid, setInvalid] = useState<{ readonly index: number; readonly message: string } | null>(null);
  // A name, a condition, or both (a search by size or date alone leaves the name empty).
  const nothingToFind = pattern.trim() === '' && conditions.drafts.length === 0;

  const search = async (e: FormEvent) => {
    e.preventDefault();
    if (running || nothingToFind) return;
    const set = conditionSetOf(conditions.drafts, conditions.combine, conditions.types);
    if (!set.ok) {
      setInvalid({ index: set.index, message: t(set.problem) });
      return;
    }
    setInvalid(null);
    setRunning(true);
    setChosen(new Set());
    setResult(null);
    const found = await actions.searchRemote(root, pattern, matchCase, set.set);
    setRunning(false);
    if (found) setResult(found);
    else {
      // Failed part way (the connection lost): the rows shown so far stay, as Stop keeps them.
      const sofar = useUiStore.getState().searchProgress;
      if (sofar && sofar.found.length > 0) setResult({ root, pattern, matches: sofar.found, foldersSearched: sofar.folders, stopped: null, skipped: [], timesAreUtc: sofar.timesAreUtc });
    }
  };
  // While it runs, the rows main has sent so far (appended batch by batch; the keys of rows before stay as they were).
  const shown: RemoteSearchResult | null = useMemo(() => (running ? (progress ? { root, pattern, matches: progress.found, foldersSearched: progress.folders, stopped: null, skipped: [], timesAreUtc: progress.timesAreUtc } : null) : result), [running, progress, result, root, pattern]);
  const toggle = (key: string) =>
    setChosen((before) => {
      const next = new Set(before);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  // A path a server listed twice is two matches: a key per match, not per path (lib/listed-twice, as the panes), so
  // a tick chooses its own row alone — one box ticked both. Downloading such a path is still refused (actions).
  // Computed once per result and choice: with 50,000 matches each render (a running count) would redo them.
  const shownMatches = shown?.matches;
  const matchKeys = useMemo(() => uniqueRowKeys((shownMatches ?? []).map((match) => ({ name: match.path }))), [shownMatches]);
  const picked: readonly RemoteSearchMatch[] = useMemo(() => (shownMatches ? shownMatches.filter((_match, index) => chosen.has(matchKeys[index] ?? '')) : []), [shownMatches, chosen, matchKeys]);
  const only = picked.length === 1 ? picked[0] : undefined;
  // "Choose all" (FileZilla's Ctrl+A in its results): 5,000 matches were 5,000 clicks. Mixed while some are chosen.
  const allState = picked.length === 0 ? 'none' : picked.length === matchKeys.length ? 'all' : 'some';
  // Deleted matches leave the results (and the choice); the rest stay as found.
  const remove = async (targets: readonly RemoteSearchMatch[] = picked) => {
    if (!result || running) return;
    const gone = await actions.deleteMatches(targets, result.matches, result.root);
    if (gone === null) return;
    const deleted = new Set(gone);
    setResult({ ...result, matches: result.matches.filter((match) => !deleted.has(match.path)) });
    setChosen(new Set());
  };
  const chooseAll = () => setChosen(allState === 'all' ? new Set() : new Set(matchKeys));
  const download = (targets: readonly RemoteSearchMatch[]) => void actions.downloadMatches(targets, shown?.matches, keepFolders && shown ? shown.root : null);
  // The rows' menu: what the buttons below do, for the chosen rows (or the row alone when it is not chosen).
  const openMenu = (targets: readonly RemoteSearchMatch[], x: number, y: number, from: HTMLElement) => {
    const one = targets.length === 1 ? targets[0] : undefined;
    const items: MenuItem[] = [
      ...(one?.entry.type === 'directory' ? [{ id: 'open', label: t('search.openFolder'), shortcut: 'Enter', onSelect: () => void actions.openMatch(one) }] : []),
      { id: 'show', label: t('search.show'), ...(one && one.entry.type !== 'directory' ? { shortcut: 'Enter' } : {}), disabled: !one, onSelect: () => one && void actions.showMatch(one) },
      { id: 'download', label: t('action.download'), disabled: targets.length === 0, onSelect: () => download(targets) },
      { id: 'delete', label: t('action.delete'), disabled: targets.length === 0 || running, onSelect: () => void remove(targets) },
    ];
    useUiStore.setState({ menu: { x, y, label: t('search.menu'), items, returnFocus: from } });
  };

  return (
    <Dialog title={t('search.title')} onClose={actions.closeSearch} className="search">
      <form className="search-form" onSubmit={(e) => void search(e)}>
        <div className="field">
          <label htmlFor="search-pattern">{t('search.pattern')}</label>
          <input id="search-pattern" value={pattern} placeholder="*.jpg" spellCheck={false} data-autofocus onChange={(e) => setPattern(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="search-root">{t('search.root')}</label>
          <input id="search-root" value={root} spellCheck={false} onChange={(e) => setRoot(e.target.value)} />
        </div>
        {running ? (
          <button type="button" className="button" onClick={() => void actions.cancelSearch()}>
            {t('search.stop')}
          </button>
        ) : (
          <button type="submit" className="button primary" disabled={nothingToFind} title={nothingToFind ? t('search.nothingToFind') : undefined}>
            {t('search.run')}
          </button>
        )}
        <label className="search-case">
          <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} />
          {t('search.matchCase')}
        </label>
        <SearchConditions state={conditions} onChange={setConditions} invalid={invalid} />
      </form>
      <p className="search-status" role="status">
        {running ? (progress ? t.plural('search.runningCount', progress.matches, { folders: t.plural('search.folders', progress.folders) }) : t('search.running')) : result ? searchSummary(t, result) : ''}
      </p>
      {shown && shown.matches.length > 0 ? <SearchResults result={shown} keys={matchKeys} chosen={chosen} onToggle={toggle} onChoose={setChosen} allState={allState} onChooseAll={chooseAll} onMenu={openMenu} /> : null}
      <div className="dialog-buttons">
        <button type="button" className="button" disabled={picked.length === 0} onClick={() => download(picked)}>
          {t('search.download')}
        </button>
        <label className="search-keep">
          <input type="checkbox" checked={keepFolders} onChange={(e) => setKeepFolders(e.target.checked)} />
          {t('search.keepFolders')}
        </label>
        <button type="button" className="button" disabled={picked.length === 0 || running} onClick={() => void remove()}>
          {t('search.delete')}
        </button>
        <button type="button" className="button" disabled={!only} onClick={() => only && void actions.showMatch(only)}>
          {t('search.show')}
        </button>
        <span className="spacer" />
        <button type="button" className="button" onClick={actions.closeSearch}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}

/** The status line under the results: what was found, and why the search stopped or left folders out. */
export function searchSummary(t: Translator, result: RemoteSearchResult): string {
  const found = t.plural('search.found', result.matches.length, { folders: t.plural('search.folders', result.foldersSearched) });
  // Sentences joined as the language joins them: Chinese puts no space after 。.
  const sentences = [found, ...(result.stopped ? [t(`search.stopped.${result.stopped}`)] : []), ...(result.skipped.length > 0 ? [t.plural('search.skipped', result.skipped.length)] : [])];
  return sentences.reduce((first, second) => t('log.twoSentences', { first, second }));
}
