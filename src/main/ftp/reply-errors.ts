import type { ServerReplyError } from '../../shared/errors';
import type { FtpReply } from './reply-parser';
import { maskCommand } from './transcript';
import { errorText, type ErrorTextId } from '../../shared/error-texts';
import { shownName } from '../../shared/shown-name';

/**
 * A negative reply to a command, as error data with a fix.
 * 4xx are transient by definition (RFC 959) and so retryable; 5xx need the user.
 * `afterStart`: a transfer command the server had already accepted with its 1xx ("150 Opening …"): a 500-504 then is
 * the server failing midway (vsftpd's "500 OOPS: child died" when its session process dies), not a command it lacks.
 */
export function replyError(command: string, reply: FtpReply, subject = '', afterStart = false): ServerReplyError {
  const masked = maskCommand(command);
  const verb = masked.split(' ')[0] ?? masked;
  // The command (its path) and verb in the texts' quotes: escaped there if U+202E would turn the sentence (docs/i18n.md).
  const values = { command: shownName(masked, 'in-quotes'), path: subject, reply: `${reply.code} ${reply.message}`, verb: shownName(verb, 'in-quotes') };
  const base = { kind: 'server-reply', code: reply.code, command: masked } as const;
  /** The sentence (its "… for {path}" form when there is a subject) and hint, by id, so a window can translate them. */
  const say = (message: SentenceWithPath, hint: ErrorTextId, retryable: boolean): ServerReplyError => {
    const id: ErrorTextId = subject ? `${message}-for` : message;
    return { ...base, retryable, message: errorText(id, values), hint: errorText(hint, values), text: { message: id, hint, values } };
  };
  // vsftpd's own failures ("500 OOPS: priv_sock_get_cmd" when its seccomp sandbox kills a session, "500 OOPS: child
  // died"): a 500 that is not "command not understood" — the server failed, and usually ends the session after it.
  // After the transfer's 150 the midway sentence says more (the partial file can be resumed).
  if (reply.code === 500 && !afterStart && /^OOPS:/.test(reply.message)) return say('reply.failed', 'reply.server-failed.hint', true);
  switch (reply.code) {
    case 421:
      return say('reply.421', 'reply.421.hint', true);
    case 425:
    case 426:
      return say('reply.425', 'reply.425.hint', true);
    case 450:
    case 451: {
      // A write that failed mid-upload: vsftpd "Failure writing to local file", pure-ftpd "Error during write to file",
      // proftpd "Transfer aborted. Input/output error" (or "No space left on device") — a full disk or quota, almost
      // always; "a temporary problem" sent users to wait for it to pass.
      if (isStoreVerb(verbOf(masked)) && FILE_TOO_LARGE.test(reply.message)) return say('reply.failed', 'reply.file-too-large.hint', false);
      if (isStoreVerb(verbOf(masked)) && WRITE_FAILED.test(reply.message)) return say('reply.452', 'reply.452.hint', true);
      // Words naming a cause that waiting will not change: pure-ftpd answers every failed rename with 451 ("Rename/move
      // failure: Permission denied"), which said "a temporary problem; try again later" and was retried.
      const lasting = LASTING_CAUSE.test(reply.message) ? specificHint(verbOf(masked), reply.message) : null;
      return lasting ? say('reply.failed', lasting, false) : say('reply.450', 'reply.450.hint', true);
    }
    case 452:
    case 552:
      // A limit on one file's size (proftpd's MaxStoreFileSize: "552 Transfer aborted. File too large"; a file system's
      // EFBIG) is not the disk being full: freeing space changes nothing, and so does trying again.
      if (FILE_TOO_LARGE.test(reply.message)) return say('reply.failed', 'reply.file-too-large.hint', false);
      return say('reply.452', 'reply.452.hint', reply.code === 452);
    case 530:
      return say('reply.530', 'reply.530.hint', false);
    case 532:
      return say('reply.532', 'reply.532.hint', false);
    case 550:
      return say('reply.failed', hintFor550(verbOf(masked), reply.message), false);
    case 553:
      // 553 is "file name not allowed" (RFC 959), which pure-ftpd also answers to reads: "553 Prohibited file name" to
      // CWD, RETR or DELE of a name with a backslash. "refused to create or rename" and a write-permission hint fit only
      // the commands that make or rename a name.
      if (!MAKES_A_NAME.has(verbOf(masked))) return say('reply.failed', specificHint(verbOf(masked), reply.message) ?? 'reply.name-refused.hint', false);
      return say('reply.553', specificHint(verbOf(masked), reply.message) ?? 'reply.553.hint', false);
    case 500:
    case 501:
    case 502:
    case 504:
      // Accepted, then failed: the partial file can be resumed, so it is worth another try.
      if (afterStart) return say('reply.failed', 'reply.failed-midway.hint', true);
      return say('reply.unsupported', 'reply.unsupported.hint', false);
    default:
      return say('reply.failed', reply.code < 500 ? 'reply.later.hint' : 'reply.check.hint', reply.code >= 400 && reply.code < 500);
  }
}

