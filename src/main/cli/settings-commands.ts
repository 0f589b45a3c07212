import type { Command } from 'commander';
import type { Settings } from '../../shared/models';
import { invalidInput } from '../ftp/ftp-error';
import { parsePortRange } from './connection-flags';
import { parseProxyUrl } from './proxy-url';
import { normalizeExtension } from '../../shared/transfer-type';

/** Settings typed as whole numbers, with their unit for the message. */
const WHOLE_NUMBERS: Partial<Record<keyof Settings, string>> = {
  timeoutSeconds: ' of seconds',
  defaultConnectionLimit: '',
  downloadLimitKiBps: ' of KiB/s',
  uploadLimitKiBps: ' of KiB/s',
  logFileLimitMiB: ' of MiB',
};

/** `ferry settings set proxy socks5://[user@]host:port`: the password is not taken here (it would sit in the shell history). */
function proxySettingFromUrl(text: string): Settings['proxy'] {
  const proxy = parseProxyUrl(text);
  if (proxy.password) throw invalidInput('The proxy password cannot be given in the address here (it would stay in your shell history).', 'Give socks5://user@host:port, then save the password with: ferry settings proxy-password (reads it from standard input).');
  return { type: proxy.type, host: proxy.host, port: proxy.port, user: proxy.user ?? null };
}

/** How each setting is typed on the command line ("none" clears the nullable ones). */
const PARSERS: { readonly [K in keyof Settings]: (text: string) => Settings[K] } = {
  language: (text) => text as Settings['language'],
  theme: (text) => text as Settings['theme'],
  defaultTransferMode: (text) => text as Settings['defaultTransferMode'],
  activePortRange: (text) => (isNone(text) ? null : parsePortRange(text)),
  activeExternalAddress: (text) => (isNone(text) ? null : text),
  activeExternalAddressUrl: (text) => (isNone(text) ? null : text),
  externalAddressForLocalServers: parseBoolean,
  passiveAddressPolicy: (text) => text as Settings['passiveAddressPolicy'],
  defaultConnectionLimit: (text) => Number(text),
  showHiddenFiles: parseBoolean,
  showFolderTree: parseBoolean,
  editorCommand: (text) => (isNone(text) ? null : text),
  downloadLimitKiBps: (text) => (isNone(text) ? null : Number(text)),
  uploadLimitKiBps: (text) => (isNone(text) ? null : Number(text)),
  proxy: (text) => (isNone(text) ? null : proxySettingFromUrl(text)),
  compression: parseBoolean,
  preserveTimestamps: parseBoolean,
  startup: (text) => text as Settings['startup'],
  queueDoneAction: (text) => text as Settings['queueDoneAction'],
  timeoutSeconds: (text) => Number(text),
  transferType: (text) => text as Settings['transferType'],
  asciiExtensions: (text) => (isNone(text) ? [] : text.split(',').map((extension) => normalizeExtension(extension) ?? extension.trim())),
  logFile: (text) => (isNone(text) ? null : text),
  logFileLimitMiB: (text) => Number(text),
  skipList: (text) => (isNone(text) ? [] : text.split(',').map((pattern) => pattern.trim()).filter((pattern) => pattern !== '')),
};

/** `ferry settings` and `ferry settings set KEY VALUE`: the global settings sites on "default" follow. */
export function addSettingsCommands(program: Command): void {
  const settings = program
    .command('settings')
    .option('--json', 'print JSON')
    .description('show or change global settings (default transfer mode, active-mode ports and address, …)')
    .action(async (flags: { json?: boolean }) => {
      // Loaded on first use: the stores bring zod, which get/put/ls never need.
      const { openCliStores, printStoreWarnings, closeCliStores } = await import('./cli-stores');
      const stores = await openCliStores();
      try {
        const current = await stores.settings.get();
        const text = flags.json
          ? JSON.stringify(current, null, 2)
          : Object.entries(current)
              .map(([key, value]) => `${key}: ${value === null ? 'none' : key === 'proxy' ? proxyText(value as NonNullable<Settings['proxy']>) : key === 'skipList' ? (value as string[]).join(', ') || 'none' : Array.isArray(value) ? value.join('-') : String(value)}`)
              .join('\n');
        process.stdout.write(`${text}\n`);
        await printStoreWarnings(stores);
      } finally {
        closeCliStores(stores);
      }
    });

  settings
    .command('set')
    .argument('<key>', Object.keys(PARSERS).join(', '))
    .argument('<value>', 'e.g. passive, 50000-50100, 203.0.113.7, none')
    .description('change one setting')
    .action(async (key: string, value: string) => {
      if (!(key in PARSERS)) throw invalidInput(`There is no setting "${key}".`, `Use one of: ${Object.keys(PARSERS).join(', ')}.`);
      const name = key as keyof Settings;
      // Loaded on first use: the stores bring zod, which get/put/ls never need.
      const { openCliStores, closeCliStores } = await import('./cli-stores');
      const unit = WHOLE_NUMBERS[name];
      if (unit !== undefined && !/^\d+$/.test(value.trim()) && !(name.endsWith('KiBps') && isNone(value))) {
        const { settingHint } = await import('../sites/settings-store');
        throw invalidInput(`"${value}" is not a whole number${unit} for ${name}.`, settingHint(name));
      }
      const stores = await openCliStores();
      try {
        const saved = await stores.settings.set({ [name]: PARSERS[name](value) });
        process.stderr.write(`${name} is now ${name === 'proxy' && saved.proxy ? proxyText(saved.proxy) : JSON.stringify(saved[name])}.\n`);
      } finally {
        closeCliStores(stores);
      }
    });

  settings
    .command('proxy-password')
    .description("save the proxy's password, asked on the terminal without echo or read from standard input (first line; an empty one forgets it), in the same vault as site passwords")
    .action(async () => {
      const { promptPassword, readLine } = await import('./read-secret');
      // On a terminal, ask without echo: reading the line as it comes showed the password as it was typed, with no prompt.
      const password = (await promptPassword('Proxy password (empty to forget it): ')) ?? (await readLine());
      const { openCliStores, closeCliStores } = await import('./cli-stores');
      const stores = await openCliStores();
      try {
        await stores.secrets.set('proxy-password', password === '' ? null : password);
        process.stderr.write(password === '' ? 'The proxy password was forgotten.\n' : 'The proxy password was saved.\n');
      } finally {
        closeCliStores(stores);
      }
    });
}

function proxyText(proxy: NonNullable<Settings['proxy']>): string {
  const host = proxy.host.includes(':') ? `[${proxy.host}]` : proxy.host;
  return `${proxy.type}://${proxy.user ? `${encodeURIComponent(proxy.user)}@` : ''}${host}:${proxy.port}`;
}

function isNone(text: string): boolean {
  return ['none', 'null', ''].includes(text.trim().toLowerCase());
}

function parseBoolean(text: string): boolean {
  if (/^(true|yes|on|1)$/i.test(text)) return true;
  if (/^(false|no|off|0)$/i.test(text)) return false;
  throw invalidInput(`"${text}" is not true or false.`, 'Use true or false.');
}
