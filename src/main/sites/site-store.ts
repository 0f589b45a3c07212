import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { englishText, errorText, sentences, type ErrorTextId, type ErrorTextValues, type TextRef, type ValueTexts } from '../../shared/error-texts';
import type { ImportReport, Notice, Site, SiteInput, SiteList } from '../../shared/models';
import { FtpError, invalidInput, invalidInputText } from '../ftp/ftp-error';
import { exportSites, readSitesExport } from './export-sites';
import { parseFileZillaSites } from './filezilla-import';
import { parseFlashFxpSites, startsLikeIni } from './flashfxp-import';
import { openJsonDocument } from './json-document';
import { decryptFrom, readsVault, VaultRefusal, type PasswordVault } from './password-vault';
import { folderMovedInto, isWithin, rebaseFolder, sameFolder } from '../../shared/site-folders';
import { compareFolders, joinFolder, joinSitePath, splitSitePath, withAncestors } from './site-path';
import { decodeSites, emptySites, encodeSites, SITES_FILE, type SitesDocument, type StoredPassword, type StoredSite } from './sites-file';
import { normalizeFingerprint, validateFolder, validateName, validateSiteInput, type SiteFields } from './validate-site';
import { shownName } from '../../shared/shown-name';
import { mergeFolders, mergeSiteChanges, type SitesCommit, type SitesCommitOutcome, type StagedImport } from '../../shared/site-changes';
import { naturalCompare } from '../../shared/natural-order';

type StagedSite = StagedImport['sites'][number];

export interface SiteStoreOptions {
  /** Ferry's user-data folder (see resolveFerryHome). */
  readonly home: string;
  readonly vault: PasswordVault;
  /** Also report changes other processes (CLI, web host) make to the file. */
  readonly watch?: boolean;
}

/** What moving saved passwords to the vault in force did: how many moved, and which stayed where they were. */
export interface ResealReport {
  readonly moved: number;
  readonly unmoved: readonly { readonly name: string; readonly vault: string }[];
}

/** The Site Manager's data: every method validates, and every change is one atomic, locked write. */
export interface SiteStore {
  readonly file: string;
  list(): Promise<SiteList>;
  /** The site with this id; an error naming the fix when it is gone. */
  get(id: string): Promise<Site>;
  /** By "Folder/Sub/Name" or, when unique, just the name. */
  findByPath(nameOrFolderPath: string): Promise<Site>;
  save(input: SiteInput): Promise<Site>;
  /**
   * Change some fields of a saved site: `change` gets the site as it is *under the lock* and gives the new input, so
   * another process's change to other fields meanwhile (a second `ferry sites edit`, the window) is kept, not written
   * over from a stale copy. `password`: a new one, null to forget it, undefined to keep it.
   */
  edit(id: string, change: (current: Site) => Omit<SiteInput, 'id' | 'password'>, password?: string | null): Promise<Site>;
  delete(id: string): Promise<void>;
  /** A copy (password included) named `name`, or "Copy of …", numbered when taken. */
  duplicate(id: string, name?: string): Promise<Site>;
  move(id: string, folder: readonly string[]): Promise<Site>;
  createFolder(folder: readonly string[]): Promise<void>;
  renameFolder(folder: readonly string[], name: string): Promise<void>;
  /** Moves the folder, with its sub-folders and sites, into `into` (the top level: []), keeping its name. */
  moveFolder(folder: readonly string[], into: readonly string[]): Promise<void>;
  /** Deletes the folder with its sub-folders and sites (the UI confirms first). */
  deleteFolder(folder: readonly string[]): Promise<void>;
  /** FileZilla's sitemanager.xml, or Ferry's own export (exportJson, from another machine): sites added, renamed where taken. */
  /**
   * FileZilla's sitemanager.xml, FlashFXP's Sites.dat or a Ferry export (told apart by content). `readAs`: the encoding
   * the text was read with when the file did not say (decodeSiteFileBytes' guess), so the report can say so.
   */
  importFileZilla(xml: string, options?: { readonly readAs?: string }): Promise<ImportReport>;
  /**
   * The same file read for the Site Manager's Import…, nothing saved: its sites (named uniquely against those on disk)
   * and report; their passwords are sealed and held here until a commit saves the sites (a Cancel leaves no trace).
   */
  stageImport(xml: string, options?: { readonly readAs?: string }): Promise<StagedImport>;
  /**
   * Everything done in the Site Manager, saved at once (OK, Connect): the dialog's changes applied onto the list on disk
   * now, under the lock, in one atomic write (the merge rule: shared/site-changes.ts). A site changed both here and
   * elsewhere in the same field, or deleted on one side and changed on the other, is answered as a conflict and nothing
   * is written until `decisions` settle it. Deleted sites' passwords go only now, with them.
   */
  commit(request: SitesCommit): Promise<SitesCommitOutcome>;
  /** Every site as JSON, without passwords. */
  exportJson(): Promise<string>;
  trustCertificate(id: string, fingerprint256: string, replaces?: readonly string[]): Promise<Site>;
  /** The decrypted password, or null when none is stored. */
  getPassword(id: string): Promise<string | null>;
  /**
   * Every saved password not yet in the vault now in force, moved there (after a master password was set or
   * removed): decrypted with the vault that saved it, encrypted with the current one, in one atomic write.
   * Returns the sites whose password could not be moved; those keep their record as it was.
   */
  resealPasswords(): Promise<ResealReport>;
  /** Forget every password saved by vault `vaultId` (a forgotten master password): the sites stay, without them. */
  forgetPasswords(vaultId: string): Promise<number>;
  /** Clear private data: every saved password forgotten, whatever vault holds it; the sites stay. Returns how many. */
  forgetAllPasswords(): Promise<number>;
  onChange(listener: (list: SiteList) => void): () => void;
  /** Stop watching; resolves once a re-read under way has ended (nothing is written after). */
  close(): Promise<void>;
}

