/**
 * Inline SVG icons (no icon font, no fetches: the CSP allows none). Stroke icons take the text
 * colour; file icons carry their own colours per kind.
 */
import type { ReactElement } from 'react';
import type { FileKind } from '../lib/file-kind';

const PATHS = {
  sites: 'M3 4h14v4H3zM3 12h14v4H3zM6 6h.01M6 14h.01',
  chevronDown: 'M5 8l5 5 5-5',
  disconnect: 'M7 3v4M13 3v4M5 7h10v3a5 5 0 01-10 0zM10 15v3M3 3l14 14',
  // The plug of Disconnect, whole: connect again.
  reconnect: 'M7 3v4M13 3v4M5 7h10v3a5 5 0 01-10 0zM10 15v3',
  refresh: 'M16 10a6 6 0 11-2-4.5M16 3v4h-4',
  settings: 'M10 7a3 3 0 100 6 3 3 0 000-6zM10 2v2M10 16v2M2 10h2M16 10h2M4.3 4.3l1.4 1.4M14.3 14.3l1.4 1.4M4.3 15.7l1.4-1.4M14.3 5.7l1.4-1.4',
  bookmark: 'M6 3h8v14l-4-3-4 3z',
  tree: 'M4 3v12h5M4 8h5M11 6h5M11 13h5',
  eye: 'M2 10s3-6 8-6 8 6 8 6-3 6-8 6-8-6-8-6zM10 8a2 2 0 100 4 2 2 0 000-4z',
  up: 'M10 16V4M5 9l5-5 5 5',
  down: 'M10 4v12M5 11l5 5 5-5',
  upload: 'M4 10h9M9 6l4 4-4 4M16 4v12',
  download: 'M16 10H7M11 6l-4 4 4 4M4 4v12',
  folderPlus: 'M2 5h6l2 2h8v9H2zM10 9v5M7.5 11.5h5',
  lock: 'M5 9h10v8H5zM7 9V6a3 3 0 016 0v3',
  unlock: 'M5 9h10v8H5zM7 9V6a3 3 0 015.8-1',
  copy: 'M7 7h9v10H7zM4 13V3h9',
  trash: 'M4 6h12M8 6V4h4v2M6 6l1 11h6l1-11',
  play: 'M6 4l10 6-10 6z',
  pause: 'M6 4h3v12H6zM11 4h3v12h-3z',
  close: 'M5 5l10 10M15 5L5 15',
  retry: 'M4 10a6 6 0 102-4.5M4 3v4h4',
  clear: 'M3 6h14M3 10h9M3 14h6M13 12l4 4M17 12l-4 4',
  history: 'M10 5v5l3 2M3 10a7 7 0 107-7 7 7 0 00-6 3.5M3 3v4h4',
  connect: 'M7 3v4M13 3v4M5 7h10v3a5 5 0 01-10 0zM10 15v3',
  import: 'M10 3v9M6 8l4 4 4-4M4 14v3h12v-3',
  plus: 'M10 4v12M4 10h12',
  duplicate: 'M7 7h9v10H7zM4 13V3h9',
  rename: 'M3 17h4L16 8l-4-4-9 9zM11 5l4 4',
  folder: 'M2 5h6l2 2h8v9H2z',
  site: 'M3 5h14v10H3zM3 8h14',
  warning: 'M10 3l8 14H2zM10 8v4M10 14.5h.01',
  info: 'M10 2a8 8 0 100 16 8 8 0 000-16zM10 9v5M10 6h.01',
  compare: 'M3 4h5v12H3zM12 4h5v12h-5zM5 8h1M14 8h1M5 12h1M14 12h1',
  sync: 'M4 8h11l-3-3M16 12H5l3 3',
  search: 'M8.5 3a5.5 5.5 0 100 11 5.5 5.5 0 000-11zM12.5 12.5L17 17',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16 }: { readonly name: IconName; readonly size?: number }): ReactElement {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** Colour per kind, in the same family as common desktop file managers. */
const KIND_COLOURS: Record<Exclude<FileKind, 'folder'>, string> = {
  symlink: '#7c8da6',
  image: '#2f9e6e',
  audio: '#c2418f',
  video: '#8a4fd1',
  archive: '#b07d2b',
  code: '#2f7ec2',
  text: '#7d8796',
  pdf: '#d0453b',
  document: '#2e6bd1',
  spreadsheet: '#23944f',
  executable: '#5c6677',
  file: '#9aa3b0',
};

export function FileIcon({ kind }: { readonly kind: FileKind }): ReactElement {
  if (kind === 'folder') {
    return (
      <svg className="file-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M1 3.5A1 1 0 012 2.5h4l1.5 1.5H14a1 1 0 011 1V13a1 1 0 01-1 1H2a1 1 0 01-1-1z" fill="var(--folder-back)" />
        <path d="M1 6h14v7a1 1 0 01-1 1H2a1 1 0 01-1-1z" fill="var(--folder-front)" />
      </svg>
    );
  }
  const colour = KIND_COLOURS[kind];
  return (
    <svg className="file-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M3 1.5h6.5L13 5v9.5H3z" fill="var(--file-paper)" stroke="var(--file-edge)" strokeWidth="1" />
      <path d="M9.5 1.5V5H13" fill="none" stroke="var(--file-edge)" strokeWidth="1" />
      <rect x="4.5" y="9" width="7" height="4" rx="0.8" fill={colour} />
      {kind === 'symlink' ? <path d="M6 12l3-2M7.5 10H9v1.5" stroke="#fff" strokeWidth="0.9" fill="none" /> : null}
    </svg>
  );
}
