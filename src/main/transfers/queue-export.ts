/**
 * Export and import of the transfer queue (FileZilla's "Export…" and "Import" of its queue), pure: text in, plan out.
 *
 * Why this format: Ferry's own versioned JSON (`{ kind: 'ferry-queue', format: 1, items }`), shaped like the Site
 * Manager's export. Sites are named by their folder and name plus host, port and user, never by id (ids mean
 * nothing on another computer) and never with a password. FileZilla's queue export (`<FileZilla3><Queue><Server>
 * <File>`) is read too, so a queue left in FileZilla moves over. Whatever the source, an item goes into the queue
 * only against a saved site of this computer with paths that mean something here; every other item is refused with
 * its reason, never dropped in silence, and a file that is not one of these exports is refused whole.
 */
import path from 'node:path';
import { z } from 'zod';
import type { CopyTarget, Site, TransferDirection, TransferKind } from '../../shared/models';
import type { ErrorText, ErrorTextId, ErrorTextValues, TextRef } from '../../shared/error-texts';
import { invalidInputText } from '../ftp/ftp-error';
import { childElements, elementText, fileZillaSection, FTP_PROTOCOLS, OTHER_PROTOCOLS, type XmlElement } from '../sites/filezilla-import';
import { decodeFileZillaPath } from '../sites/filezilla-path';
import type { QueueEntry } from './queue-entry';
import { shownName } from '../../shared/shown-name';

export const QUEUE_EXPORT_KIND = 'ferry-queue';
export const QUEUE_EXPORT_FORMAT = 1;
const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/** Which saved site an item belongs to, as another computer can find it. */
export interface QueueSiteRef {
  /** The site's name and folder in the Site Manager; absent for a quick connection (or FileZilla's unnamed server). */
  readonly name?: string;
  readonly folder?: readonly string[];
  readonly host: string;
  readonly port: number;
  readonly user: string;
}

/** One queue item as exported. */
export interface ExportedQueueItem {
  readonly direction: TransferKind;
  readonly isDirectory: boolean;
  readonly site: QueueSiteRef;
  /** 'fxp' (a server-to-server copy): its target site, and whether it goes through this computer; `localPath` is there. */
  readonly target?: { readonly site: QueueSiteRef; readonly relay: boolean };
  readonly localPath: string;
  readonly remotePath: string;
  readonly size: number | null;
}

/** What the queue holds of an item, enough to export it. */
export type ExportSource = Readonly<Pick<QueueEntry, 'siteKey' | 'siteLabel' | 'direction' | 'target' | 'isDirectory' | 'localPath' | 'remotePath' | 'size'>>;

/**
 * The queue as Ferry's JSON export. A quick connection's item names its server (`quick:USER@HOST:PORT`);
 * a saved site's its folder, name and server; a site deleted since keeps only its name, and is refused on import.
 */
export function exportQueue(entries: readonly ExportSource[], sites: readonly Site[], now = new Date()): string {
  const items: ExportedQueueItem[] = entries.map((entry) => ({
    direction: entry.direction,
    isDirectory: entry.isDirectory,
    site: siteRefOf(entry, sites),
    ...(entry.target ? { target: { site: siteRefOf(entry.target, sites), relay: entry.target.relay } } : {}),
    localPath: entry.localPath,
    remotePath: entry.remotePath,
    size: entry.size,
  }));
  return `${JSON.stringify({ kind: QUEUE_EXPORT_KIND, format: QUEUE_EXPORT_FORMAT, exportedAt: now.toISOString(), items }, null, 2)}\n`;
}

function siteRefOf(entry: Pick<ExportSource, 'siteKey' | 'siteLabel'>, sites: readonly Site[]): QueueSiteRef {
  if (entry.siteKey.startsWith('site:')) {
    const site = sites.find((candidate) => candidate.id === entry.siteKey.slice(5));
    if (site) return { name: site.name, folder: site.folder, host: site.host, port: site.port, user: site.user };
    return { name: entry.siteLabel, folder: [], host: '', port: 21, user: '' };
  }
  // quick:USER@HOST:PORT (create-services.ts); the host may hold ':' (IPv6) and the user '@'.
  const match = /^quick:(.*)@(.*):(\d+)$/.exec(entry.siteKey);
  if (!match) return { host: '', port: 21, user: '' };
  const user = match[1] ?? '';
  return { host: match[2] ?? '', port: Number(match[3]), user: user === 'anonymous' ? '' : user };
}

