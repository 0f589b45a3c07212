import { XMLParser, XMLValidator } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import type { Bookmark, LogonType, SiteInput, SiteProtocol, SiteTransferMode } from '../../shared/models';
import { errorText, type ErrorText, type ErrorTextId, type ErrorTextValues, type TextRef } from '../../shared/error-texts';
import { invalidInputText } from '../ftp/ftp-error';
import { decodeFileZillaPath } from './filezilla-path';
import { MAX_CONNECTION_LIMIT } from './validate-site';
import { shownName } from '../../shared/shown-name';

/** One site read from sitemanager.xml, not yet validated or stored. */
export interface FileZillaSite {
  readonly input: SiteInput;
  /** Things that did not carry over exactly. */
  readonly warnings: readonly TextRef[];
}

export interface FileZillaSites {
  readonly sites: readonly FileZillaSite[];
  /** Every folder in the file, including empty ones. */
  readonly folders: readonly (readonly string[])[];
  readonly skipped: readonly SkippedSite[];
}

/** FileZilla's ServerProtocol numbers that are FTP, and what they mean in Ferry. */
export const FTP_PROTOCOLS: Readonly<Record<string, SiteProtocol>> = {
  '0': 'ftp-explicit-if-available',
  '3': 'ftp-implicit',
  '4': 'ftp-explicit',
  '6': 'ftp-plain',
};

export const OTHER_PROTOCOLS: Readonly<Record<string, string>> = {
  '1': 'SFTP (SSH)',
  '2': 'HTTP',
  '5': 'HTTPS',
  '7': 'Amazon S3',
  '8': 'Storj',
  '9': 'WebDAV',
  '10': 'Azure File Storage',
  '11': 'Azure Blob Storage',
  '12': 'OpenStack Swift',
  '13': 'Google Cloud Storage',
  '14': 'Google Drive',
  '15': 'Dropbox',
  '16': 'Microsoft OneDrive',
  '17': 'Backblaze B2',
  '18': 'Box',
  '19': 'WebDAV (insecure)',
  '20': 'Rackspace Cloud Storage',
  '21': 'Storj (access grant)',
};

const PASV_MODES: Readonly<Record<string, SiteTransferMode>> = { MODE_DEFAULT: 'default', MODE_ACTIVE: 'active', MODE_PASSIVE: 'passive' };

const MAX_XML_BYTES = 32 * 1024 * 1024;

/** A parsed element in document order: its tag, attributes and children (text nodes as strings). */
export interface XmlElement {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}

/**
 * Read FileZilla's sitemanager.xml (or a Site Manager export): FileZilla3 > Servers > Folder* > Server.
 * Pure: passwords come back decoded, for the store to encrypt; nothing is written here.
 */
export function parseFileZillaSites(xml: string): FileZillaSites {
  if (xml.length > MAX_XML_BYTES) throw invalidInputText('import.too-large', 'import.too-large.hint');
  const servers = fileZillaSection(xml, 'Servers', { notXml: ['import.not-xml', 'import.not-xml.hint'], missing: ['import.not-filezilla', 'import.not-filezilla.hint'] });

  const sites: FileZillaSite[] = [];
  const folders: string[][] = [];
  const skipped: SkippedSite[] = [];
  const walk = (element: XmlElement, folder: readonly string[]): void => {
    for (const child of element.children) {
      if (typeof child === 'string') continue;
      if (child.tag === 'Folder') {
        const path = [...folder, folderName(child)];
        folders.push(path);
        walk(child, path);
      } else if (child.tag === 'Server') {
        const result = readServer(child, folder);
        if ('reason' in result) skipped.push(result);
        else sites.push(result);
      }
    }
  };
  walk(servers, []);
  return { sites, folders, skipped };
}

const PARSER_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  // Decodes numeric character references (&#10; in comments) as well as the XML entities.
  htmlEntities: true,
} as const;

/** A site left out: why, in English (the CLI) and as a sentence of the shared table (the window's language). */
export interface SkippedSite {
  readonly name: string;
  readonly reason: string;
  readonly text?: ErrorText;
}

