/**
 * Main's real services behind the contract, fed what a broken window or a foreign client might send: every
 * request channel with arguments of the wrong shape. Each answers a typed `invalid-input` error naming the
 * field (none runs a service on them), nothing is thrown or left unhandled (vitest fails the run on that),
 * and the services still answer a good request afterwards. The profile folder they make is private (0700).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../src/main/app/create-services';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { createFileKeyVault } from '../../../src/main/sites';
import { REQUEST_CHANNELS } from '../../../src/shared/contract';

/** Channels whose argument is `void`: they ignore it. */
const TAKES_NOTHING = new Set(['app:info', 'settings:get', 'settings:proxy-password-saved', 'passwords:status', 'passwords:reset-master', 'sites:list', 'sites:export', 'sites:forget-passwords', 'session:status', 'local:home', 'local:drives', 'queue:list', 'queue:retry-failed', 'queue:clear-finished', 'queue:policy', 'queue:pending-question', 'queue:export', 'edit:list']);

/** Values the contract checks as plain objects or lists only: their own services check what is in them. */
const SERVICE_CHECKED = new Set(['app:set-menu', 'settings:set', 'sites:save']);

/** Wrong shapes: not an object, an empty object, and every field the contract uses with a value of the wrong type. */
const BAD_ARGS: readonly unknown[] = [
  null,
  42,
  'x',
  [],
  {},
  { path: 1, paths: 'abc', sessionId: 2, id: [], ids: 'a', folder: 'f', into: 3, from: {}, to: null, target: 'site:1', items: {}, direction: 7, password: 5, current: 1, next: 2, xml: 9, command: [], mode: 7, policy: 1, questionId: 1, choice: 1, applyToAll: 'yes', toIndex: '1', text: 9 },
];

describe('bad requests against the real services', () => {
  let base: string;
  let home: string;
  let services: Services;
  let cwd: string;

  beforeAll(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-bad-input-'));
    // A profile folder that does not exist yet, as on a first start.
    home = path.join(base, 'profile');
    services = await createServices({ home, vault: createFileKeyVault(home), host: 'web', emit: () => {} });
    // Relative names a string taken for a list of paths would name, one per character.
    cwd = process.cwd();
    process.chdir(base);
    for (const name of ['a', 'b', 'c']) fs.writeFileSync(path.join(base, name), name);
  });

  afterAll(async () => {
    process.chdir(cwd);
    await services?.dispose();
    if (base) fs.rmSync(base, { recursive: true, force: true });
  });

  it('makes the profile folder private on a first start', () => {
    expect(fs.statSync(home).mode & 0o777).toBe(0o700);
  });

  it.each(REQUEST_CHANNELS.filter((channel) => !TAKES_NOTHING.has(channel) && !SERVICE_CHECKED.has(channel)))('%s: every wrong shape is a typed invalid-input error', async (channel) => {
    for (const arg of BAD_ARGS) {
      const result = await dispatch(services.handlers, channel, arg);
      expect(result.ok, `${channel} with ${JSON.stringify(arg)}`).toBe(false);
      if (result.ok) continue;
      expect(result.error).toMatchObject({ kind: 'invalid-input', retryable: false });
      expect(result.error.message).toMatch(new RegExp(`^The "${channel}" request was refused: its argument is malformed \\(.+: .+\\)\\.$`));
    }
  });

  it.each([...SERVICE_CHECKED])('%s: a wrong shape is refused by the contract or by the service that owns the value, as invalid-input', async (channel) => {
    const before = await dispatch(services.handlers, 'settings:get', undefined);
    for (const arg of BAD_ARGS) {
      const result = await dispatch(services.handlers, channel, arg);
      // A settings patch keeps only the fields Settings has: the empty one and one of unknown fields change nothing.
      if (channel === 'settings:set' && typeof arg === 'object' && arg !== null && !Array.isArray(arg)) {
        expect(result).toEqual(before);
        continue;
      }
      expect(result, `${channel} with ${JSON.stringify(arg)}`).toMatchObject({ ok: false, error: { kind: 'invalid-input', retryable: false } });
    }
  });

  it('touched nothing on disk and still answers a good request', async () => {
    expect(fs.readdirSync(base).sort()).toEqual(['a', 'b', 'c', 'profile']);
    expect((await dispatch(services.handlers, 'local:list', { path: base })).ok).toBe(true);
    expect((await dispatch(services.handlers, 'sites:list', undefined)).ok).toBe(true);
  });
});
