import iconv from 'iconv-lite';
import { z } from 'zod';
import { MAX_ZONE_MINUTES, MIN_ZONE_MINUTES } from '../../shared/time-zone';
import type { Site } from '../../shared/models';
import { quoted, type TextRef } from '../../shared/error-texts';
import type { Decoded } from './json-document';
import { LOGON_TYPES, MAX_CONNECTION_LIMIT, SITE_PROTOCOLS, SITE_TRANSFER_MODES } from './validate-site';
import { shownName } from '../../shared/shown-name';

export const SITES_FILE = 'sites.json';
export const SITES_FORMAT = 1;

/** A password as stored: which vault encrypted it, and the vault's opaque output. Never the password. */
const storedPasswordSchema = z.object({ vault: z.string().min(1), data: z.string().min(1) });

const nameSchema = z.string().trim().min(1).max(255);

const storedSiteSchema = z.object({
  id: z.string().min(1),
  name: nameSchema,
  folder: z.array(nameSchema),
  host: z.string().trim().min(1),
  port: z.number().int().min(1).max(65535),
  protocol: z.enum(SITE_PROTOCOLS as [Site['protocol'], ...Site['protocol'][]]),
  logonType: z.enum(LOGON_TYPES as [Site['logonType'], ...Site['logonType'][]]),
  user: z.string(),
  password: storedPasswordSchema.nullable(),
  transferMode: z.enum(SITE_TRANSFER_MODES as [Site['transferMode'], ...Site['transferMode'][]]),
  charset: z.string().refine((name) => name === 'auto' || iconv.encodingExists(name), { message: 'unknown charset' }),
  localDir: z.string(),
  remoteDir: z.string(),
  connectionLimit: z.number().int().min(1).max(MAX_CONNECTION_LIMIT).nullable(),
  comments: z.string(),
  trustedFingerprints: z.array(z.string()),
  bookmarks: z.array(z.object({ name: nameSchema, localPath: z.string(), remotePath: z.string(), syncBrowsing: z.boolean().optional(), directoryComparison: z.boolean().optional() })),
  bypassProxy: z.boolean().optional(),
  serverTimeZone: z.number().int().min(MIN_ZONE_MINUTES).max(MAX_ZONE_MINUTES).optional(),
  clientCertFile: z.string().min(1).optional(),
  clientKeyFile: z.string().min(1).optional(),
});

export type StoredPassword = z.infer<typeof storedPasswordSchema>;
/**
 * A site as stored. `newerFields`: what a newer Ferry wrote into it that this one does not know (it adds optional
 * fields without a new format, as `bypassProxy` came), written back as they were — an older CLI or app sharing the
 * folder must not strip them from every site at its next save.
 */
export type StoredSite = z.infer<typeof storedSiteSchema> & { readonly newerFields?: Readonly<Record<string, unknown>> };

export interface SitesDocument {
  /** Folders the user created, including empty ones (sites' folders are implied). */
  readonly folders: readonly (readonly string[])[];
  readonly sites: readonly StoredSite[];
}

const fileSchema = z.object({
  format: z.number().int(),
  folders: z.array(z.array(nameSchema)).default([]),
  sites: z.array(z.unknown()),
});

export function emptySites(): SitesDocument {
  return { folders: [], sites: [] };
}

export function encodeSites(document: SitesDocument): unknown {
  // The fields this version knows win over a same-named unknown one (there is none: they are disjoint when read).
  return { format: SITES_FORMAT, folders: document.folders, sites: document.sites.map(({ newerFields, ...site }) => ({ ...newerFields, ...site })) };
}

/** The fields of `entry` that `known` does not name, or undefined when there are none. */
export function unknownFields(entry: unknown, known: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> | undefined {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
  const extra = Object.entries(entry).filter(([key]) => !Object.hasOwn(known, key));
  return extra.length > 0 ? Object.fromEntries(extra) : undefined;
}

/** Validate sites.json; a bad site is dropped (and reported) rather than losing every other site. */
export function decodeSites(raw: unknown): Decoded<SitesDocument> {
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > SITES_FORMAT) return { kind: 'newer', version: format };
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'invalid', problem: quoted(describeIssues(parsed.error)) };
  if (parsed.data.format !== SITES_FORMAT) return { kind: 'invalid', problem: { id: 'store.unknown-format', values: { format: parsed.data.format } } };
  const sites: StoredSite[] = [];
  const problems: TextRef[] = [];
  const ids = new Set<string>();
  parsed.data.sites.forEach((entry, index) => {
    const site = storedSiteSchema.safeParse(entry);
    const label = siteLabel(entry, index);
    if (!site.success) {
      // The validator's English, quoted in a Chinese window.
      const problem = describeIssues(site.error);
      problems.push({ id: 'store.bad-site', values: { problem }, valueTexts: { site: label, problem: quoted(problem) } });
    } else if (ids.has(site.data.id)) problems.push({ id: 'store.duplicate-id', values: { id: site.data.id }, valueTexts: { site: label } });
    else {
      ids.add(site.data.id);
      const newerFields = unknownFields(entry, storedSiteSchema.shape);
      sites.push(newerFields ? { ...site.data, newerFields } : site.data);
    }
  });
  const value: SitesDocument = { folders: parsed.data.folders, sites };
  return problems.length > 0 ? { kind: 'salvaged', value, problems } : { kind: 'ok', value };
}

function siteLabel(entry: unknown, index: number): TextRef {
  const name = (entry as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? { id: 'store.site-named', values: { name: shownName(name, 'in-quotes') } } : { id: 'store.site-number', values: { number: index + 1 } };
}

/** zod issues as one line: "port: Too big…; host: …". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
