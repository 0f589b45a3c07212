/**
 * `ferry passwords …`: Settings → Passwords for the command line (headless machines have no window). Master
 * passwords are read from the terminal without echo, or from standard input (one per line) for scripts, never
 * from arguments (they would stay in the shell history).
 */
import type { Command } from 'commander';
import type { PasswordStorageStatus } from '../../shared/models';
import { invalidInput } from '../ftp/ftp-error';

/** Each value asked on the terminal, or else read from standard input one line each, in order. */
async function readSecrets(questions: readonly string[]): Promise<string[]> {
  const { promptPassword, readLines } = await import('./read-secret');
  const answers: string[] = [];
  for (const question of questions) {
    const typed = await promptPassword(question);
    if (typed === null) return readLines(questions.length);
    answers.push(typed);
  }
  return answers;
}

function describe(status: PasswordStorageStatus): string {
  const host = { 'system-keychain': 'the system keychain', 'key-file': "the key file in Ferry's folder (vault.key)", none: 'nowhere' }[status.hostStorage];
  const lines = [
    status.masterPasswordSet ? 'Saved passwords are protected by a master password.' : `Saved passwords are kept in ${host}.`,
    ...(status.hostUnavailableReason && !status.masterPasswordSet ? [`They cannot be saved there: ${status.hostUnavailableReason}. Set a master password: ferry passwords set-master`] : []),
    ...(status.unmoved.length > 0 ? [`Saved where this Ferry cannot read them: ${status.unmoved.join(', ')}.`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

export function addPasswordCommands(program: Command): void {
  const passwords = program.command('passwords').description('where saved passwords are kept, and the master password that may protect them');

  const withStorage = async <T>(work: (storage: import('../app/password-storage').PasswordStorage) => Promise<T>): Promise<T> => {
    const [{ openCliStores, closeCliStores }, { createPasswordStorage }] = await Promise.all([import('./cli-stores'), import('../app/password-storage')]);
    const stores = await openCliStores();
    try {
      return await work(createPasswordStorage(stores.keeper, stores.sites, stores.secrets));
    } finally {
      closeCliStores(stores);
    }
  };

  passwords
    .command('status')
    .option('--json', 'print the status as JSON')
    .description('say where saved passwords are kept')
    .action(async (flags: { json?: boolean }) => {
      const status = await withStorage((storage) => storage.status());
      process.stdout.write(flags.json ? `${JSON.stringify(status)}\n` : describe(status));
    });

  passwords
    .command('set-master')
    .description('protect the saved passwords with a master password (asked twice on a terminal; else the first line of standard input)')
    .action(async () => {
      const [next = '', again] = await readSecrets(['New master password: ', 'Repeat it: ']);
      if (again !== undefined && again !== '' && again !== next) throw invalidInput('The two entries differ.', 'Run the command again and type the same master password twice.');
      const status = await withStorage((storage) => storage.setMaster(next));
      process.stderr.write(`Master password set: the saved passwords are now protected by it.\n${status.unmoved.length > 0 ? describe(status) : ''}`);
    });

  passwords
    .command('change-master')
    .description('change the master password (current, then new: asked on a terminal; else two lines of standard input)')
    .action(async () => {
      const [current = '', next = ''] = await readSecrets(['Current master password: ', 'New master password: ']);
      await withStorage((storage) => storage.changeMaster(current, next));
      process.stderr.write('Master password changed.\n');
    });

  passwords
    .command('remove-master')
    .description('remove the master password; the saved passwords go back to the key file (asked on a terminal; else the first line of standard input)')
    .action(async () => {
      const [current = ''] = await readSecrets(['Master password: ']);
      await withStorage((storage) => storage.removeMaster(current));
      process.stderr.write('Master password removed.\n');
    });

  passwords
    .command('reset-master')
    .option('--yes', 'confirm: the passwords it protects are forgotten')
    .description('a forgotten master password: remove it and forget the passwords it protected (the sites stay)')
    .action(async (flags: { yes?: boolean }) => {
      if (!flags.yes) throw invalidInput('This forgets every password the master password protects.', 'Run it again with --yes if that is what you want; the sites themselves stay.');
      await withStorage((storage) => storage.resetMaster());
      process.stderr.write('Master password removed; the passwords it protected were forgotten.\n');
    });
}
