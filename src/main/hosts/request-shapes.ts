/**
 * The shape of each request's argument, checked before any handler runs (both hosts: dispatch.ts).
 * Whatever reaches main — a window with a bug, or a client that is not Ferry's window — gets an `invalid-input`
 * error naming the field, never a handler run on a number where it expects a path (a string's characters
 * iterated as a list of paths, a `TypeError` deep in a service). Only the top level and the lists of the contract
 * are checked here, and a quick connection's field types; values with rules of their own (a site, a settings
 * patch, a menu, a quick connection's host and port) are checked by the service that owns them.
 */
import { z } from 'zod';
import type { RequestChannel } from '../../shared/contract';
import type { FerryErrorData } from '../../shared/errors';
import { SIZE_UNITS } from '../../shared/search-conditions';
import { SYNC_COMPARES } from '../../shared/synchronize';
import { SITE_PROTOCOLS, SITE_TRANSFER_MODES } from '../sites/validate-site';

const text = z.string();
const optionalText = text.nullish();
const optionalFlag = z.boolean().nullish();
const list = z.array(text);
const folderPath = z.array(text);
const ids = z.object({ ids: list });
const session = { sessionId: text };
const sessionPath = z.object({ ...session, path: text });
/** shared/search-conditions.ts's SearchConditionSet. */
const searchConditions = z.object({
  conditions: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('size'), op: z.enum(['greater', 'less', 'equal']), value: z.number(), unit: z.enum(SIZE_UNITS) }),
        z.object({ kind: z.literal('modified'), op: z.enum(['before', 'after', 'on']), date: text }),
      ]),
    )
    .max(20),
  combine: z.enum(['all', 'any']),
  types: z.enum(['both', 'files', 'folders']),
});
const localPath = z.object({ path: text });
/** A plain object (not an array, not null): its fields are checked by the service that owns it. */
const record = z.record(z.string(), z.unknown());
/**
 * The quick connect bar's fields, typed: quickToConnectOptions calls `.trim()` on them, so a number or a missing
 * field crossed as "Unexpected failure: quick.host.trim is not a function" (a bug report for a bad request). Their
 * values (an empty host, port 0) are still the service's to judge, in the words the bar shows.
 */
const quickConnect = z.object({
  host: text,
  port: z.number().nullable(),
  user: text,
  password: text,
  protocol: z.enum(SITE_PROTOCOLS),
  transferMode: z.enum(SITE_TRANSFER_MODES),
  charset: text,
});
const connectTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('site'), siteId: text, password: optionalText, clientKeyPassphrase: optionalText }),
  z.object({ kind: z.literal('quick'), quick: quickConnect }),
]);
/**
 * A site: validateSiteInput (the CLI's too) judges each field, but maps its two lists unchecked, so a number for
 * them crossed as "Unexpected failure: (input.bookmarks ?? []).map is not a function". Other fields are kept.
 */
const siteInput = z.looseObject({ trustedFingerprints: list.nullish(), bookmarks: z.array(z.unknown()).nullish() });
/** A saved site as the window holds it (a commit's base): its id and its folder, as the merge reads them; other fields are compared as they are. */
const siteShape = z.looseObject({ id: text, name: text, folder: folderPath, trustedFingerprints: list.nullish(), bookmarks: z.array(z.unknown()).nullish() });
/** The window's name for a connect attempt (session:connect, session:cancel-connect). */
const attemptId = z.string().min(1).max(128);
const connect = z.object({ target: connectTarget, trustOnce: optionalText, attemptId: attemptId.optional() });
/** Channels whose argument is `void`: whatever comes is ignored. */
const none = z.unknown();