/** An item read from an import file, before it is matched to this computer's sites. */
export interface ImportedQueueItem extends ExportedQueueItem {
  /** How the item is named in messages: its direction and paths. */
  readonly label: string;
  /** Set when the item cannot come over whatever the sites here (FileZilla: SFTP, an unreadable path). */
  readonly problem?: TextRef;
}

export interface ParsedQueueFile {
  readonly source: 'ferry' | 'filezilla';
  readonly items: readonly ImportedQueueItem[];
}

const siteRefSchema = z.object({
  name: z.string().optional(),
  folder: z.array(z.string()).optional(),
  host: z.string(),
  port: z.number().int().min(1).max(65535),
  user: z.string(),
});

const exportedItemSchema = z.object({
  direction: z.enum(['upload', 'download', 'fxp']),
  isDirectory: z.boolean(),
  site: siteRefSchema,
  target: z.object({ site: siteRefSchema, relay: z.boolean() }).optional(),
  localPath: z.string(),
  remotePath: z.string(),
  size: z.number().int().nonnegative().nullable(),
});

const exportSchema = z.object({ kind: z.literal(QUEUE_EXPORT_KIND), format: z.number().int(), items: z.array(z.unknown()) });

/** Read a queue export: Ferry's JSON or FileZilla's XML. A file that is neither, or damaged, throws (invalid-input). */
export function parseQueueFile(text: string): ParsedQueueFile {
  if (text.length > MAX_IMPORT_BYTES) throw invalidInputText('queue-import.too-large', 'queue-import.choose.hint');
  const start = text.trimStart();
  if (start.startsWith('<')) return parseFileZillaQueue(text);
  if (start.startsWith('{')) return parseFerryQueue(text);
  throw invalidInputText('queue-import.unknown-file', 'queue-import.choose.hint');
}

function parseFerryQueue(text: string): ParsedQueueFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalidInputText('queue-import.not-json', 'queue-import.choose.hint', { detail: (error as Error).message });
  }
  const head = exportSchema.safeParse(json);
  if (!head.success) throw invalidInputText('queue-import.unknown-file', 'queue-import.choose.hint');
  if (head.data.format > QUEUE_EXPORT_FORMAT) throw invalidInputText('queue-import.newer-format', 'queue-import.newer-format.hint', { format: head.data.format });
  const items = head.data.items.map((raw, index) => {
    const item = exportedItemSchema.safeParse(raw);
    if (!item.success) {
      const issue = item.error.issues[0];
      const where = issue ? [index + 1, ...issue.path].join('.') : String(index + 1);
      throw invalidInputText('queue-import.bad-item', 'queue-import.damaged.hint', { where, detail: issue?.message ?? '' });
    }
    return { ...item.data, label: labelOf(item.data) };
  });
  return { source: 'ferry', items };
}

/**
 * FileZilla's File > Export of its queue: FileZilla3 > Queue > Server (the connection, as in sitemanager.xml) >
 * File (LocalFile, RemoteFile, RemotePath in FileZilla's "safe path" form, Download 1/0, Size). Its Folder items only
 * create an empty folder, which Ferry's queue does not do: they are refused with that reason.
 */
