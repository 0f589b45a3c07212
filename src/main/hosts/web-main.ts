/**
 * `node dist/web-host.mjs [--port N] [--open] [--static DIR]`: Ferry in the browser, without Electron.
 * Builds the services exactly as the desktop app does (file-key vault instead of safeStorage) and serves them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createServices } from '../app/create-services';
import { resolveFerryHome } from '../app-paths';
import { createFileKeyVault } from '../sites/file-key-vault';
import { createEventHub } from './event-hub';
import { openInBrowser } from './open-browser';
import { findRendererDir } from './renderer-dir';
import { defaultWebPort, startWebHost } from './web-host';

const USAGE = `Usage: ferry-web [--port N] [--open] [--static DIR]
  --port N      listen on 127.0.0.1:N (default: FERRY_WEB_PORT, else a free port)
  --open        open the address in the default browser
  --static DIR  the built renderer (default: out/renderer of this checkout)
Ferry's profile folder is FERRY_HOME, else the platform's default (the same as the desktop app's).`;

async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: { port: { type: 'string' }, open: { type: 'boolean', default: false }, static: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = values.port === undefined ? defaultWebPort() : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number from 0 to 65535, not "${values.port}".`);
  const staticDir = values.static ? path.resolve(values.static) : findRendererDir(fileURLToPath(import.meta.url));
  if (!staticDir || !fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error('The renderer is not built (no out/renderer/index.html): run "npm run build" first.');

  const home = resolveFerryHome();
  const hub = createEventHub((error) => process.stderr.write(`An event could not be sent: ${String(error)}\n`));
  const services = await createServices({ home, vault: createFileKeyVault(home), emit: hub.emit, host: 'web' });
  const host = await startWebHost({ handlers: services.handlers, events: hub, staticDir, port, log: (line) => process.stderr.write(`${line}\n`) });

  process.stdout.write(`Ferry is running at ${host.url}\n`);
  process.stdout.write('Open that address in your browser (it carries this launch\'s access token). Press Ctrl+C to stop.\n');
  if (values.open && !openInBrowser(host.url)) process.stdout.write('No desktop browser could be opened from here; open the address above yourself.\n');

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('Stopping Ferry…\n');
    void Promise.allSettled([host.close(), services.dispose()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`ferry-web: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