const SHAPES = {
  'app:info': none,
  'app:set-menu': z.array(z.unknown()),
  'settings:get': none,
  'settings:set': record,
  'settings:set-proxy-password': z.object({ password: text.nullable() }),
  'settings:proxy-password-saved': none,
  'passwords:status': none,
  'passwords:unlock': z.object({ password: text }),
  'passwords:set-master': z.object({ password: text }),
  'passwords:change-master': z.object({ current: text, next: text }),
  'passwords:remove-master': z.object({ current: text }),
  'passwords:reset-master': none,

  'sites:list': none,
  'sites:save': siteInput,
  'sites:delete': z.object({ id: text }),
  'sites:duplicate': z.object({ id: text, name: optionalText }),
  'sites:move': z.object({ id: text, folder: folderPath }),
  'sites:create-folder': z.object({ folder: folderPath }),
  'sites:rename-folder': z.object({ folder: folderPath, name: text }),
  'sites:move-folder': z.object({ folder: folderPath, into: folderPath }),
  'sites:delete-folder': z.object({ folder: folderPath }),
  'sites:import-filezilla': z.object({ xml: text, readAs: optionalText }),
  'sites:commit': z.object({
    changed: z.array(z.object({ base: siteShape, site: siteInput.and(z.looseObject({ id: text })) })),
    deleted: z.array(siteShape),
    added: z.array(z.object({ key: text, site: siteInput, passwordFrom: z.discriminatedUnion('kind', [z.object({ kind: z.literal('site'), id: text }), z.object({ kind: z.literal('import'), ref: text })]).optional() })),
    foldersAdded: z.array(folderPath),
    foldersRemoved: z.array(folderPath),
    bookmarkMoves: z.array(z.object({ from: text, name: text, to: text, as: text })).optional(),
    decisions: z.record(z.string(), z.enum(['mine', 'theirs'])).optional(),
  }),
  'sites:stage-import': z.object({ xml: text, readAs: optionalText }),
  'sites:export': none,
  'sites:forget-passwords': none,
  'sites:trust-certificate': z.object({ siteId: text, fingerprint256: text, replaces: list.nullish() }),

  'session:connect': connect,
  'session:reconnect-in-mode': z.object({ ...session, transferMode: z.enum(['passive', 'active']), attemptId: attemptId.optional() }),
  'session:reconnect': z.object({ ...session, attemptId: attemptId.optional() }),
  'session:cancel-connect': z.object({ attemptId }),
  'session:disconnect': z.object({ ...session, keepForReconnect: z.boolean().optional() }),
  'session:forget': z.object(session),
  'session:list': sessionPath,
  'session:mkdir': sessionPath,
  'session:test-modes': connect,
  'session:create-file': sessionPath,
  'session:rename': z.object({ ...session, from: text, to: text }),
  'session:delete': z.object({ ...session, paths: z.array(z.object({ path: text, isDirectory: z.boolean() })) }),
  'session:chmod': z.object({ ...session, path: text, mode: text, recursive: z.enum(['all', 'files', 'directories']).nullish() }),
  'session:status': none,
  'session:search': z.object({ ...session, root: text, pattern: text, matchCase: z.boolean().optional(), conditions: searchConditions.optional(), searchId: z.string().max(100).optional() }),
  'session:search-cancel': z.object(session),
  'session:cancel': z.object(session),
  'session:copy-to-site': z.object({ ...session, paths: list, folders: list.optional(), siteId: text, targetDir: text, viaLocal: z.boolean(), overwrite: optionalFlag, copyId: text.optional(), toQueue: optionalFlag }),
  'session:copy-to-site-cancel': z.object({ copyId: text }),
  'session:raw': z.object({ ...session, command: text }),
  'sync:plan': z.object({ ...session, direction: z.enum(['download', 'upload']), localFolder: text, remoteFolder: text, compare: z.enum(SYNC_COMPARES), delete: z.boolean() }),
  'sync:plan-cancel': z.object(session),
  'sync:run': z.object({ planId: text, only: z.object({ copy: list, remove: list, folders: list }) }),
  'sync:run-cancel': z.object({ planId: text }),
  'sites:save-from-session': z.object({ ...session, name: text, charset: optionalText }),

  'local:home': none,
  'local:drives': none,
  'local:list': localPath,
  'local:watch': z.object({ watchId: z.string().min(1).max(128), path: text.nullable() }),
  'local:mkdir': localPath,
  'local:create-file': localPath,
  'local:rename': z.object({ from: text, to: text }),
  'local:delete': z.object({ paths: list }),
  'local:stat': z.object({ paths: list }),
  'local:open': localPath,
  'local:reveal': localPath,
  'local:choose': z.object({
    mode: z.enum(['open-file', 'open-folder', 'save-file']),
    title: text,
    buttonLabel: text,
    defaultPath: text.nullable(),
    filters: z.array(z.object({ name: text, extensions: list })),
  }),

  'queue:add': z.object({
    ...session,
    direction: z.enum(['upload', 'download']),
    items: z.array(z.object({ localPath: text, remotePath: text, isDirectory: z.boolean(), localRoot: text.optional(), source: z.object({ size: z.number().nullable(), modified: text.nullable() }).optional() })),
    start: z.boolean().optional(),
  }),
  'queue:list': none,
  'queue:pause': ids,
  'queue:resume': ids,
  'queue:cancel': ids,
  'queue:retry': ids,
  'queue:retry-failed': none,
  'queue:reorder': z.object({ id: text, toIndex: z.number().int() }),
  'queue:clear-finished': none,
  'queue:set-policy': z.object({ policy: text, direction: z.enum(['upload', 'download']).optional() }),
  'queue:policy': none,
  'queue:answer': z.object({ questionId: text, choice: text, applyToAll: z.boolean(), untilQueueEmpty: z.boolean().optional(), newName: text.optional(), onlyThisDirection: z.boolean().optional() }),
  'queue:pending-question': none,
  'queue:export': none,
  'queue:import': z.object({ text }),

  'edit:open': sessionPath,
  'edit:list': none,
  'edit:open-local': localPath,
  'edit:upload': z.object({ id: text, overwriteChanged: optionalFlag }),
  'edit:finish': z.object({ id: text, discard: optionalFlag }),
} satisfies Record<RequestChannel, z.ZodType>;

/** Null when `arg` has the shape `channel` takes; else the `invalid-input` error naming what is wrong. */
export function requestShapeError(channel: RequestChannel, arg: unknown): FerryErrorData | null {
  const outcome = SHAPES[channel].safeParse(arg);
  if (outcome.success) return null;
  const problems = outcome.error.issues.slice(0, 3).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'the argument'}: ${issue.message}`);
  return {
    kind: 'invalid-input',
    message: `The "${channel}" request was refused: its argument is malformed (${problems.join('; ')}).`,
    hint: "Only Ferry's own window sends these requests: this is a bug in it. Please report it with the log.",
    retryable: false,
  };
}
