/**
 * vsftpd lists a folder it may enter but not read (mode 0311, a drop box) as empty: "150 Here comes the directory
 * listing." then "226 Transfer done (but failed to open directory)." with no data. Taken as it is, the pane said
 * "This folder is empty" — and `ferry mirror --delete` would have deleted the local copies of what the folder holds.
 * That final reply is a refusal, said as one with the way around it.
 */
import type { ServerReplyError } from '../../shared/errors';
import { sentences } from '../../shared/error-texts';
import { shownName } from '../../shared/shown-name';
import type { FtpReply } from './reply-parser';

export function listingUnreadable(command: string, reply: FtpReply, subject: string): ServerReplyError | null {
  if (reply.code !== 226 || !/failed to open directory/i.test(reply.message)) return null;
  const values = { command: shownName(command, 'in-quotes'), path: subject, reply: `${reply.code} ${reply.message}` };
  return { kind: 'server-reply', code: reply.code, command, retryable: false, ...sentences('reply.failed-for', 'listing.unreadable.hint', values) };
}