function parseFileZillaQueue(xml: string): ParsedQueueFile {
  const queue = fileZillaSection(xml, 'Queue', { notXml: ['queue-import.not-xml', 'queue-import.choose.hint'], missing: ['queue-import.not-filezilla-queue', 'queue-import.choose.hint'] });
  const items: ImportedQueueItem[] = [];
  for (const server of childElements(queue, 'Server')) {
    const field = (tag: string): string => (elementText(childElements(server, tag)[0]) ?? '').trim();
    const protocolCode = field('Protocol') || '0';
    const protocol = FTP_PROTOCOLS[protocolCode];
    const name = field('Name');
    const site: QueueSiteRef = {
      ...(name !== '' ? { name } : {}),
      host: field('Host'),
      port: Number(field('Port')) || (protocol === 'ftp-implicit' ? 990 : 21),
      user: field('Logontype') === '0' ? '' : field('User'),
    };
    const serverProblem: TextRef | undefined = protocol
      ? undefined
      : OTHER_PROTOCOLS[protocolCode]
        ? ref('queue-import.not-ftp', { protocol: OTHER_PROTOCOLS[protocolCode] as string })
        : ref('queue-import.unknown-protocol', { code: protocolCode });
    for (const file of childElements(server, 'File')) items.push(fileZillaFile(file, site, serverProblem));
    for (const folder of childElements(server, 'Folder')) {
      const folderField = (tag: string): string => elementText(childElements(folder, tag)[0]) ?? '';
      const direction: TransferDirection = folder.attributes.download === '1' ? 'download' : 'upload';
      const remotePath = decodeFileZillaPath(folderField('RemotePath')) ?? folderField('RemotePath');
      const item = { direction, isDirectory: true, site, localPath: folderField('Local'), remotePath, size: null };
      items.push({ ...item, label: labelOf(item), problem: ref('queue-import.filezilla-folder', {}) });
    }
  }
  return { source: 'filezilla', items };
}

function fileZillaFile(file: XmlElement, site: QueueSiteRef, serverProblem: TextRef | undefined): ImportedQueueItem {
  const field = (tag: string): string => elementText(childElements(file, tag)[0]) ?? '';
  const direction: TransferDirection = field('Download').trim() === '1' ? 'download' : 'upload';
  const folderText = field('RemotePath');
  const folder = decodeFileZillaPath(folderText);
  const remoteName = field('RemoteFile');
  const remotePath = folder === null ? `${folderText}/${remoteName}` : joinRemote(folder, remoteName);
  const sizeText = field('Size').trim();
  const size = /^\d+$/.test(sizeText) ? Number(sizeText) : null;
  const item = { direction, isDirectory: false, site, localPath: field('LocalFile'), remotePath, size };
  const problem = serverProblem ?? (folder === null ? ref('queue-import.filezilla-path', { path: shownName(folderText, 'in-quotes') }) : undefined);
  return { ...item, label: labelOf(item), ...(problem ? { problem } : {}) };
}

