/**
 * An in-memory FerryApi for component tests: answers every channel from plain data, records calls,
 * and lets a test push events. Not a host: it lives under test/ and is injected with setApiForTesting.
 */
import type { EventChannel, Events, FerryApi, RequestArg, RequestChannel, RequestValue, Result } from '../../../src/shared/contract';
import type { FerryErrorData } from '../../../src/shared/errors';
import { DEFAULT_SETTINGS, type LocalEntry, type RemoteListing, type SessionStatus, type Settings, type Site, type SiteInput, type SiteList } from '../../../src/shared/models';
import { mergeFolders, mergeSiteChanges, type FieldValues, type SitesCommit, type SitesCommitOutcome } from '../../../src/shared/site-changes';

type Handler<C extends RequestChannel> = (arg: RequestArg<C>) => Result<RequestValue<C>> | Promise<Result<RequestValue<C>>>;

export interface FakeApi extends FerryApi {
  readonly calls: { channel: RequestChannel; arg: unknown }[];
  handle<C extends RequestChannel>(channel: C, handler: Handler<C>): void;
  emit<E extends EventChannel>(channel: E, payload: Events[E]): void;
  settings: Settings;
  sites: SiteList;
  /** Every `sites:commit` the window sent (the Site Manager's OK, Connect), answered by the real merge over `sites`. */
  readonly commits: SitesCommit[];
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: FerryErrorData): Result<never> => ({ ok: false, error });

export function localEntries(count: number): LocalEntry[] {
  return Array.from({ length: count }, (_, i) => ({ name: `file-${i}.txt`, type: 'file' as const, size: i, modified: '2024-01-01T00:00:00Z' }));
}

export function status(patch: Partial<SessionStatus> = {}): SessionStatus {
  return {
    sessionId: 's1',
    state: 'connected',
    label: 'example',
    host: 'ftp.example.com',
    siteId: null,
    secure: true,
    certificateFingerprint: 'AA:BB',
    transferMode: 'passive',
    dataCommand: 'EPSV',
    remotePath: '/',
    error: null,
    ...patch,
  };
}

export function remoteListing(path: string, names: string[]): RemoteListing {
  return {
    path,
    unparsed: [],
    entries: names.map((n) => ({ name: n.replace(/\/$/, ''), type: n.endsWith('/') ? ('directory' as const) : ('file' as const), size: 1, modified: null, permissions: 'rw-r--r--', owner: 'u', group: 'g', target: null })),
  };
}

export function createFakeApi(): FakeApi {
  const handlers = new Map<RequestChannel, (arg: unknown) => unknown>();
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const api: FakeApi = {
    calls: [],
    commits: [],
    settings: DEFAULT_SETTINGS,
    sites: { sites: [], folders: [], warnings: [] },
    async invoke<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<Result<RequestValue<C>>> {
      api.calls.push({ channel, arg });
      const h = handlers.get(channel);
      if (h) return (await h(arg)) as Result<RequestValue<C>>;
      return defaults(channel, arg) as Result<RequestValue<C>>;
    },
    on<E extends EventChannel>(channel: E, listener: (payload: Events[E]) => void): () => void {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    handle(channel, handler) {
      handlers.set(channel, handler as (arg: unknown) => unknown);
    },
    emit(channel, payload) {
      for (const l of listeners.get(channel) ?? []) l(payload);
    },
  };
  const defaults = (channel: RequestChannel, arg: unknown): Result<unknown> => {
    switch (channel) {
      case 'app:info':
        return ok({ version: '0.0.0', host: 'web', platform: 'linux', homeDir: '/home/test' });
      case 'settings:get':
        return ok(api.settings);
      case 'settings:set':
        api.settings = { ...api.settings, ...(arg as Partial<Settings>) };
        return ok(api.settings);
      case 'sites:list':
        return ok(api.sites);
      case 'sites:save': {
        const input = arg as Site & { password?: string | null };
        const { password: _password, ...rest } = input;
        const saved: Site = { ...rest, id: input.id ?? `site-${api.sites.sites.length + 1}`, hasPassword: typeof input.password === 'string' };
        api.sites = { ...api.sites, sites: [...api.sites.sites.filter((s) => s.id !== saved.id), saved] };
        return ok(saved);
      }
      case 'sites:commit':
        return ok(commitSites(api, arg as SitesCommit));
      case 'queue:list':
      case 'session:status':
      case 'edit:list':
        return ok([]);
      case 'local:home':
        return ok({ path: '/home/test' });
      case 'local:drives':
        // Linux, as main answers here: no drives (tests of Windows give their own handler).
        return ok({ drives: [] });
      case 'local:list': {
        const path = (arg as { path: string }).path;
        return ok({ path, parent: path === '/' ? null : '/', entries: localEntries(3) });
      }
      case 'queue:add':
        return ok([]);
      case 'queue:export':
        return ok({ json: '{"kind":"ferry-queue","format":1,"items":[]}\n', count: 0 });
      default:
        return ok(undefined);
    }
  };
  return api;
}

/** A site's own fields, as the merge compares them. */
function fieldsOf(site: Site | SiteInput): FieldValues {
  const { id: _id, hasPassword: _has, password: _password, ...fields } = site as Site & { password?: unknown };
  return fields;
}

/** `sites:commit` as the store answers it, over the fake's list: the shared merge, conflicts named by the site's name. */
function commitSites(api: FakeApi, commit: SitesCommit): SitesCommitOutcome {
  api.commits.push(commit);
  const mine = new Map<string, SiteInput>(commit.changed.map(({ site }) => [site.id, site]));
  const merge = mergeSiteChanges({
    current: api.sites.sites.map((site) => ({ id: site.id, fields: fieldsOf(site) })),
    changed: commit.changed.map(({ base, site }) => ({ id: site.id, base: fieldsOf(base), mine: fieldsOf(site) })),
    deleted: commit.deleted.map((base) => ({ id: base.id, base: fieldsOf(base) })),
    added: commit.added.map(({ key, site }) => ({ key, fields: fieldsOf(site) })),
    moves: commit.bookmarkMoves,
    decisions: commit.decisions,
  });
  const addedFields = new Map(merge.added.map(({ key, fields }) => [key, fields]));
  if (merge.undecided.length > 0) {
    const nameOf = (id: string) => mine.get(id)?.name ?? commit.deleted.find((site) => site.id === id)?.name ?? id;
    return { kind: 'conflicts', conflicts: merge.undecided.map((conflict) => ({ ...conflict, path: nameOf(conflict.id) })) };
  }
  const before = new Map(api.sites.sites.map((site) => [site.id, site]));
  const sites: Site[] = merge.sites.map(({ id, fields }) => ({ ...(fields as Omit<Site, 'id' | 'hasPassword'>), id, hasPassword: typeof mine.get(id)?.password === 'string' || (before.get(id)?.hasPassword ?? false) }));
  const ids: Record<string, string> = {};
  commit.added.forEach(({ key, site, passwordFrom }, index) => {
    ids[key] = `added-${api.commits.length}-${index}`;
    sites.push({ ...((addedFields.get(key) ?? fieldsOf(site)) as Omit<Site, 'id' | 'hasPassword'>), id: ids[key] as string, hasPassword: typeof site.password === 'string' || passwordFrom !== undefined });
  });
  api.sites = { ...api.sites, sites, folders: mergeFolders(api.sites.folders, commit.foldersAdded, commit.foldersRemoved) };
  return { kind: 'saved', list: api.sites, ids };
}
