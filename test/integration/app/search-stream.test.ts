/**
 * Remote search's results as they are found, through the contract's handler table (what both hosts serve) against
 * vsftpd: a tree of 1,800 matches in six folders comes as `search:progress` events whose `found` batches, joined in
 * order, are exactly the answer's matches — in several batches (one per 500 or so, never one message per match), each
 * carrying the request's `searchId`; Stop after the first batch answers with just the matches already sent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../src/main/app/create-services';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { createFileKeyVault } from '../../../src/main/sites';
import type { EventChannel, Events, RequestArg, RequestChannel, RequestValue } from '../../../src/shared/contract';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';

const FOLDERS = 6;
const PER_FOLDER = 300;

describe('search results stream (vsftpd)', () => {
  let server: RunningServer;
  let services: Services;
  let home: string;
  const progress: Events['search:progress'][] = [];
  let onProgress: (event: Events['search:progress']) => void = () => undefined;
  const call = async <C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestValue<C>> => {
    const result = await dispatch(services.handlers, channel, arg);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
    return result.value as RequestValue<C>;
  };

  beforeAll(async () => {
    server = await startServer('vsftpd');
    const { uid, gid } = fs.statSync(server.root);
    for (let f = 0; f < FOLDERS; f += 1) {
      const folder = path.join(server.root, 'tree', `f${f}`);
      fs.mkdirSync(folder, { recursive: true });
      fs.chownSync(folder, uid, gid);
      for (let i = 0; i < PER_FOLDER; i += 1) {
        const file = path.join(folder, `m${String(i).padStart(3, '0')}.log`);
        fs.writeFileSync(file, 'x');
        fs.chownSync(file, uid, gid);
      }
    }
    fs.chownSync(path.join(server.root, 'tree'), uid, gid);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-search-stream-'));
    services = await createServices({
      home,
      vault: createFileKeyVault(home),
      host: 'web',
      emit: <E extends EventChannel>(channel: E, payload: Events[E]) => {
        if (channel !== 'search:progress') return;
        progress.push(payload as Events['search:progress']);
        onProgress(payload as Events['search:progress']);
      },
    });
  });
  afterAll(async () => {
    await services?.dispose();
    await server?.stop();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('sends the matches in batches as folders are searched; Stop keeps those sent', async () => {
    const status = await call('session:connect', { target: { kind: 'quick', quick: { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } } });
    const result = await call('session:search', { sessionId: status.sessionId, root: '/tree', pattern: '*.log', searchId: 'w1' });
    expect(result.matches).toHaveLength(FOLDERS * PER_FOLDER);
    const events = progress.splice(0);
    expect(events.every((event) => event.searchId === 'w1' && event.sessionId === status.sessionId)).toBe(true);
    // Joined in order, the batches are the answer: the window showed every match, in the answer's order, before it came.
    expect(events.flatMap((event) => event.found.map((match) => match.path))).toEqual(result.matches.map((match) => match.path));
    const batches = events.filter((event) => event.found.length > 0);
    expect(batches.length).toBeGreaterThanOrEqual(3);
    // Batched: at most one message per folder listed (and the last), never one per match.
    expect(events.length).toBeLessThanOrEqual(result.foldersSearched + 1);
    // The count never trails the rows sent.
    let sent = 0;
    for (const event of events) {
      sent += event.found.length;
      expect(event.matches).toBeGreaterThanOrEqual(sent);
    }

    // Stop once the first rows are shown: the answer is those rows, said stopped.
    onProgress = (event) => {
      if (event.found.length > 0) void call('session:search-cancel', { sessionId: status.sessionId });
    };
    const stopped = await call('session:search', { sessionId: status.sessionId, root: '/tree', pattern: '*.log', searchId: 'w2' });
    onProgress = () => undefined;
    expect(stopped.stopped).toBe('cancelled');
    const shown = progress.splice(0).flatMap((event) => event.found.map((match) => match.path));
    expect(shown.length).toBeGreaterThan(0);
    expect(stopped.matches.map((match) => match.path)).toEqual(shown);
    expect(stopped.matches.length).toBeLessThan(FOLDERS * PER_FOLDER);
    await call('session:disconnect', { sessionId: status.sessionId });
  });
});
