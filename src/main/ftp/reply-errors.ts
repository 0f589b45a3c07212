import type { ServerReplyError } from '../../shared/errors';
import type { FtpReply } from './reply-parser';
import { maskCommand } from './transcript';
import { errorText, type ErrorTextId } from '../../shared/error-texts';

/**
 * A negative reply to a command, as error data with a fix.
 * 4xx are transient by definition (RFC 959) and so retryable; 5xx need the user.
 */
export function replyError(command: string, reply: FtpReply, subject = ''): ServerReplyError {
  const masked = maskCommand(command);
  const what = subject ? ` for ${subject}` : '';
  const text = `${reply.code} ${reply.message}`;
  const base = { kind: 'server-reply', code: reply.code, command: masked } as const;
  switch (reply.code) {
    case 421:
      return { ...base, retryable: true, message: `The server is closing the connection${what}: ${text}`, hint: 'The server limits connections or idle time. Lower the number of connections for this site and try again.' };
    case 425:
    case 426:
      return { ...base, retryable: true, message: `The data transfer${what} failed: ${text}`, hint: 'Try again; if it keeps failing, switch between passive and active mode for this site.' };
    case 450:
    case 451:
      return { ...base, retryable: true, message: `The server could not complete "${masked}"${what}: ${text}`, hint: 'A temporary problem on the server; try again later.' };
    case 452:
    case 552:
      return { ...base, retryable: reply.code === 452, message: `The server is out of space${what}: ${text}`, hint: 'Free space on the server or ask its administrator for a larger quota.' };
    case 530:
      return { ...base, retryable: false, message: `Not logged in${what}: ${text}`, hint: 'Check the user name and password.' };
    case 532:
      return { ...base, retryable: false, message: `The server requires an account for storing files${what}: ${text}`, hint: 'Ask the server administrator which account to use.' };
    case 550: {
      const values = { command: masked, path: subject, reply: text };
      const hint = hintFor550(verbOf(masked), reply.message);
      const message = subject ? 'reply.failed-for' : 'reply.failed';
      return { ...base, retryable: false, message: errorText(message, values), hint: errorText(hint, values), text: { message, hint, values } };
    }
    case 553: {
      const hint = specificHint(verbOf(masked), reply.message) ?? 'reply.553.hint';
      return { ...base, retryable: false, message: `The server refused to create or rename${what}: ${text}`, hint: errorText(hint, {}), text: { hint, values: {} } };
    }
    case 500:
    case 501:
    case 502:
    case 504:
      return { ...base, retryable: false, message: `The server does not support "${masked.split(' ')[0] ?? masked}"${what}: ${text}`, hint: 'This server lacks the feature; there is nothing Ferry can do on this connection.' };
    default:
      return { ...base, retryable: reply.code >= 400 && reply.code < 500, message: `"${masked}" failed${what}: ${text}`, hint: reply.code < 500 ? 'Try again later.' : 'Check the path and your permissions on the server.' };
  }
}

function verbOf(command: string): string {
  return (command.split(' ')[0] ?? '').toUpperCase();
}

const READS_A_FOLDER = new Set(['CWD', 'MLSD', 'LIST', 'NLST', 'MLST']);

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
  if (/permission denied|access denied|not permitted|not allowed/i.test(message)) return 'reply.denied.hint';
  if (/no such file|not found|does ?n[o’']t exist|does not exist|check for file existence/i.test(message)) return 'reply.missing.hint';
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