function joinRemote(folder: string, name: string): string {
  if (folder === '') return name.startsWith('/') ? name : `/${name}`;
  return folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`;
}

function labelOf(item: Pick<ImportedQueueItem, 'direction' | 'localPath' | 'remotePath' | 'target'>): string {
  if (item.direction === 'fxp') return `${item.remotePath} → ${item.target ? siteName(item.target.site) : '?'}:${item.localPath}`;
  return item.direction === 'download' ? `${item.remotePath} → ${item.localPath}` : `${item.localPath} → ${item.remotePath}`;
}

function ref(id: ErrorTextId, values: ErrorTextValues): TextRef {
  return { id, values };
}

/** Items that can go into the queue here, grouped as `queue:add` wants them. */
export interface QueueImportBatch {
  readonly siteKey: string;
  readonly siteLabel: string;
  readonly direction: TransferKind;
  /** 'fxp': the target site (a saved site here). */
  readonly target?: CopyTarget;
  readonly items: readonly { readonly localPath: string; readonly remotePath: string; readonly isDirectory: boolean }[];
}

/** An item left out: its label and why (a sentence and its fix, from the shared table). */
export interface RefusedQueueItem {
  readonly item: string;
  readonly text: ErrorText & { readonly message: ErrorTextId; readonly hint: ErrorTextId };
}

export interface QueueImportPlan {
  readonly batches: readonly QueueImportBatch[];
  readonly refused: readonly RefusedQueueItem[];
}

/**
 * Match each item to a saved site here and check its paths. A site is found by folder and name on the same
 * server, else by server (host, port, user). Local paths must be absolute on this computer, remote ones absolute
 * on the server; neither may hold a line break or NUL.
 */
export function planQueueImport(parsed: ParsedQueueFile, sites: readonly Site[]): QueueImportPlan {
  const batches = new Map<string, { siteKey: string; siteLabel: string; direction: TransferKind; target?: CopyTarget; items: QueueImportBatch['items'][number][] }>();
  const refused: RefusedQueueItem[] = [];
  const refuse = (item: ImportedQueueItem, message: TextRef, hint: ErrorTextId) => refused.push({ item: item.label, text: { message: message.id, hint, values: message.values } });
  for (const item of parsed.items) {
    if (item.problem) {
      refuse(item, item.problem, 'queue-import.item.hint');
      continue;
    }
    const server = serverLabel(item.site);
    const site = findSite(item.site, sites);
    if (!site) {
      refuse(item, ref('queue-import.no-site', { server, site: siteName(item.site) }), 'queue-import.no-site.hint');
      continue;
    }
    // A server-to-server copy: its target must be a saved site here too, and its target path a server path.
    let target: CopyTarget | undefined;
    if (item.direction === 'fxp') {
      const there = item.target ? findSite(item.target.site, sites) : undefined;
      if (!item.target || !there) {
        const other = item.target?.site ?? { host: '', port: 21, user: '' };
        refuse(item, ref('queue-import.no-site', { server: serverLabel(other), site: siteName(other) }), 'queue-import.no-site.hint');
        continue;
      }
      target = { siteKey: `site:${there.id}`, siteLabel: there.name, relay: item.target.relay };
    }
    if (target ? !isRemotePath(item.localPath) : !isLocalPath(item.localPath)) {
      refuse(item, ref('queue-import.bad-local', { path: shownName(item.localPath, 'in-quotes') }), 'queue-import.bad-local.hint');
      continue;
    }
    if (!isRemotePath(item.remotePath)) {
      refuse(item, ref('queue-import.bad-remote', { path: shownName(item.remotePath, 'in-quotes') }), 'queue-import.bad-remote.hint');
      continue;
    }
    const key = `${site.id}\n${item.direction}${target ? `\n${target.siteKey}\n${target.relay}` : ''}`;
    const batch = batches.get(key) ?? { siteKey: `site:${site.id}`, siteLabel: site.name, direction: item.direction, ...(target ? { target } : {}), items: [] };
    batch.items.push({ localPath: target ? item.localPath : path.resolve(item.localPath), remotePath: item.remotePath, isDirectory: item.isDirectory });
    batches.set(key, batch);
  }
  return { batches: [...batches.values()], refused };
}

function findSite(ref: QueueSiteRef, sites: readonly Site[]): Site | undefined {
  if (ref.host === '') return undefined;
  const sameServer = (site: Site) => site.host.toLowerCase() === ref.host.toLowerCase() && site.port === ref.port;
  if (ref.name !== undefined) {
    const named = sites.find((site) => sameServer(site) && site.name === ref.name && (ref.folder === undefined || site.folder.join('/') === ref.folder.join('/')));
    if (named) return named;
  }
  return sites.find((site) => sameServer(site) && sameUser(site.user, ref.user));
}

/** FileZilla and quick connections write an anonymous login as 'anonymous' or nothing. */
function sameUser(a: string, b: string): boolean {
  const plain = (user: string) => (user === 'anonymous' ? '' : user);
  return plain(a) === plain(b);
}

function serverLabel(ref: QueueSiteRef): string {
  if (ref.host === '') return '?';
  const host = ref.host.includes(':') ? `[${ref.host}]` : ref.host;
  return `${ref.user !== '' ? `${ref.user}@` : ''}${host}:${ref.port}`;
}

function siteName(ref: QueueSiteRef): string {
  return ref.name === undefined ? serverLabel(ref) : [...(ref.folder ?? []), ref.name].join('/');
}

const CONTROL = /[\r\n\0]/;

function isLocalPath(value: string): boolean {
  return value !== '' && !CONTROL.test(value) && path.isAbsolute(value);
}

function isRemotePath(value: string): boolean {
  return value.startsWith('/') && !CONTROL.test(value) && value.split('/').every((part) => part !== '..');
}
