import path from 'node:path';
import { z } from 'zod';
import { englishText, quoted, type TextRef } from '../../shared/error-texts';
import { isHostOrAddress, isProxyHost } from '../../shared/host-address';
import { type Notice, DEFAULT_SETTINGS, MAX_LOG_FILE_MIB, MAX_SPEED_LIMIT_KIBPS, MAX_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS, type Settings } from '../../shared/models';
import { invalidInput } from '../ftp/ftp-error';
import { openJsonDocument, type Decoded } from './json-document';
import { describeEditorCommandProblem, editorCommandProblem, editorCommandProblemText } from '../../shared/editor-command';
import { skipPatternProblem } from '../../shared/skip-list';
import { normalizeExtension } from '../../shared/transfer-type';
import { describeIssues, unknownFields } from './sites-file';
import { MAX_CONNECTION_LIMIT } from './validate-site';

export const SETTINGS_FILE = 'settings.json';
const SETTINGS_FORMAT = 1;

const portSchema = z.number().int().min(1).max(65535);
const speedLimitSchema = z.number().int().min(1).max(MAX_SPEED_LIMIT_KIBPS).nullable();

/** Every field optional: a file from an older Ferry gets today's defaults for what it lacks. */
const settingsSchema = z.object({
  language: z.enum(['system', 'en', 'zh-CN']),
  theme: z.enum(['system', 'light', 'dark']),
  defaultTransferMode: z.enum(['passive', 'active']),
  activePortRange: z
    .tuple([portSchema, portSchema])
    .refine(([low, high]) => low <= high, { message: 'the low port must not exceed the high port' })
    .nullable(),
  activeExternalAddress: z.string().trim().min(1).nullable(),
  activeExternalAddressUrl: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/i, 'an http:// or https:// address')
    .nullable(),
  externalAddressForLocalServers: z.boolean(),
  passiveAddressPolicy: z.enum(['server-address', 'announced-address']),
  defaultConnectionLimit: z.number().int().min(1).max(MAX_CONNECTION_LIMIT),
  showHiddenFiles: z.boolean(),
  showFolderTree: z.boolean(),
  editorCommand: z.string().nullable(),
  downloadLimitKiBps: speedLimitSchema,
  uploadLimitKiBps: speedLimitSchema,
  proxy: z
    .object({
      type: z.enum(['socks5', 'socks4', 'http']),
      host: z.string().trim().min(1).refine(isProxyHost, { message: 'the host must be a host name or IP address alone (no port, spaces, slashes or @)' }),
      port: portSchema,
      user: z.string().min(1).nullable(),
    })
    .nullable(),
  skipList: z
    .array(z.string())
    .max(200)
    .refine((patterns) => patterns.every((pattern) => skipPatternProblem(pattern) === null), { message: 'a pattern is empty, has a slash, or is longer than 255 characters' }),
  compression: z.boolean(),
  logFile: z
    .string()
    .trim()
    .min(1)
    .refine((file) => path.isAbsolute(file), { message: 'the log file must be an absolute path' })
    .nullable(),
  logFileLimitMiB: z.number().int().min(1).max(MAX_LOG_FILE_MIB),
  transferType: z.enum(['binary', 'ascii', 'auto']),
  preserveTimestamps: z.boolean(),
  startup: z.enum(['normal', 'site-manager', 'restore-tabs']),
  queueDoneAction: z.enum(['none', 'notify', 'sound', 'notify-sound']),
  timeoutSeconds: z.number().int().min(MIN_TIMEOUT_SECONDS).max(MAX_TIMEOUT_SECONDS),
  asciiExtensions: z
    .array(z.string())
    .max(500)
    .refine((extensions) => extensions.every((extension) => normalizeExtension(extension) === extension), { message: 'an extension is empty, has a dot, slash or space, or is not lower case' }),
});

const fileShapeSchema = z.object({ format: z.number().int(), settings: z.record(z.string(), z.unknown()) });