function readServer(server: XmlElement, folder: readonly string[]): FileZillaSite | SkippedSite {
  const field = (tag: string): string | null => elementText(childElements(server, tag)[0]);
  const host = (field('Host') ?? '').trim();
  const name = (field('Name') ?? '').trim() || trailingText(server) || host || 'Unnamed site';
  const label = [...folder, name].join('/');
  const skip = (id: ErrorTextId, values: ErrorTextValues = {}): SkippedSite => ({ name: label, reason: errorText(id, values), text: { message: id, values } });

  const protocolCode = (field('Protocol') ?? '0').trim();
  const protocol = FTP_PROTOCOLS[protocolCode];
  if (!protocol) {
    const what = OTHER_PROTOCOLS[protocolCode];
    return what ? skip('import.not-ftp', { protocol: what }) : skip('import.unknown-protocol', { code: protocolCode });
  }
  if (host === '') return skip('import.no-host');

  const warnings: TextRef[] = [];
  const logonCode = (field('Logontype') ?? '').trim();
  const user = field('User') ?? '';
  let logonType: LogonType;
  switch (logonCode) {
    case '0':
      logonType = 'anonymous';
      break;
    case '1':
      logonType = 'normal';
      break;
    case '2':
      logonType = 'ask';
      break;
    case '3':
      logonType = 'ask';
      warnings.push({ id: 'import.interactive', values: {} });
      break;
    case '4':
      logonType = 'normal';
      warnings.push({ id: 'import.account', values: {} });
      break;
    case '5':
      return skip('import.key-file');
    case '':
      logonType = user.trim() === '' ? 'anonymous' : 'normal';
      break;
    default:
      return skip('import.unknown-logon', { code: logonCode });
  }

  const password = logonType === 'normal' ? readPassword(childElements(server, 'Pass')[0], warnings) : undefined;
  const portText = (field('Port') ?? '').trim();
  const port = portText === '' ? (protocol === 'ftp-implicit' ? 990 : 21) : Number(portText);
  const pasv = (field('PasvMode') ?? 'MODE_DEFAULT').trim();
  const transferMode = PASV_MODES[pasv] ?? 'default';
  if (!PASV_MODES[pasv]) warnings.push({ id: 'import.unknown-mode', values: { mode: pasv } });
  const charset = readCharset(field('EncodingType'), field('CustomEncoding'), warnings);
  const connectionLimit = readConnectionLimit(field('MaximumMultipleConnections'), warnings);
  const remoteDir = readRemoteDir(field('RemoteDir'), warnings);
  const bookmarks = childElements(server, 'Bookmark').map((bookmark) => readBookmark(bookmark, warnings));

  return {
    input: {
      name,
      folder: [...folder],
      host,
      port,
      protocol,
      logonType,
      user: logonType === 'anonymous' ? '' : user,
      ...(password !== undefined ? { password } : {}),
      transferMode,
      charset,
      localDir: field('LocalDir') ?? '',
      remoteDir,
      connectionLimit,
      comments: field('Comments') ?? '',
      trustedFingerprints: [],
      bookmarks,
      // FileZilla writes <BypassProxy>1</BypassProxy> for sites that connect directly.
      ...((field('BypassProxy') ?? '').trim() === '1' ? { bypassProxy: true } : {}),
    },
    warnings,
  };
}

/** `<Pass encoding="base64">` (FileZilla 3.26+), plain text (older), or `crypt` (master password: unreadable). */
function readPassword(pass: XmlElement | undefined, warnings: TextRef[]): string | null {
  if (!pass) return null;
  const text = elementText(pass) ?? '';
  const encoding = pass.attributes.encoding ?? '';
  if (encoding === 'base64') return Buffer.from(text.trim(), 'base64').toString('utf8') || null;
  if (encoding === '') return text || null;
  warnings.push(encoding === 'crypt' ? { id: 'import.password-master', values: {} } : { id: 'import.password-unknown', values: { encoding } });
  return null;
}

function readCharset(type: string | null, custom: string | null, warnings: TextRef[]): string {
  switch ((type ?? 'Auto').trim()) {
    case 'UTF-8':
      return 'utf-8';
    case 'Custom': {
      const name = (custom ?? '').trim();
      if (name !== '' && iconv.encodingExists(name)) return name.toLowerCase();
      warnings.push({ id: 'import.unknown-charset', values: { name: shownName(name, 'in-quotes') } });
      return 'auto';
    }
    default:
      return 'auto';
  }
}

