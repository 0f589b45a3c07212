// @vitest-environment jsdom
/**
 * init() asks main for its state while already listening to main's events. An event that came while an answer was
 * on its way is newer than an answer that had already come, and at least as new as an answer still to come (main
 * may have read its snapshot before the change it announced): the window must end with the event's state. init()
 * applied every answer only once the slowest had come, over the events in between — a finished transfer shown as
 * running, sites from before an import, a session that dropped shown as connected, a question gone.
 *
 * The order is the test's: one answer is held back (a deferred promise in the fake api) while the others come and
 * main's events are pushed; each message comes in a task of its own, after the microtasks of the one before, as
 * WebSocket and IPC messages do (`nextMessage`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { createEventTally, withNewerStatuses } from '../../../src/renderer/lib/start-answers';
import { useEditStore } from '../../../src/renderer/stores/edit-store';
import { useQueueStore } from '../../../src/renderer/stores/queue-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useSitesStore } from '../../../src/renderer/stores/sites-store';
import { useTabsStore } from '../../../src/renderer/stores/tabs-store';
import type { RequestChannel, RequestValue, Result } from '../../../src/shared/contract';
import { DEFAULT_SETTINGS, type EditedFile, type OverwriteQuestion, type Site, type SiteList, type TransferItem } from '../../../src/shared/models';
import { siteInput } from '../sites/helpers';
import { createFakeApi, ok, remoteListing, status, type FakeApi } from './fake-api';

const item = (id: string, state: TransferItem['state']): TransferItem => ({ id, siteKey: 'k', siteLabel: 'h', direction: 'download', localPath: `/l/${id}`, remotePath: `/${id}`, size: 1, state, bytesDone: state === 'done' ? 1 : 0, rate: 0, eta: null, error: null, attempts: 0, note: null });
const site = (id: string, name: string): Site => ({ ...siteInput({ name }), id, hasPassword: false });
const sites = (...list: Site[]): SiteList => ({ sites: list, folders: [], warnings: [] });
const question = (itemId: string): OverwriteQuestion => ({ questionId: `q-${itemId}`, itemId, direction: 'download', target: { path: `/l/${itemId}`, size: 1, modified: null }, source: { path: `/${itemId}`, size: 2, modified: null } });
const edited = (id: string): EditedFile => ({ id, sessionId: 's1', siteLabel: 'h', remotePath: `/${id}`, localPath: `/tmp/${id}`, state: 'open', changeCount: 0, openedAt: 0, uploadedAt: null });

/** The next message on the channel: a task of its own, after the microtasks of the message before. */
const nextMessage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

interface Held<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}
function held<T>(): Held<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** `channel`'s answer waits for the test. */
function holdAnswer<C extends RequestChannel>(api: FakeApi, channel: C): Held<Result<RequestValue<C>>> {
  const answer = held<Result<RequestValue<C>>>();
  api.handle(channel, () => answer.promise);
  return answer;
}

