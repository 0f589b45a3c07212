/**
 * "Enter custom command" (FileZilla's Server menu) on the browsing session. Commands that open or steer a data
 * connection would leave the session waiting for data nobody reads, and login commands would change who the
 * session is; those are refused with what to use instead. Everything else (SITE, STAT, HELP, FEAT, SYST,
 * MDTM, SIZE, NOOP, MKD, …) goes to the server as typed.
 */
import { invalidInputText } from '../ftp/ftp-error';

const DATA_COMMANDS = new Set(['RETR', 'STOR', 'STOU', 'APPE', 'LIST', 'NLST', 'MLSD', 'PASV', 'EPSV', 'PORT', 'EPRT', 'LPRT', 'LPSV', 'REST', 'ABOR']);
const SESSION_COMMANDS = new Set(['USER', 'PASS', 'ACCT', 'REIN', 'QUIT', 'AUTH', 'PBSZ', 'PROT', 'CCC', 'TYPE', 'MODE', 'STRU', 'OPTS']);

/** The command as it will be sent (trimmed), or an invalid-input error saying why not and what instead. */
export function checkCustomCommand(text: string): string {
  const command = text.trim();
  if (command === '') throw invalidInputText('custom.empty', 'custom.empty.hint');
  // Inside the command, a line break would be a second command the checks below never saw (a trailing one was trimmed).
  if (/[\r\n\0]/.test(command)) throw invalidInputText('custom.line-break', 'custom.line-break.hint');
  const verb = (command.split(/\s+/, 1)[0] ?? '').toUpperCase();
  if (DATA_COMMANDS.has(verb)) {
    throw invalidInputText('custom.data', 'custom.data.hint', { verb });
  }
  if (SESSION_COMMANDS.has(verb)) {
    throw invalidInputText('custom.session', 'custom.session.hint', { verb });
  }
  return command;
}