/** Open (or create) `<home>/sites.json`. */
export async function openSiteStore(options: SiteStoreOptions): Promise<SiteStore> {
  const { vault } = options;
  const document = await openJsonDocument<SitesDocument>({
    file: path.join(options.home, SITES_FILE),
    document: 'sites',
    empty: emptySites,
    decode: decodeSites,
    encode: encodeSites,
    watch: options.watch ?? false,
  });
  const notices = new Map<string, Notice>();
  const toList = (doc: SitesDocument): SiteList => ({
    sites: [...doc.sites].sort(compareSites).map(toSite),
    folders: withAncestors([...doc.folders, ...doc.sites.map((site) => site.folder)]),
    warnings: [...document.notices(), ...notices.values()],
  });
  const update = <R>(mutate: (doc: SitesDocument) => { value: SitesDocument; result: R }): Promise<R> => document.update(mutate);

  /** Encrypt a password, or say why it cannot be kept (no plaintext fallback, ever). */
  const seal = async (password: string): Promise<StoredPassword | { readonly reason: string; readonly reasonText?: TextRef }> => {
    try {
      // Encrypt first, then ask which vault did: a keeper switches to the master password's when one was set meanwhile.
      const data = await vault.encrypt(password);
      return { vault: vault.id, data };
    } catch (error) {
      // Locked: the caller asks for the master password and tries again; dropping the password would lose it.
      if (error instanceof FtpError && error.data.kind === 'master-password') throw error;
      if (!vault.available) return { reason: vault.unavailableReason ?? 'no secure storage is available', ...(vault.unavailableText ? { reasonText: vault.unavailableText } : {}) };
      // The vault said why (the keychain's own words, quoted in Chinese): as a sentence, not its English message.
      if (error instanceof VaultRefusal) return { reason: englishText(error.reason), reasonText: error.reason };
      return { reason: error instanceof FtpError ? `${error.data.message} ${error.data.hint}` : (error as Error).message };
    }
  };

  /**
   * The password as the store keeps it: sealed by the vault, null when it could not be (the site is still saved,
   * without it, and the list's warnings say why), undefined when none is to be saved.
   */
  const sealFor = async (fields: Pick<SiteFields, 'folder' | 'name' | 'logonType'>, password: string | null | undefined): Promise<StoredPassword | null | undefined> => {
    if (fields.logonType !== 'normal' || typeof password !== 'string' || password === '') return undefined;
    const result = await seal(password);
    if (!('reason' in result)) return result;
    const values = { site: shownName(joinSitePath(fields.folder, fields.name), 'in-quotes'), reason: result.reason };
    const valueTexts = result.reasonText ? { reason: result.reasonText } : undefined;
    const text = errorText('store.password-not-saved', values, valueTexts);
    notices.set(text, { text, textRef: { message: 'store.password-not-saved', values, ...(valueTexts ? { valueTexts } : {}) } });
    return null;
  };

  /** Import passwords read by stageImport, sealed, held here until a commit saves their sites (never on disk before). */
  const staged = new Map<string, StoredPassword>();

  /**
   * A site file's sites, checked and their passwords sealed, and the report so far (importFileZilla saves them at
   * once; stageImport hands them to the Site Manager, which saves them with OK).
   */
  const readImport = async (xml: string, options: { readonly readAs?: string }) => {
    // Ferry's own export (ferry-sites.json), FlashFXP's Sites.dat and FileZilla's sitemanager.xml: the same checks and renaming.
    const fromExport = readSitesExport(xml);
    const fromFlashFxp = !fromExport && startsLikeIni(xml) ? parseFlashFxpSites(xml) : null;
    // Neither XML, JSON nor INI (e.g. a Sites.dat FlashFXP protected with a password of its own): say what Ferry
    // reads, rather than "not valid XML (line 1)" with a hint about FileZilla only.
    if (!fromExport && !fromFlashFxp && !/^\uFEFF?\s*[<{]/.test(xml)) throw invalidInputText('import.unknown-file', 'import.unknown-file.hint');
    const parsed = fromExport ?? fromFlashFxp ?? parseFileZillaSites(xml);
    const skipped = [...parsed.skipped];
    const warnings: Notice[] = [];
    const warn = (id: ErrorTextId, values: ErrorTextValues, valueTexts?: ValueTexts): void => {
      warnings.push({ text: errorText(id, values, valueTexts), textRef: { message: id, values, ...(valueTexts ? { valueTexts } : {}) } });
    };
    if (options.readAs) warn('import.flashfxp-encoding', { encoding: options.readAs.toUpperCase() });
    for (const notice of fromFlashFxp?.notices ?? []) warn(notice.id, notice.values);
    const ready: { fields: ReturnType<typeof validateSiteInput>; password: StoredPassword | null }[] = [];
    let droppedPasswords = 0;
    let dropReason = '';
    let dropReasonText: TextRef | undefined;
    for (const { input, warnings: siteWarnings } of parsed.sites) {
      const label = joinSitePath(input.folder, input.name);
      let fields: ReturnType<typeof validateSiteInput>;
      try {
        fields = validateSiteInput(input);
      } catch (error) {
        const why = error instanceof FtpError ? error.data.text : undefined;
        // The site's own refusal (a host with "@", a bad port …) and its fix, as sentences when main has them.
        const text = why?.message && why.hint ? { message: 'text.message-hint' as const, values: {}, valueTexts: { message: { id: why.message, values: why.values, ...(why.valueTexts ? { valueTexts: why.valueTexts } : {}) }, hint: { id: why.hint, values: why.values } } } : undefined;
        skipped.push({ name: label, reason: error instanceof FtpError ? `${error.data.message} ${error.data.hint}` : String(error), ...(text ? { text } : {}) });
        continue;
      }
      for (const warning of siteWarnings) warn('import.site-warning', { site: label }, { warning });
      let password: StoredPassword | null = null;
      if (fields.logonType === 'normal' && typeof input.password === 'string' && input.password !== '') {
        const sealed = await seal(input.password);
        if ('reason' in sealed) {
          droppedPasswords++;
          dropReason = sealed.reason;
          dropReasonText = sealed.reasonText;
        } else password = sealed;
      }
      ready.push({ fields, password });
    }
    // An export holds no passwords: say which sites will want theirs, rather than leave a failed login to tell.
    const withoutPassword = fromExport ? ready.filter(({ fields }) => fields.logonType === 'normal').length : 0;
    if (withoutPassword > 0) warn('import.export-no-passwords', { count: withoutPassword });
    if (droppedPasswords > 0) warn('import.passwords-dropped', { count: droppedPasswords, reason: dropReason }, dropReasonText ? { reason: dropReasonText } : undefined);
    const source = fromExport ? ('ferry-export' as const) : fromFlashFxp ? ('flashfxp' as const) : ('filezilla' as const);
    return { source, ready, skipped, warnings, warn, folders: parsed.folders };
  };

  const store: SiteStore = {
    file: document.file,
    list: async () => toList(await document.read()),
    get: async (id) => toSite(findById(await document.read(), id)),
    findByPath: async (text) => toSite(findByPath(await document.read(), text)),

    async save(input) {
      const fields = validateSiteInput(input);
      const sealed = await sealFor(fields, input.password);
      return update((doc) => saveInto(doc, input.id !== undefined ? findById(doc, input.id) : null, fields, input.password, sealed));
    },

    async edit(id, change, password) {
      // Sealed before the lock is taken (a vault may be slow, or ask for the master password); the site as it is now names it in a warning.
      const sealed = typeof password === 'string' && password !== '' ? await sealFor({ ...(await store.get(id)), logonType: 'normal' }, password) : undefined;
      return update((doc) => {
        const existing = findById(doc, id);
        const fields = validateSiteInput({ ...change(toSite(existing)), password });
        return saveInto(doc, existing, fields, password, fields.logonType === 'normal' ? sealed : undefined);
      });
    },

    delete: (id) =>
      update((doc) => {
        findById(doc, id);
        return { value: { ...doc, sites: doc.sites.filter((site) => site.id !== id) }, result: undefined };
      }),

    async duplicate(id, name) {
      const wanted = name === undefined ? null : validateName(name, 'site');
      return update((doc) => {
        const original = findById(doc, id);
        const copy: StoredSite = { ...original, id: randomUUID(), name: uniqueName(doc, original.folder, wanted ?? `Copy of ${original.name}`) };
        return { value: { ...doc, sites: [...doc.sites, copy] }, result: toSite(copy) };
      });
    },

    async move(id, folder) {
      const target = validateFolder(folder);
      return update((doc) => {
        const site = findById(doc, id);
        if (sameFolder(site.folder, target)) return { value: doc, result: toSite(site) };
        assertNameFree(doc, target, site.name, site.id);
        const moved: StoredSite = { ...site, folder: target };
        return { value: { ...doc, sites: doc.sites.map((candidate) => (candidate.id === id ? moved : candidate)) }, result: toSite(moved) };
      });
    },

    async createFolder(folder) {
      const target = validateFolder(folder);
      if (target.length === 0) throw invalidInputText('site.folder-needs-name', 'site.folder-needs-name.hint');
      return update((doc) => {
        if (allFolders(doc).some((existing) => sameFolder(existing, target))) return { value: doc, result: undefined };
        return { value: { ...doc, folders: [...doc.folders, target] }, result: undefined };
      });
    },

    async renameFolder(folder, name) {
      const source = validateFolder(folder);
      const newName = validateName(name, 'folder');
      if (source.length === 0) throw invalidInputText('site.top-level-rename', 'site.choose-folder.hint');
      const target = [...source.slice(0, -1), newName];
      return update((doc) => {
        assertFolderExists(doc, source);
        if (sameFolder(source, target)) return { value: doc, result: undefined };
        if (allFolders(doc).some((existing) => sameFolder(existing, target))) throw invalidInputText('site.folder-exists', 'site.folder-exists.rename.hint', { folder: shownFolder(target) });
        return { value: rebaseDocument(doc, source, target), result: undefined };
      });
    },

    async moveFolder(folder, into) {
      const source = validateFolder(folder);
      const parent = validateFolder(into);
      if (source.length === 0) throw invalidInputText('site.top-level-move', 'site.choose-folder.hint');
      const target = folderMovedInto(source, parent);
      return update((doc) => {
        assertFolderExists(doc, source);
        if (parent.length > 0) assertFolderExists(doc, parent);
        if (isWithin(parent, source)) throw invalidInputText('site.folder-into-itself', 'site.folder-into-itself.hint', { folder: shownFolder(source) });
        if (sameFolder(source, target)) return { value: doc, result: undefined };
        if (allFolders(doc).some((existing) => sameFolder(existing, target))) throw invalidInputText('site.folder-exists', 'site.folder-exists.move.hint', { folder: shownFolder(target) });
        return { value: rebaseDocument(doc, source, target), result: undefined };
      });
    },

    async deleteFolder(folder) {
      const target = validateFolder(folder);
      if (target.length === 0) throw invalidInputText('site.top-level-delete', 'site.choose-folder.hint');
      return update((doc) => {
        assertFolderExists(doc, target);
        return {
          value: { folders: doc.folders.filter((existing) => !isWithin(existing, target)), sites: doc.sites.filter((site) => !isWithin(site.folder, target)) },
          result: undefined,
        };
      });
    },

    async importFileZilla(xml, options = {}) {
      const read = await readImport(xml, options);
      const { warnings, warn } = read;
      return update((doc) => {
        const sites = [...doc.sites];
        const imported: string[] = [];
        for (const { fields, password } of read.ready) {
          const name = uniqueName({ ...doc, sites }, fields.folder, fields.name);
          if (name !== fields.name) warn('import.renamed', { site: shownName(joinSitePath(fields.folder, fields.name)), name: shownName(name, 'in-quotes') });
          sites.push({ ...fields, id: randomUUID(), name, folder: [...fields.folder], trustedFingerprints: [...fields.trustedFingerprints], bookmarks: [...fields.bookmarks], password });
          imported.push(joinSitePath(fields.folder, name));
        }
        const folders = [...doc.folders, ...read.folders.map((folder) => [...folder])].filter((folder, index, all) => all.findIndex((other) => sameFolder(other, folder)) === index);
        return { value: { folders, sites }, result: { source: read.source, imported, skipped: read.skipped, warnings } };
      });
    },

    async stageImport(xml, options = {}) {
      const read = await readImport(xml, options);
      const { warnings, warn } = read;
      const doc = await document.read();
      const taken: StoredSite[] = [...doc.sites];
      const sites: StagedSite[] = [];
      for (const { fields, password } of read.ready) {
        const name = uniqueName({ ...doc, sites: taken }, fields.folder, fields.name);
        if (name !== fields.name) warn('import.renamed', { site: shownName(joinSitePath(fields.folder, fields.name)), name: shownName(name, 'in-quotes') });
        taken.push({ ...fields, id: '', name, folder: [...fields.folder], trustedFingerprints: [...fields.trustedFingerprints], bookmarks: [...fields.bookmarks], password: null });
        let ref: string | undefined;
        if (password) {
          ref = randomUUID();
          staged.set(ref, password);
        }
        sites.push({ site: { ...fields, name }, ...(ref ? { passwordRef: ref } : {}) });
      }
      return {
        report: { source: read.source, imported: sites.map(({ site }) => joinSitePath(site.folder, site.name)), skipped: read.skipped, warnings },
        sites,
        folders: read.folders.map((folder) => [...folder]),
      };
    },

    async commit(request) {
      // Checked and sealed before the lock is taken (a vault may be slow, or ask for the master password).
      const mine = new Map<string, SiteFields>();
      const sealed = new Map<string, StoredPassword | null | undefined>();
      for (const { site } of request.changed) {
        const fields = validateSiteInput(site);
        mine.set(site.id, fields);
        sealed.set(site.id, await sealFor(fields, site.password));
      }
      const added: { entry: SitesCommit['added'][number]; fields: SiteFields; sealed: StoredPassword | null | undefined }[] = [];
      for (const entry of request.added) {
        const fields = validateSiteInput(entry.site);
        added.push({ entry, fields, sealed: await sealFor(fields, entry.site.password) });
      }
      const foldersAdded = request.foldersAdded.map((folder) => validateFolder(folder));
      const foldersRemoved = request.foldersRemoved.map((folder) => validateFolder(folder));
      const outcome = await update((doc): { value: SitesDocument; result: SitesCommitOutcome } => {
        const stored = new Map(doc.sites.map((site) => [site.id, site]));
        const merge = mergeSiteChanges({
          current: doc.sites.map((site) => ({ id: site.id, fields: comparable(site) })),
          changed: request.changed.map(({ base, site }) => ({ id: site.id, base: comparable(base), mine: mine.get(site.id) as SiteFields })),
          deleted: request.deleted.map((base) => ({ id: base.id, base: comparable(base) })),
          added: added.map(({ entry, fields }) => ({ key: entry.key, fields })),
          moves: request.bookmarkMoves,
          decisions: request.decisions,
        });
        // A new site's fields as the merge leaves them (a bookmark moved into it keeps a change made to it elsewhere).
        const addedFields = new Map(merge.added.map(({ key, fields }) => [key, fields]));
        if (merge.undecided.length > 0) {
          const pathOf = (id: string): string => {
            const site = mine.get(id) ?? request.deleted.find((gone) => gone.id === id) ?? stored.get(id);
            return site ? joinSitePath(site.folder, site.name) : id;
          };
          return { value: doc, result: { kind: 'conflicts', conflicts: merge.undecided.map((conflict) => ({ ...conflict, path: pathOf(conflict.id) })) } };
        }
        const changedIds = new Set(request.changed.map(({ site }) => site.id));
        const sites: StoredSite[] = [];
        const written = new Set<string>();
        for (const { id, fields, origin } of merge.sites) {
          const existing = stored.get(id) ?? null;
          const given = request.changed.find(({ site }) => site.id === id)?.site.password;
          if (origin === 'theirs' && existing && (!changedIds.has(id) || given === undefined)) {
            sites.push(existing);
            continue;
          }
          const merged = fields as SiteFields;
          sites.push(storedSite(id, merged, existing, given, sealed.get(id)));
          written.add(id);
        }
        const ids: Record<string, string> = {};
        for (const { entry, fields: given, sealed: typed } of added) {
          const fields = addedFields.get(entry.key) ?? given;
          const id = randomUUID();
          ids[entry.key] = id;
          let password: StoredPassword | null = null;
          if (fields.logonType === 'normal') {
            if (typed !== undefined) password = typed;
            else if (entry.passwordFrom?.kind === 'site') password = stored.get(entry.passwordFrom.id)?.password ?? null;
            else if (entry.passwordFrom?.kind === 'import') password = staged.get(entry.passwordFrom.ref) ?? null;
          }
          sites.push({ ...fields, id, folder: [...fields.folder], trustedFingerprints: [...fields.trustedFingerprints], bookmarks: [...fields.bookmarks], password });
          written.add(id);
        }
        // A name is unique in its folder: a site the dialog saved may meet one saved elsewhere meanwhile.
        for (const site of sites) if (written.has(site.id)) assertNameFree({ ...doc, sites }, site.folder, site.name, site.id);
        const folders = mergeFolders(doc.folders, foldersAdded, foldersRemoved);
        const next: SitesDocument = { folders, sites };
        const unchanged = written.size === 0 && sites.length === doc.sites.length && folders.length === doc.folders.length && folders.every((folder, index) => sameFolder(folder, doc.folders[index] ?? []));
        return { value: unchanged ? doc : next, result: { kind: 'saved', list: toList(unchanged ? doc : next), ids } };
      });
      if (outcome.kind === 'saved') for (const entry of request.added) if (entry.passwordFrom?.kind === 'import') staged.delete(entry.passwordFrom.ref);
      return outcome;
    },

    exportJson: async () => exportSites(toList(await document.read())),

    async trustCertificate(id, fingerprint256, replaces = []) {
      const fingerprint = normalizeFingerprint(fingerprint256);
      const replaced = new Set(replaces.map(normalizeFingerprint));
      return update((doc) => {
        const site = findById(doc, id);
        const kept = site.trustedFingerprints.filter((trusted) => !replaced.has(trusted));
        if (kept.length === site.trustedFingerprints.length && kept.includes(fingerprint)) return { value: doc, result: toSite(site) };
        const trusted: StoredSite = { ...site, trustedFingerprints: [...kept.filter((trusted) => trusted !== fingerprint), fingerprint] };
        return { value: { ...doc, sites: doc.sites.map((candidate) => (candidate.id === id ? trusted : candidate)) }, result: toSite(trusted) };
      });
    },

    async getPassword(id) {
      const site = findById(await document.read(), id);
      if (!site.password) return null;
      if (!readsVault(vault, site.password.vault)) {
        const values = { site: shownName(joinSitePath(site.folder, site.name), 'in-quotes') };
        const valueTexts = { saved: vaultName(site.password.vault), current: vaultName(vault.id) };
        const text = { message: 'password.other-vault', hint: 'password.other-vault.hint', values, valueTexts } as const;
        throw new FtpError({ kind: 'local-file', path: document.file, message: errorText(text.message, values, valueTexts), hint: errorText(text.hint, values), text, retryable: false });
      }
      try {
        return await decryptFrom(vault, site.password.vault, site.password.data);
      } catch (error) {
        if (error instanceof FtpError) throw error;
        // Why as the vault's clause (the keychain not available), in the window's language; else its words as they are.
        const values = { site: shownName(joinSitePath(site.folder, site.name), 'in-quotes'), detail: (error as Error).message };
        const why = error instanceof VaultRefusal ? { detail: error.reason } : undefined;
        throw new FtpError({ kind: 'local-file', path: document.file, ...sentences('password.undecryptable', 'password.undecryptable.hint', values, why), retryable: false });
      }
    },

    resealPasswords: () =>
      document.update(async (doc) => {
        const unmoved: { name: string; vault: string }[] = [];
        let moved = 0;
        const sites: StoredSite[] = [];
        for (const site of doc.sites) {
          const record = site.password;
          if (!record || record.vault === vault.id) {
            sites.push(site);
            continue;
          }
          try {
            if (!readsVault(vault, record.vault)) throw new Error(`saved with ${vaultName(record.vault)}`);
            const data = await vault.encrypt(await decryptFrom(vault, record.vault, record.data));
            sites.push({ ...site, password: { vault: vault.id, data } });
            moved += 1;
          } catch {
            unmoved.push({ name: joinSitePath(site.folder, site.name), vault: record.vault });
            sites.push(site);
          }
        }
        return { value: moved > 0 ? { ...doc, sites } : doc, result: { moved, unmoved } };
      }),

    forgetPasswords: (vaultId) =>
      update((doc) => {
        const forgotten = doc.sites.filter((site) => site.password?.vault === vaultId).length;
        if (forgotten === 0) return { value: doc, result: 0 };
        return { value: { ...doc, sites: doc.sites.map((site) => (site.password?.vault === vaultId ? { ...site, password: null } : site)) }, result: forgotten };
      }),

    forgetAllPasswords: () =>
      update((doc) => {
        const forgotten = doc.sites.filter((site) => site.password !== null).length;
        if (forgotten === 0) return { value: doc, result: 0 };
        return { value: { ...doc, sites: doc.sites.map((site) => (site.password !== null ? { ...site, password: null } : site)) }, result: forgotten };
      }),

    onChange: (listener) => document.subscribe((doc) => listener(toList(doc))),
    close: () => document.close(),
  };
  return store;
}

/** The document with `fields` saved as a new site (`existing` null) or over `existing`, and the site as saved. */
function saveInto(doc: SitesDocument, existing: StoredSite | null, fields: SiteFields, given: string | null | undefined, sealed: StoredPassword | null | undefined): { value: SitesDocument; result: Site } {
  assertNameFree(doc, fields.folder, fields.name, existing?.id);
  let password: StoredPassword | null = existing?.password ?? null;
  if (fields.logonType !== 'normal' || given === null || given === '') password = null;
  else if (sealed !== undefined) password = sealed;
  const site: StoredSite = { ...fields, id: existing?.id ?? randomUUID(), folder: [...fields.folder], trustedFingerprints: [...fields.trustedFingerprints], bookmarks: [...fields.bookmarks], password, ...(existing?.newerFields ? { newerFields: existing.newerFields } : {}) };
  const sites = existing ? doc.sites.map((candidate) => (candidate.id === site.id ? site : candidate)) : [...doc.sites, site];
  return { value: { ...doc, sites }, result: toSite(site) };
}

function toSite(stored: StoredSite): Site {
  const { password, newerFields: _newerFields, ...site } = stored;
  return { ...site, hasPassword: password !== null };
}

/** A site's own fields as the merge compares them, as the store would save them (trimmed, fingerprints normalized). */
function comparable(site: Site | StoredSite): SiteFields {
  const { id: _id, ...rest } = site;
  const input = { ...rest, password: undefined } as SiteInput;
  try {
    return validateSiteInput(input);
  } catch {
    // A site kept from a salvaged or hand-edited file that would not pass today's checks: compared as it is.
    const { password: _password, hasPassword: _hasPassword, newerFields: _newer, ...fields } = input as SiteInput & { hasPassword?: unknown; newerFields?: unknown };
    return fields as SiteFields;
  }
}

/** A site as the commit writes it: `fields` over the stored one (its password and a newer Ferry's fields kept unless told). */
function storedSite(id: string, fields: SiteFields, existing: StoredSite | null, given: string | null | undefined, sealed: StoredPassword | null | undefined): StoredSite {
  let password: StoredPassword | null = existing?.password ?? null;
  if (fields.logonType !== 'normal' || given === null || given === '') password = null;
  else if (sealed !== undefined) password = sealed;
  return { ...fields, id, folder: [...fields.folder], trustedFingerprints: [...fields.trustedFingerprints], bookmarks: [...fields.bookmarks], password, ...(existing?.newerFields ? { newerFields: existing.newerFields } : {}) };
}

function compareSites(a: StoredSite, b: StoredSite): number {
  return compareFolders(a.folder, b.folder) || naturalCompare(a.name.toLowerCase(), b.name.toLowerCase());
}

function allFolders(doc: SitesDocument): string[][] {
  return withAncestors([...doc.folders, ...doc.sites.map((site) => site.folder)]);
}

/** The document with folder `from` (its sub-folders and sites too) now at `to`. */
function rebaseDocument(doc: SitesDocument, from: readonly string[], to: readonly string[]): SitesDocument {
  return { folders: doc.folders.map((folder) => rebaseFolder(folder, from, to)), sites: doc.sites.map((site) => ({ ...site, folder: rebaseFolder(site.folder, from, to) })) };
}

function findById(doc: SitesDocument, id: string): StoredSite {
  const site = doc.sites.find((candidate) => candidate.id === id);
  if (!site) throw invalidInputText('site.gone', 'site.gone.hint', { id });
  return site;
}

/** Exact path first, then a unique name anywhere, then the same ignoring case. */
function findByPath(doc: SitesDocument, text: string): StoredSite {
  const segments = splitSitePath(text);
  const name = segments[segments.length - 1] as string;
  const folder = segments.slice(0, -1);
  const exact = doc.sites.filter((site) => site.name === name && sameFolder(site.folder, folder));
  if (exact.length === 1) return exact[0] as StoredSite;
  const candidates = [
    segments.length === 1 ? doc.sites.filter((site) => site.name === name) : [],
    doc.sites.filter((site) => joinSitePath(site.folder, site.name).toLowerCase() === joinSitePath(folder, name).toLowerCase()),
    segments.length === 1 ? doc.sites.filter((site) => site.name.toLowerCase() === name.toLowerCase()) : [],
  ];
  for (const matches of candidates) {
    if (matches.length === 1) return matches[0] as StoredSite;
    if (matches.length > 1) {
      throw invalidInput(`"${text}" matches ${matches.length} sites: ${[...matches].sort(compareSites).map((site) => joinSitePath(site.folder, site.name)).join(', ')}.`, 'Give the full path, Folder/Sub/Name.');
    }
  }
  const known = doc.sites.map((site) => joinSitePath(site.folder, site.name)).slice(0, 10);
  throw invalidInput(`There is no site "${text}".`, known.length > 0 ? `Saved sites: ${known.join(', ')}${doc.sites.length > 10 ? ', …' : ''} (ferry sites list).` : 'No sites are saved yet: add one with ferry sites add, or import FileZilla\'s with ferry sites import.');
}

function assertNameFree(doc: SitesDocument, folder: readonly string[], name: string, ownId: string | undefined): void {
  const clash = doc.sites.find((site) => site.id !== ownId && site.name === name && sameFolder(site.folder, folder));
  if (clash) throw folder.length > 0 ? invalidInputText('site.name-taken-folder', 'site.name-taken.hint', { name: shownName(name, 'in-quotes'), folder: shownFolder(folder) }) : invalidInputText('site.name-taken-top', 'site.name-taken.hint', { name: shownName(name, 'in-quotes') });
}

/** A folder's path for the texts that quote it ('A folder "{folder}"…'): a U+202E in a name would turn the sentence around. */
function shownFolder(folder: readonly string[]): string {
  return shownName(joinFolder(folder), 'in-quotes');
}

function assertFolderExists(doc: SitesDocument, folder: readonly string[]): void {
  if (!allFolders(doc).some((existing) => sameFolder(existing, folder))) throw invalidInputText('site.no-folder', 'site.no-folder.hint', { folder: shownFolder(folder) });
}

/** `base`, or `base (2)`, `base (3)`, … — the first not used in that folder. */
function uniqueName(doc: SitesDocument, folder: readonly string[], base: string): string {
  const taken = new Set(doc.sites.filter((site) => sameFolder(site.folder, folder)).map((site) => site.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} (${n})`)) return `${base} (${n})`;
}

function vaultName(id: string): TextRef {
  if (id === 'safe-storage') return { id: 'vault.safe-storage', values: {} };
  if (id === 'file-key') return { id: 'vault.file-key', values: {} };
  if (id === 'master-password') return { id: 'vault.master-password', values: {} };
  return { id: 'vault.other', values: { id } };
}
