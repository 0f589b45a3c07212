/**
 * The app's services on a temporary profile, as a host builds them, for tests that drive them through the
 * contract: `call` dispatches a request and throws its error in words; `items()` is the queue as last announced;
 * `logs` the message log's lines so far. A restart is `quit()`, then a harness opened on the same `home`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { EventChannel, Events, RequestArg, RequestChannel, RequestValue } from '../../../src/shared/contract';
import type { LogLine, TransferItem } from '../../../src/shared/models';
import { createServices, type Services } from '../../../src/main/app/create-services';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { createFileKeyVault } from '../../../src/main/sites';

export interface ServicesHarness {
  readonly home: string;
  readonly services: Services;
  call<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestValue<C>>;
  items(): readonly TransferItem[];
  /** Every line main sent to the message log, in order. */
  readonly logs: readonly LogLine[];
  /** Queue a download of `remotePath` to `<home>/<name>` from the session and wait until it is done; the file's text. */
  download(sessionId: string, remotePath: string, name: string): Promise<string>;
  /** Dispose of the services as a quit does, keeping the profile (`home`) for the next launch. */
  quit(): Promise<void>;
  /** Quit and remove the profile. */
  close(): Promise<void>;
}

/** Services on a new temporary profile named from `prefix`, or on `options.home` (a profile a harness quit). */
export async function openServicesHarness(prefix: string, options: { readonly home?: string } = {}): Promise<ServicesHarness> {
  const home = options.home ?? fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  let items: readonly TransferItem[] = [];
  const logs: LogLine[] = [];
  const services = await createServices({
    home,
    vault: createFileKeyVault(home),
    host: 'web',
    emit: <E extends EventChannel>(channel: E, payload: Events[E]) => {
      if (channel === 'queue:changed') items = payload as readonly TransferItem[];
      if (channel === 'log:line') logs.push(payload as LogLine);
    },
  });
  const call = async <C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestValue<C>> => {
    const result = await dispatch(services.handlers, channel, arg);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message} — ${result.error.hint}`);
    return result.value as RequestValue<C>;
  };
  let quitting: Promise<void> | null = null;
  const quit = (): Promise<void> => (quitting ??= services.dispose());
  return {
    home,
    services,
    call,
    items: () => items,
    logs,
    async download(sessionId, remotePath, name) {
      const local = path.join(home, name);
      const [item] = await call('queue:add', { sessionId, direction: 'download', items: [{ localPath: local, remotePath, isDirectory: false }] });
      await expect.poll(() => items.find((candidate) => candidate.id === item?.id)?.state, { timeout: 30_000 }).toBe('done');
      return fs.readFileSync(local, 'utf8');
    },
    quit,
    async close() {
      await quit();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
