import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFeatures } from '../../../src/main/ftp/features';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import { worthCompressing } from '../../../src/main/ftp/mode-z';
import type { TranscriptLine } from '../../../src/main/ftp/transcript';
import { startScriptedServer, type ScriptedServer } from '../../support/fixtures/scripted-ftp-server';

const feat = (...lines: string[]) => parseFeatures({ code: 211, message: '', lines: ['211-Features:', ...lines.map((line) => ` ${line}`), '211 End'] });

describe('MODE Z', () => {
  it.each([
    ['MODE Z', true],
    ['mode z', true],
    ['MODE Z;S', true],
    ['MODE B', false],
    ['MODEZ', false],
  ])('FEAT line "%s" offers MODE Z: %s', (line, offered) => {
    expect(feat('EPSV', line, 'SIZE').modeZ).toBe(offered);
  });

  it.each([
    ['/logs/access.log', true],
    ['/src/main.ts', true],
    ['/site/index.html', true],
    ['/no-extension', true],
    ['/backup.tar.gz', false],
    ['/release.ZIP', false],
    ['/photo.jpeg', false],
    ['/movie.mkv', false],
    ['/pkg.deb', false],
    ['/data.zst', false],
    ['/gz-notes.txt', true],
  ])('worth compressing %s: %s', (name, worth) => {
    expect(worthCompressing(name)).toBe(worth);
  });

  describe('a server that says MODE Z and sends plain bytes', () => {
    let server: ScriptedServer | null = null;
    let listener: net.Server | null = null;
    afterEach(async () => {
      await server?.stop();
      listener?.close();
    });

    it('fails the download with a reading error and the way out, not a crash or a silent half file', async () => {
      listener = net.createServer((socket) => socket.end('plain text, not deflate'));
      await new Promise<void>((resolve) => listener?.listen(0, '127.0.0.1', resolve));
      const dataPort = (listener.address() as net.AddressInfo).port;
      server = await startScriptedServer({
        handlers: {
          FEAT: (_a, s) => s.write('211-Features:\r\n EPSV\r\n MODE Z\r\n211 End\r\n'),
          MODE: (_a, s) => s.reply(200, 'MODE Z ok'),
          EPSV: (_a, s) => s.reply(229, `Entering Extended Passive Mode (|||${dataPort}|)`),
          RETR: (_a, s) => {
            s.reply(150, 'Here it comes');
            setTimeout(() => s.reply(226, 'Done'), 50);
          },
          ABOR: (_a, s) => s.reply(226, 'Aborted'),
        },
      });
      const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', compression: true, commandTimeoutMs: 5_000 });
      try {
        await expect(client.downloadToBuffer('/notes.txt')).rejects.toMatchObject({
          data: { kind: 'protocol', message: expect.stringMatching(/compressed data for \/notes\.txt could not be read/), hint: expect.stringMatching(/Turn off compression/) },
        });
      } finally {
        client.close();
      }
    });
  });

  describe('a server that offers MODE Z and then refuses it', () => {
    let server: ScriptedServer | null = null;
    let listener: net.Server | null = null;
    afterEach(async () => {
      await server?.stop();
      listener?.close();
    });

    it('says so in the transcript and lists uncompressed', async () => {
      // The data connection sends a plain LIST line and closes; MODE Z compressed data would not parse.
      listener = net.createServer((socket) => socket.end('-rw-r--r-- 1 u g 5 Jan 01 2024 plain.txt\r\n'));
      await new Promise<void>((resolve) => listener?.listen(0, '127.0.0.1', resolve));
      const dataPort = (listener.address() as net.AddressInfo).port;
      server = await startScriptedServer({
        handlers: {
          FEAT: (_a, s) => s.write('211-Features:\r\n EPSV\r\n MODE Z\r\n211 End\r\n'),
          MODE: (_a, s) => s.reply(504, 'MODE Z not allowed here'),
          EPSV: (_a, s) => s.reply(229, `Entering Extended Passive Mode (|||${dataPort}|)`),
          LIST: (_a, s) => {
            s.reply(150, 'Here it comes');
            setTimeout(() => s.reply(226, 'Done'), 50);
          },
        },
      });
      const transcript: TranscriptLine[] = [];
      const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', compression: true, onTranscript: (line) => transcript.push(line) });
      try {
        expect(client.compressed).toBe(true);
        const listing = await client.list('/');
        expect(listing.entries.map((entry) => entry.name)).toEqual(['plain.txt']);
        expect(client.compressed).toBe(false);
        expect(transcript.some((line) => line.kind === 'info' && /refused MODE Z \(504 MODE Z not allowed here\)/.test(line.text))).toBe(true);
        // Asked once, not before every transfer.
        await client.list('/');
        expect(server.commands.filter((command) => command.startsWith('MODE'))).toEqual(['MODE Z']);
      } finally {
        client.close();
      }
    });
  });
});