describe('start-up: an event that comes while init() waits for its answers', () => {
  let stop: (() => void) | null = null;
  beforeEach(() => {
    localStorage.clear();
    useTabsStore.setState({ tabs: [{ id: 1, snapshot: null }], activeId: 1 });
    useSessionStore.setState({ status: null, target: null, connecting: false });
    useSettingsStore.setState({ settings: DEFAULT_SETTINGS, loaded: false, app: null });
    useSitesStore.setState({ list: sites(), loaded: false });
    useQueueStore.setState({ items: [], questions: [], policies: { download: 'ask', upload: 'ask' }, selected: new Set(), progress: new Map() });
    useEditStore.setState({ files: [], answered: new Map() });
  });
  afterEach(() => {
    stop?.();
    stop = null;
    actions.setApiForTesting(null);
  });

  /** init() with `api`; resolves once init() has loaded everything. */
  function start(api: FakeApi): Promise<() => void> {
    actions.setApiForTesting(api);
    return actions.init().then((off) => (stop = off));
  }

  it('a transfer that finished after the queue’s answer came is shown finished, not running', async () => {
    const api = createFakeApi();
    api.handle('queue:list', () => ok([item('a', 'running')]));
    const slow = holdAnswer(api, 'sites:list');
    const started = start(api);
    await nextMessage();
    expect(useQueueStore.getState().items.map((i) => i.state)).toEqual(['running']);
    api.emit('queue:changed', [item('a', 'done')]);
    await nextMessage();
    slow.resolve(ok(sites()));
    await started;
    expect(useQueueStore.getState().items.map((i) => i.state)).toEqual(['done']);
  });

  it('a question asked after the queue’s answer came is kept', async () => {
    const api = createFakeApi();
    api.handle('queue:list', () => ok([]));
    const slow = holdAnswer(api, 'sites:list');
    const started = start(api);
    await nextMessage();
    api.emit('queue:changed', [item('a', 'queued')]);
    api.emit('queue:question', question('a'));
    await nextMessage();
    slow.resolve(ok(sites()));
    await started;
    expect(useQueueStore.getState().items.map((i) => i.id)).toEqual(['a']);
    expect(useQueueStore.getState().questions.map((q) => q.itemId)).toEqual(['a']);
  });

  // Main's answer may be a snapshot from before the change its event announced (a file read under way while
  // another window saved): the event's state stands, whichever comes first.
  it.each([
    ['sites', 'sites:list', () => useSitesStore.getState().list.sites.map((s) => s.name)],
    ['settings', 'settings:get', () => useSettingsStore.getState().settings.theme],
    ['queue', 'queue:list', () => useQueueStore.getState().items.map((i) => i.state)],
    ['policy', 'queue:policy', () => useQueueStore.getState().policies.upload],
    ['edits', 'edit:list', () => useEditStore.getState().files.map((f) => f.id)],
  ] as const)('%s: an event while its own answer is on its way wins over that answer', async (kind, channel, shown) => {
    const api = createFakeApi();
    const answer = holdAnswer(api, channel);
    const started = start(api);
    await nextMessage();
    const older: Record<typeof kind, unknown> = { sites: sites(site('a', 'Alpha')), settings: { ...DEFAULT_SETTINGS, theme: 'light' }, queue: [item('a', 'running')], policy: { download: 'skip', upload: 'skip' }, edits: [edited('old')] };
    switch (kind) {
      case 'sites':
        api.emit('sites:changed', sites(site('a', 'Alpha'), site('b', 'Imported')));
        break;
      case 'settings':
        api.emit('settings:changed', { ...DEFAULT_SETTINGS, theme: 'dark' });
        break;
      case 'queue':
        api.emit('queue:changed', [item('a', 'done')]);
        break;
      case 'policy':
        api.emit('queue:policy-changed', { download: 'overwrite', upload: 'overwrite' });
        break;
      case 'edits':
        api.emit('edits:changed', [edited('new')]);
        break;
    }
    const newer = shown();
    await nextMessage();
    answer.resolve(ok(older[kind]) as never);
    await started;
    expect(shown()).toEqual(newer);
    expect(newer).toEqual({ sites: ['Alpha', 'Imported'], settings: 'dark', queue: ['done'], policy: 'overwrite', edits: ['new'] }[kind]);
  });

  it('a session that dropped while the answers were on their way is not adopted as connected', async () => {
    const api = createFakeApi();
    api.handle('session:status', () => ok([status({ sessionId: 's1' }), status({ sessionId: 's2' })]));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['x.txt'])));
    const slow = holdAnswer(api, 'sites:list');
    const started = start(api);
    await nextMessage();
    api.emit('session:changed', status({ sessionId: 's1', state: 'disconnected' }));
    await nextMessage();
    slow.resolve(ok(sites()));
    await started;
    // s2 is the one still connected: shown, with no other tab for s1.
    expect(useSessionStore.getState().status?.sessionId).toBe('s2');
    expect(useTabsStore.getState().tabs).toHaveLength(1);
    expect(api.calls.some((c) => c.channel === 'session:list' && (c.arg as { sessionId: string }).sessionId === 's1')).toBe(false);
  });

  // Events and answers are not counted on to come in order: a question waiting at start comes once, however it came.
  it('a question both answered as waiting and announced by its event is shown once', async () => {
    const api = createFakeApi();
    api.handle('queue:list', () => ok([item('a', 'queued')]));
    api.handle('queue:pending-question', () => ok(question('a')));
    await start(api);
    api.emit('queue:question', question('a'));
    expect(useQueueStore.getState().questions.map((q) => q.questionId)).toEqual(['q-a']);
  });

  it('answers with no event meanwhile are shown as they are', async () => {
    const api = createFakeApi();
    api.sites = sites(site('a', 'Alpha'));
    api.handle('queue:list', () => ok([item('a', 'paused')]));
    api.handle('queue:policy', () => ok({ download: 'resume', upload: 'resume' }));
    await start(api);
    expect(useSitesStore.getState().list.sites.map((s) => s.name)).toEqual(['Alpha']);
    expect(useQueueStore.getState().items.map((i) => i.state)).toEqual(['paused']);
    expect(useQueueStore.getState().policies).toEqual({ download: 'resume', upload: 'resume' });
    expect(useSettingsStore.getState().loaded).toBe(true);
  });
});

