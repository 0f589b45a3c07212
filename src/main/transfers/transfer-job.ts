/**
 * What a file transfer job gets and gives back. A job moves one file on one connection; it never
 * blocks on the user: when the overwrite policy says "ask", it returns and the queue asks.
 */
import type { FtpClient } from '../ftp/ftp-client';
import type { SpeedLimiter } from '../ftp/speed-limiter';
import type { OverwritePolicy } from '../../shared/models';
import type { Verification } from './checksum-verify';
import type { FileFacts } from './overwrite-policy';
import type { NoteText } from '../../shared/notes';
import type { TextRef } from '../../shared/error-texts';
import type { QueueEntry } from './queue-entry';

export interface JobContext {
  readonly client: FtpClient;
  /** The queue's policy; the entry's own answer (`entry.choice`) wins over it. */
  readonly policy: OverwritePolicy;
  readonly verifyChecksums: boolean;
  /** TYPE A with line endings translated: no resume (sizes differ between the sides) and no size or checksum check. */
  readonly ascii: boolean;
  /** Uploads: give the server's copy the local file's modification time (MFMT), as FileZilla's "preserve timestamps". */
  readonly preserveTimestamps: boolean;
  /** Downloads: continue a partial file left by an earlier run, not only this item's own (the CLI's mirror). */
  readonly continuePartials: boolean;
  /** Local folders already made ready for downloads (`prepareFolder`), so each is checked once, not per file. */
  readonly preparedFolders: Set<string>;
  readonly signal: AbortSignal;
  /** The queue's speed limit for this direction (shared by all its transfers). */
  readonly limiter: SpeedLimiter;
  /** The transfer starts at `offset` (0, or where a resume continues). */
  readonly onStart: (offset: number) => void;
  /** Total bytes done (resume offset included); called per chunk, the queue throttles. */
  readonly onProgress: (bytesDone: number) => void;
  /** The entry changed in a way worth saving now (started, renamed, size learnt). */
  readonly onChanged: () => void;
  /** Every byte is in and the checksum check of this many bytes begins (the server reads the whole file first). */
  readonly onChecking?: (size: number) => void;
  /**
   * The entry as it is now put on disk (a line of the resumed items' journal beside the queue file, resume-journal.ts),
   * resolving once it is there (no queue file: at once) with null, or with why it could not be written. For a step a crash must not outrun, and which must not go ahead unsaved: the Resume rename of the user's
   * file to the partial name (download-job.ts; docs/transfers.md, Crash recovery).
   */
  readonly saveNow: () => Promise<QueueNotSaved | null>;
}

/** The queue file `saveNow` could not write, and why: the failure and its fix as sentences (`localFailureText`). */
export interface QueueNotSaved {
  readonly file: string;
  readonly reason: TextRef;
  readonly fix: TextRef;
}

/**
 * The target holds this item's bytes now (a download opened its partial file, the server answered an upload's STOR
 * with its 1xx): a later attempt — a retry, the queue restored after a crash — continues that file. Never sooner: an
 * attempt that ended first left someone else's file there (docs/transfers.md, Resume).
 */
export function markStarted(entry: QueueEntry, context: Pick<JobContext, 'onChanged'>): void {
  // The target is this item's from now on by `started`: no longer "absent before" (remote-target-decision.ts).
  delete entry.absentBefore;
  if (entry.started) return;
  entry.started = true;
  context.onChanged();
}

/** Side facts for an overwrite question. */
export interface SideFacts extends FileFacts {
  readonly path: string;
}

export type JobOutcome =
  | { readonly kind: 'done'; /** Bytes moved in this attempt. */ readonly bytes: number; readonly resumedFrom: number; readonly verified: Verification; /** Said in the Successful tab (a time that could not be kept). */ readonly note?: NoteText }
  | { readonly kind: 'skipped'; readonly note: NoteText; /** No retry can change it (unsafe name, symlink). */ readonly permanent: boolean }
  | {
      readonly kind: 'ask';
      readonly source: SideFacts;
      readonly target: SideFacts;
      /** The first free "name (N).ext" beside the target, for the question's Rename field. */
      readonly suggestedName?: string;
      /** The name the user typed for Rename exists too: asked again whatever the policy (never written over). */
      readonly renameTaken?: string;
    };
