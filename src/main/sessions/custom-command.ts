/**
 * "Enter custom command" (FileZilla's Server menu) on the browsing session. Commands that open or steer a data
 * connection would leave the session waiting for data nobody reads, and login commands would change who the
 * session is; those are refused with what to use instead. Everything else (SITE, STAT, HELP, FEAT, SYST,
 * MDTM, SIZE, NOOP, MKD, …) goes to the server as typed.
 */
import { invalidInput } from '../ftp/ftp-error';

const DATA_COMMANDS = new Set(['RETR', 'STOR', 'STOU', 'APPE', 'LIST', 'NLST', 'MLSD', 'PASV', 'EPSV', 'PORT', 'EPRT', 'LPRT', 'LPSV', 'REST', 'ABOR']);
const SESSION_COMMANDS = new Set(['USER', 'PASS', 'ACCT', 'REIN', 'QUIT', 'AUTH', 'PBSZ', 'PROT', 'CCC', 'TYPE', 'MODE', 'STRU', 'OPTS']);

/** The command as it will be sent (trimmed), or an invalid-input error saying why not and what instead. */
export function checkCustomCommand(text: string): string {
  const command = text.trim();
  if (command === '') throw invalidInput('No command given.', 'Type an FTP command, e.g. SITE HELP or STAT.');
  const verb = (command.split(/\s+/, 1)[0] ?? '').toUpperCase();
  if (DATA_COMMANDS.has(verb)) {
    throw invalidInput(`${verb} needs a data connection, which a custom command cannot carry.`, 'Browse and transfer with the panes and the queue; for a raw transfer use the command line (ferry get/put/ls).');
  }
  if (SESSION_COMMANDS.has(verb)) {
    throw invalidInput(`${verb} would change the session's login, encryption or transfer settings under Ferry's feet.`, 'Change these in the Site Manager and connect again; use Disconnect to end the session.');
  }
  return command;
}