describe('a web page back from a dropped connection', () => {
  let stop: (() => void) | null = null;
  beforeEach(() => {
    localStorage.clear();
    useTabsStore.setState({ tabs: [{ id: 1, snapshot: null }], activeId: 1 });
    useSessionStore.setState({ status: null, target: null, connecting: false });
    useSitesStore.setState({ list: sites(), loaded: false });
  });
  afterEach(() => {
    stop?.();
    stop = null;
    actions.setApiForTesting(null);
  });

  /** The fake api with the web client's onReconnect; `reconnect()` is the socket coming back. */
  async function started(): Promise<{ api: FakeApi; reconnect: () => void }> {
    const listeners = new Set<() => void>();
    const api = Object.assign(createFakeApi(), {
      onReconnect(listener: () => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
    api.handle('session:status', () => ok([status({ sessionId: 's1' }), status({ sessionId: 's2' })]));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['x.txt'])));
    actions.setApiForTesting(api);
    stop = await actions.init();
    return { api, reconnect: () => listeners.forEach((listener) => listener()) };
  }

  it('shows each session as main has it now: one it no longer has is disconnected, in another tab too', async () => {
    const { api, reconnect } = await started();
    expect(useSessionStore.getState().status?.sessionId).toBe('s1');
    api.handle('session:status', () => ok([status({ sessionId: 's2', state: 'disconnected' })]));
    api.sites = sites(site('b', 'Imported'));
    reconnect();
    await nextMessage();
    expect(useSessionStore.getState().status?.state).toBe('disconnected');
    expect(useTabsStore.getState().tabs.map((tab) => tab.snapshot?.session.status?.state ?? 'shown')).toEqual(['shown', 'disconnected']);
    expect(useSitesStore.getState().list.sites.map((s) => s.name)).toEqual(['Imported']);
  });

  it('an event that comes while its answer is on its way wins over that answer', async () => {
    const { api, reconnect } = await started();
    const sessionAnswer = holdAnswer(api, 'session:status');
    const sitesAnswer = holdAnswer(api, 'sites:list');
    reconnect();
    api.emit('session:changed', status({ sessionId: 's1', remotePath: '/moved' }));
    api.emit('sites:changed', sites(site('b', 'Imported')));
    await nextMessage();
    sessionAnswer.resolve(ok([]));
    sitesAnswer.resolve(ok(sites()));
    await nextMessage();
    // s1's event came after the ask: it stands. s2 had none: main's answer (no such session) does.
    expect(useSessionStore.getState().status).toMatchObject({ state: 'connected', remotePath: '/moved' });
    expect(useTabsStore.getState().tabs.map((tab) => tab.snapshot?.session.status?.state ?? 'shown')).toEqual(['shown', 'disconnected']);
    expect(useSitesStore.getState().list.sites.map((s) => s.name)).toEqual(['Imported']);
  });
});

describe('start-answers (pure)', () => {
  it('an answer may be applied until an event of its kind comes; another kind’s does not count', () => {
    const tally = createEventTally<'sites' | 'queue'>();
    tally.saw('sites');
    const sitesFresh = tally.ask('sites');
    const queueFresh = tally.ask('queue');
    expect(sitesFresh()).toBe(true);
    tally.saw('queue');
    expect(sitesFresh()).toBe(true);
    expect(queueFresh()).toBe(false);
  });

  it('session statuses: the newer one per session replaces the answered one', () => {
    const answered = [status({ sessionId: 's1' }), status({ sessionId: 's2' })];
    const newer = new Map([['s2', status({ sessionId: 's2', state: 'disconnected' })], ['s9', status({ sessionId: 's9' })]]);
    expect(withNewerStatuses(answered, newer).map((s) => `${s.sessionId}:${s.state}`)).toEqual(['s1:connected', 's2:disconnected']);
  });
});