export interface SettingsStore {
  get(): Promise<Settings>;
  /** Validate and save a partial change; returns the whole new settings. */
  set(patch: Partial<Settings>): Promise<Settings>;
  onChange(listener: (settings: Settings) => void): () => void;
  /** E.g. a corrupt settings file that was set aside. */
  notices(): readonly Notice[];
  /** The same in English (the CLI). */
  warnings(): readonly string[];
  /** Stop watching; resolves once a re-read under way has ended (nothing is written after). */
  close(): Promise<void>;
}

/** Global settings in `<home>/settings.json`: same atomic, validated, locked document as the sites. */
export async function openSettingsStore(options: { readonly home: string; readonly watch?: boolean }): Promise<SettingsStore> {
  // Settings a newer Ferry wrote that this one does not know, from the file as last read: written back as they
  // were, so an older CLI or app sharing the folder does not reset them at its next change (sites-file.ts likewise).
  let newerSettings: Readonly<Record<string, unknown>> | undefined;
  const document = await openJsonDocument<Settings>({
    file: path.join(options.home, SETTINGS_FILE),
    document: 'settings',
    empty: () => {
      newerSettings = undefined;
      return DEFAULT_SETTINGS;
    },
    decode: (raw) => {
      const decoded = decodeSettings(raw);
      newerSettings = decoded.kind === 'ok' || decoded.kind === 'salvaged' ? unknownFields((raw as { settings?: unknown }).settings, settingsSchema.shape) : undefined;
      return decoded;
    },
    encode: (settings) => ({ format: SETTINGS_FORMAT, settings: { ...newerSettings, ...settings } }),
    watch: options.watch ?? false,
  });
  return {
    get: () => document.read(),
    set: (patch) =>
      document.update((current) => {
        const next = validateSettings({ ...current, ...patch });
        return { value: next, result: next };
      }),
    onChange: (listener) => document.subscribe(listener),
    notices: () => document.notices(),
    warnings: () => document.warnings(),
    close: () => document.close(),
  };
}

/**
 * Read the file field by field: a value that is out of range or of the wrong kind (a hand edit, an older Ferry's
 * limits) resets that one setting to its default, keeping the rest, as FileZilla does; the file is then set aside.
 */
function decodeSettings(raw: unknown): Decoded<Settings> {
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > SETTINGS_FORMAT) return { kind: 'newer', version: format };
  const parsed = fileShapeSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'invalid', problem: quoted(describeIssues(parsed.error)) };
  const value: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const problems: TextRef[] = [];
  for (const [key, stored] of Object.entries(parsed.data.settings)) {
    const schema = settingsSchema.shape[key as keyof typeof settingsSchema.shape];
    if (schema === undefined) continue; // a newer Ferry's setting, or one this version no longer has: kept in the file
    const field = schema.safeParse(stored);
    // The validator's English quoted in a Chinese window; Ferry's own checks' reasons said in its words.
    const problem = field.success ? settingFieldProblem(key, field.data) : quoted(field.error.issues[0]?.message ?? 'invalid');
    if (problem === null) value[key] = field.data;
    else problems.push({ id: 'store.setting-reset', values: { key, problem: englishText(problem), value: JSON.stringify((DEFAULT_SETTINGS as unknown as Record<string, unknown>)[key]) }, valueTexts: { problem } });
  }
  return problems.length > 0 ? { kind: 'salvaged', value: value as unknown as Settings, problems } : { kind: 'ok', value: value as unknown as Settings };
}

/** The checks beyond the schema's, per field (the same validateSettings makes): why, as a sentence of the table. */
function settingFieldProblem(key: string, value: unknown): TextRef | null {
  if (key === 'activeExternalAddress' && typeof value === 'string' && !isHostOrAddress(value)) return { id: 'store.setting-not-address', values: {} };
  if (key === 'editorCommand' && typeof value === 'string' && value.trim() !== '') {
    const problem = editorCommandProblem(value.trim());
    if (problem !== null) return editorCommandProblemText(problem);
  }
  return null;
}