function readConnectionLimit(text: string | null, warnings: TextRef[]): number | null {
  const value = Number((text ?? '0').trim());
  if (!Number.isInteger(value) || value <= 0) return null;
  if (value > MAX_CONNECTION_LIMIT) {
    warnings.push({ id: 'import.connection-limit', values: { value, max: MAX_CONNECTION_LIMIT } });
    return MAX_CONNECTION_LIMIT;
  }
  return value;
}

function readRemoteDir(text: string | null, warnings: TextRef[]): string {
  if (text === null) return '';
  const decoded = decodeFileZillaPath(text);
  if (decoded !== null) return decoded;
  warnings.push({ id: 'import.remote-dir', values: { path: shownName(text, 'in-quotes') } });
  return text.trim();
}

function readBookmark(bookmark: XmlElement, warnings: TextRef[]): Bookmark {
  const field = (tag: string): string => elementText(childElements(bookmark, tag)[0]) ?? '';
  // FileZilla's "Use synchronized browsing" and "Directory comparison" of the bookmark (<SyncBrowsing>1</SyncBrowsing>,
  // <DirectoryComparison>1</DirectoryComparison>, each written only when on); stored only when on.
  const sync = field('SyncBrowsing').trim() === '1' ? { syncBrowsing: true } : {};
  const compare = field('DirectoryComparison').trim() === '1' ? { directoryComparison: true } : {};
  return { name: field('Name').trim() || 'Bookmark', localPath: field('LocalDir'), remotePath: readRemoteDir(field('RemoteDir'), warnings), ...sync, ...compare };
}

/** A folder's name is the text before its first child element. */
function folderName(folder: XmlElement): string {
  const text = folder.children.find((child) => typeof child === 'string' && child.trim() !== '');
  return typeof text === 'string' ? text.trim() : 'Unnamed folder';
}

/** Older FileZilla versions wrote a server's name as text after its child elements. */
function trailingText(server: XmlElement): string {
  return server.children
    .filter((child): child is string => typeof child === 'string')
    .join('')
    .trim();
}

/** The sentences (message, hint) a FileZilla file is refused with: not XML ({line}, {detail}), or no such section. */
export interface FileZillaRefusals {
  readonly notXml: readonly [ErrorTextId, ErrorTextId];
  readonly missing: readonly [ErrorTextId, ErrorTextId];
}

/**
 * `<FileZilla3><SECTION>` of a FileZilla file (Servers: sitemanager.xml; Queue: a queue export), its children in
 * document order. Text that is not XML, or XML without that section, throws (invalid-input) with `refusals`.
 */
export function fileZillaSection(xml: string, section: string, refusals: FileZillaRefusals): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw invalidInputText(refusals.notXml[0], refusals.notXml[1], { line: valid.err.line, detail: valid.err.msg });
  const root = toElements(new XMLParser(PARSER_OPTIONS).parse(xml) as unknown[]).find((element) => element.tag === 'FileZilla3');
  const found = root ? childElements(root, section)[0] : undefined;
  if (!found) throw invalidInputText(refusals.missing[0], refusals.missing[1]);
  return found;
}

export function childElements(element: XmlElement, tag: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string' && child.tag === tag);
}

/** The element's text content, or null when the element is absent. */
export function elementText(element: XmlElement | undefined): string | null {
  if (!element) return null;
  return element.children.filter((child): child is string => typeof child === 'string').join('');
}

/** fast-xml-parser's ordered output (`[{ Tag: [...children], ':@': {attrs} }, { '#text': '…' }]`) as XmlElements. */
function toElements(nodes: readonly unknown[]): XmlElement[] {
  return nodes.map(toNode).filter((node): node is XmlElement => typeof node !== 'string');
}

function toNode(node: unknown): XmlElement | string {
  const record = node as Record<string, unknown>;
  if ('#text' in record) return String(record['#text']);
  const tag = Object.keys(record).find((key) => key !== ':@') ?? '';
  const attributes = (record[':@'] ?? {}) as Record<string, string>;
  const children = Array.isArray(record[tag]) ? (record[tag] as unknown[]).map(toNode) : [];
  return { tag, attributes, children };
}
