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
      return { ...base, retryable: false, message: `"${masked}" failed${what}: ${text}`, hint: 'The file or folder does not exist, or you lack permission for it. Check the path and its permissions.' };
    case 553:
      return { ...base, retryable: false, message: `The server refused to create or rename${what}: ${text}`, hint: 'You may lack write permission in that folder (check its permissions or ask the server admin), or the name has characters the server refuses.' };
    case 500:
    case 501:
    case 502:
    case 504:
      return { ...base, retryable: false, message: `The server does not support "${masked.split(' ')[0] ?? masked}"${what}: ${text}`, hint: 'This server lacks the feature; there is nothing Ferry can do on this connection.' };
    default:
      return { ...base, retryable: reply.code >= 400 && reply.code < 500, message: `"${masked}" failed${what}: ${text}`, hint: reply.code < 500 ? 'Try again later.' : 'Check the path and your permissions on the server.' };
  }
}
