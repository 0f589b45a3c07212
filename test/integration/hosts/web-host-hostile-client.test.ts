/**
 * A client that holds the token but is not Ferry's window, against a real web host in front of main's real
 * services: what it sends crosses one real WebSocket, and every refusal must come back as a typed error naming the
 * field — never an internal failure's text ("Unexpected failure: quick.host.trim is not a function"), never a
 * polluted Object.prototype in main.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createServices, type Services } from '../../../src/main/app/create-services';
import { createEventHub } from '../../../src/main/hosts/event-hub';
import { startWebHost, type WebHost } from '../../../src/main/hosts/web-host';
import { createFileKeyVault } from '../../../src/main/sites';
import { REQUEST_CHANNELS, type Result } from '../../../src/shared/contract';
import { WEB_PROTOCOL, WEB_SOCKET_PATH, WEB_TOKEN_PROTOCOL_PREFIX } from '../../../src/shared/web-protocol';

/** Channels that would forget what a later case needs, or wait on a server that is not there. */
const NOT_SENT = new Set(['passwords:reset-master', 'sites:forget-passwords']);

describe('web host: a hostile client with the token', () => {
  let base: string;
  let services: Services;
  let host: WebHost;
  let ws: WebSocket;
  let nextId = 1;

  /** One request as raw text, so keys like __proto__ cross as JSON carries them (JSON.stringify would drop them). */
  function sendRaw(channel: string, argJson: string): Promise<Result<unknown>> {
    const id = nextId++;
    return new Promise((resolve) => {
      const onMessage = (data: WebSocket.RawData): void => {
        const message = JSON.parse(data.toString()) as { id?: number; result?: Result<unknown> };
        if (message.id !== id || !message.result) return;
        ws.off('message', onMessage);
        resolve(message.result);
      };
      ws.on('message', onMessage);
      ws.send(`{"id":${id},"channel":${JSON.stringify(channel)},"arg":${argJson}}`);
    });
  }

  beforeAll(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-web-hostile-'));
    const home = path.join(base, 'profile');
    const staticDir = path.join(base, 'renderer');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Ferry</title>');
    const hub = createEventHub();
    services = await createServices({ home, vault: createFileKeyVault(home), host: 'web', emit: hub.emit });
    host = await startWebHost({ handlers: services.handlers, events: hub, staticDir, port: 0 });
    ws = new WebSocket(`ws://127.0.0.1:${host.port}${WEB_SOCKET_PATH}`, [WEB_PROTOCOL, `${WEB_TOKEN_PROTOCOL_PREFIX}${host.token}`], { origin: host.origin });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
  });

  afterAll(async () => {
    ws?.close();
    await host?.close();
    await services?.dispose();
    if (base) fs.rmSync(base, { recursive: true, force: true });
  });

  it.each(['session:connect', 'session:test-modes'])('%s: a quick connection with fields of the wrong type is invalid-input naming the field', async (channel) => {
    const cases: readonly [string, string][] = [
      ['{}', 'target.quick.host'],
      ['{"host":5,"port":21,"user":"u","password":"p","protocol":"ftp-plain","transferMode":"passive","charset":"auto"}', 'target.quick.host'],
      ['{"host":"127.0.0.1","port":"21","user":"u","password":"p","protocol":"ftp-plain","transferMode":"passive","charset":"auto"}', 'target.quick.port'],
      ['{"host":"127.0.0.1","port":null,"user":"u","password":"p","protocol":"ftp-plain","transferMode":"passive","charset":3}', 'target.quick.charset'],
      ['{"host":"127.0.0.1","port":null,"user":"u","password":"p","protocol":"sftp","transferMode":"passive","charset":"auto"}', 'target.quick.protocol'],
    ];
    for (const [quick, field] of cases) {
      const result = await sendRaw(channel, `{"target":{"kind":"quick","quick":${quick}}}`);
      // Before: { kind: 'protocol', message: 'Unexpected failure: Cannot read properties of undefined (reading 'trim')' }.
      expect(result, quick).toMatchObject({ ok: false, error: { kind: 'invalid-input', retryable: false } });
      if (result.ok) continue;
      expect(result.error.message, quick).toContain(`${field}:`);
      expect(result.error.message).not.toMatch(/Unexpected failure|is not a function|Cannot read/);
    }
  });

  it('a quick connection of the right shape still reaches the service, which judges its values in the bar\'s words', async () => {
    const result = await sendRaw('session:connect', '{"target":{"kind":"quick","quick":{"host":" ","port":null,"user":"","password":"","protocol":"ftp-plain","transferMode":"default","charset":""}}}');
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input', text: { message: 'site.host-empty' } } });
  });

  it('sites:save with its lists not lists is invalid-input naming the field, and nothing is saved', async () => {
    const site = '"name":"A","folder":[],"host":"127.0.0.1","port":21,"protocol":"ftp-plain","logonType":"normal","user":"u","transferMode":"default","charset":"auto","localDir":"","remoteDir":"","connectionLimit":null,"comments":""';
    for (const [lists, field] of [
      ['"trustedFingerprints":"AB:CD","bookmarks":[]', 'trustedFingerprints'],
      ['"trustedFingerprints":[],"bookmarks":5', 'bookmarks'],
      ['"trustedFingerprints":{},"bookmarks":{}', 'trustedFingerprints'],
    ]) {
      const result = await sendRaw('sites:save', `{${site},${lists}}`);
      // Before: { kind: 'protocol', message: 'Unexpected failure: (input.bookmarks ?? []).map is not a function' }.
      expect(result, lists).toMatchObject({ ok: false, error: { kind: 'invalid-input', retryable: false } });
      if (!result.ok) expect(result.error.message, lists).toContain(`${field}:`);
    }
    expect(await sendRaw('sites:list', 'null')).toMatchObject({ ok: true, value: { sites: [] } });
    // The window's own site, lists absent or present, is saved as before.
    expect(await sendRaw('sites:save', `{${site},"trustedFingerprints":[],"bookmarks":[{"name":"b","localDir":"","remoteDir":"/x"}]}`)).toMatchObject({ ok: true, value: { name: 'A', hasPassword: false } });
  });

  it('__proto__ and constructor.prototype keys, at the top and inside, on every channel: no internal failure, Object.prototype untouched', async () => {
    const args = [
      '{"__proto__":{"ferryPolluted":1},"constructor":{"prototype":{"ferryPolluted":2}}}',
      '{"target":{"kind":"quick","quick":{"__proto__":{"ferryPolluted":3}}},"settings":{"__proto__":{"ferryPolluted":4}},"items":[{"__proto__":{"ferryPolluted":5}}]}',
    ];
    for (const channel of REQUEST_CHANNELS.filter((name) => !NOT_SENT.has(name))) {
      for (const arg of args) {
        const result = await sendRaw(channel, arg);
        if (!result.ok) expect(result.error.message, `${channel} ${arg}`).not.toMatch(/Unexpected failure|is not a function|Cannot read/);
      }
    }
    expect(Object.prototype).not.toHaveProperty('ferryPolluted');
    // The host still answers.
    expect(await sendRaw('app:info', 'null')).toMatchObject({ ok: true, value: { host: 'web' } });
  });
});