/** Sentences that come in two forms: without a subject, and "… for {path}" (the id with "-for"). */
type SentenceWithPath = 'reply.421' | 'reply.425' | 'reply.450' | 'reply.452' | 'reply.530' | 'reply.532' | 'reply.553' | 'reply.unsupported' | 'reply.failed';

function verbOf(command: string): string {
  return (command.split(' ')[0] ?? '').toUpperCase();
}

const READS_A_FOLDER = new Set(['CWD', 'MLSD', 'LIST', 'NLST', 'MLST']);

const MAKES_A_NAME = new Set(['STOR', 'APPE', 'STOU', 'MKD', 'XMKD', 'RNFR', 'RNTO']);

const WRITE_FAILED = /writ|no space|disk full|quota|input\/output/i;

const FILE_TOO_LARGE = /file too (large|big)|exceeds? the (maximum|max(imum)? allowed) (file )?size|file size limit/i;

const LASTING_CAUSE = /permission denied|not permitted|no such file|does not exist|is a directory|not a directory|file exists/i;

function isStoreVerb(verb: string): boolean {
  return verb === 'STOR' || verb === 'APPE' || verb === 'STOU';
}

/**
 * What the server's own words say went wrong, where they say it plainly (servers word 550 as they like:
 * "File exists", "Is a directory", "I can only retrieve regular files", "Directory not empty", …); null
 * when they do not.
 */
function specificHint(verb: string, message: string): ErrorTextId | null {
  if (/\bexists\b/i.test(message)) return 'reply.exists.hint';
  if (/not empty/i.test(message)) return 'reply.not-empty.hint';
  if (/is a directory|not a (regular|plain) file|only retrieve regular files/i.test(message)) return verb === 'DELE' ? 'reply.is-folder-delete.hint' : 'reply.is-folder.hint';
  if (/not a directory/i.test(message)) return 'reply.is-file.hint';
  // A name the server's rules forbid: proftpd's PathDenyFilter/PathAllowFilter "550 /a:b: Forbidden filename", others
  // "Prohibited file name", "Invalid file name". "Check the permissions" or "the folder may not exist" sent users after
  // what was right; another name is the fix.
  if (/(forbidden|prohibited|invalid|illegal|bad) ?(file ?)?name/i.test(message)) return 'reply.name-refused.hint';
  // proftpd with AllowOverwrite off (its built-in default): "550 /a.txt: Overwrite permission denied" — the folder is
  // writable, replacing a file is what the server forbids.
  if (/overwrite permission denied|overwrit(e|ing) (is )?(not allowed|not permitted|disabled)|cannot overwrite/i.test(message)) return 'reply.overwrite-denied.hint';
  if (/permission denied|access denied|not permitted|not allowed/i.test(message)) return 'reply.denied.hint';
  // Not pure-ftpd's "Can't check for file existence": it says that when stat() fails for any reason, a folder it may
  // not enter included, so the command's usual causes (missing, or no permission) are the honest hint.
  if (/no such file|not found|does ?n[o’']t exist|does not exist/i.test(message)) return 'reply.missing.hint';
  return null;
}

/** A 550 names no cause of its own in most servers' words: say what the command's usual causes are. */
function hintFor550(verb: string, message: string): ErrorTextId {
  const specific = specificHint(verb, message);
  if (specific) return specific;
  if (verb === 'MKD') return 'reply.mkd.hint';
  if (verb === 'RMD') return 'reply.rmd.hint';
  if (verb === 'DELE') return 'reply.dele.hint';
  if (verb === 'RETR' || verb === 'SIZE' || verb === 'MDTM') return 'reply.read.hint';
  if (verb === 'STOR' || verb === 'APPE') return 'reply.write.hint';
  if (READS_A_FOLDER.has(verb)) return 'reply.folder.hint';
  return 'reply.550.hint';
}

/**
 * A RETR refused in words that name no cause (vsftpd's "550 Failed to open file.", said for a file it may not read as
 * for one that is gone), once SIZE has shown the file is there: the account may not read it. The hint said "may not
 * exist, may be a folder, or you lack permission" — two of the three ruled out. Other errors are returned as they are.
 */
export function readRefusedOfExistingFile(error: ServerReplyError): ServerReplyError {
  if (error.code !== 550 || error.text?.hint !== 'reply.read.hint') return error;
  const hint: ErrorTextId = 'reply.read-denied.hint';
  return { ...error, hint: errorText(hint, error.text.values ?? {}), text: { ...error.text, hint } };
}
