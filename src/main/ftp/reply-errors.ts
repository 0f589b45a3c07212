import type { ServerReplyError } from '../../shared/errors';
import type { FtpReply } from './reply-parser';
import { maskCommand } from './transcript';

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
    case 550:
      return { ...base, retryable: false, message: `"${masked}" failed${what}: ${text}`, hint: hintFor550(verbOf(masked), reply.message) };
    case 553:
      return { ...base, retryable: false, message: `The server refused to create or rename${what}: ${text}`, hint: specificHint(verbOf(masked), reply.message) ?? 'You may lack write permission in that folder (check its permissions or ask the server admin), or the name has characters the server refuses.' };
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
function specificHint(verb: string, message: string): string | null {
  if (/\bexists\b/i.test(message)) return 'A file or folder of that name already exists there. Choose another name, or remove or rename the existing one first.';
  if (/not empty/i.test(message)) return 'The folder is not empty. Delete what is in it first, or delete the folder with everything in it.';
  if (/is a directory|not a (regular|plain) file|only retrieve regular files/i.test(message)) {
    return verb === 'DELE' ? 'That is a folder, not a file: delete folders as folders (with everything in them if they are not empty).' : 'That is a folder, not a file: transfer folders with mirror or by queueing the folder.';
  }
  if (/not a directory/i.test(message)) return 'That is a file, not a folder.';
  if (/permission denied|access denied|not permitted|not allowed/i.test(message)) return 'The server denies you this. Check the permissions of the file or folder, or ask the server administrator.';
  if (/no such file|not found|does ?n[o’']t exist|does not exist|check for file existence/i.test(message)) {
    return 'It does not exist on the server. Check the path (names are case-sensitive on most servers) and refresh the listing.';
  }
  return null;
}

/** A 550 names no cause of its own in most servers' words: say what the command's usual causes are. */
function hintFor550(verb: string, message: string): string {
  const specific = specificHint(verb, message);
  if (specific) return specific;
  if (verb === 'MKD') return 'The folder may already exist, its parent folder may be missing, or you lack permission to create it.';
  if (verb === 'RMD') return 'The folder may not exist, may not be empty, or you lack permission to remove it.';
  if (verb === 'DELE') return 'The file may not exist, may be a folder, or you lack permission to delete it.';
  if (verb === 'RETR' || verb === 'SIZE' || verb === 'MDTM') return 'The file may not exist, may be a folder, or you lack permission to read it.';
  if (verb === 'STOR' || verb === 'APPE') return 'The folder may not exist, or you lack permission to write there.';
  if (READS_A_FOLDER.has(verb)) return 'The folder may not exist, may be a file, or you lack permission to open it.';
  return 'The file or folder does not exist, or you lack permission for it. Check the path and its permissions.';
}