/** Check a whole settings object, naming the field and the fix. */
export function validateSettings(settings: Settings): Settings {
  const parsed = settingsSchema.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'settings');
    throw invalidInput(`Setting ${field} is not valid: ${issue?.message ?? 'invalid'}.`, SETTING_HINTS[field] ?? 'Check the value.');
  }
  const address = parsed.data.activeExternalAddress;
  if (address !== null && !isHostOrAddress(address)) {
    throw invalidInput(`Active-mode external address "${address}" is not an IP address or host name.`, SETTING_HINTS.activeExternalAddress as string);
  }
  // Blank means "no editor": the system's default app.
  const editor = parsed.data.editorCommand?.trim() || null;
  const editorProblem = editor === null ? null : editorCommandProblem(editor);
  if (editorProblem !== null) throw invalidInput(`The editor command is not valid: ${describeEditorCommandProblem(editorProblem)}.`, SETTING_HINTS.editorCommand as string);
  return { ...parsed.data, editorCommand: editor } as Settings;
}

/** What to type for a setting (the fix in its messages), e.g. for the CLI's own checks. */
export function settingHint(key: string): string {
  return SETTING_HINTS[key] ?? 'Check the value.';
}

const SETTING_HINTS: Record<string, string> = {
  defaultTransferMode: 'Use "passive" (works behind most firewalls) or "active".',
  activePortRange: 'Give two ports [low, high] from 1 to 65535 with low ≤ high, e.g. [50000, 50100], or null for any port.',
  activeExternalAddress: 'Give your public IP address (or a host name resolving to it), or null to use the local address.',
  activeExternalAddressUrl: 'Give an http:// or https:// address that answers with your public IP address (e.g. https://ip.filezilla-project.org/ip.php), or null.',
  externalAddressForLocalServers: 'Use true (announce the external address to servers on a local network too) or false.',
  passiveAddressPolicy: 'Use "server-address" (safe, works behind NAT) or "announced-address".',
  defaultConnectionLimit: `Use a whole number from 1 to ${MAX_CONNECTION_LIMIT}.`,
  language: 'Use "system" (the system\'s language), "en" or "zh-CN".',
  theme: 'Use "system", "light" or "dark".',
  editorCommand: 'Give a program and its options, with %f where the file goes (e.g. "code --wait %f"; quote paths with spaces), or null for the system\'s default app.',
  skipList: 'Give names or patterns such as "Thumbs.db" or "*.tmp", one per entry, without slashes (at most 200).',
  proxy: 'Give { type: "socks5" | "socks4" | "http", host, port (1–65535), user (or null) }, or null to connect directly (CLI: ferry settings set proxy socks5://host:1080).',
  downloadLimitKiBps: `Use a whole number of KiB/s from 1 to ${MAX_SPEED_LIMIT_KIBPS}, e.g. 500, or null for no limit.`,
  logFile: 'Give an absolute path such as /home/you/ferry.log (C:\\Users\\you\\ferry.log on Windows), or null to log only in the window.',
  logFileLimitMiB: `Use a whole number of MiB from 1 to ${MAX_LOG_FILE_MIB}; past it the file is renamed to NAME.1 and a new one begun.`,
  transferType: 'Use "binary" (byte for byte), "ascii" (text: line endings translated) or "auto" (ASCII for the asciiExtensions).',
  asciiExtensions: 'Give extensions without the dot, in lower case, e.g. ["txt", "html", "php"] (at most 500).',
  timeoutSeconds: `Use a whole number of seconds from ${MIN_TIMEOUT_SECONDS} to ${MAX_TIMEOUT_SECONDS} (30 by default; raise it for slow links).`,
  startup: 'Use "normal", "site-manager" (open the Site Manager) or "restore-tabs" (reconnect the saved sites open in tabs last time).',
  queueDoneAction: 'Use "none", "notify" (a desktop notification), "sound" or "notify-sound".',
  preserveTimestamps: 'Use true (uploaded files keep their own modification time, where the server offers MFMT) or false.',
  compression: 'Use true (compress listings and downloads with MODE Z where the server offers it) or false.',
  uploadLimitKiBps: `Use a whole number of KiB/s from 1 to ${MAX_SPEED_LIMIT_KIBPS}, e.g. 500, or null for no limit.`,
};
