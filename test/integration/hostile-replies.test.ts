/**
 * What real and misbehaving servers do, scripted (test/support/fixtures/scripted-ftp-server.ts): odd line endings,
 * replies that never finish, "120 wait" greetings, loose EPSV replies, empty folders said as errors, huge listings,
 * hang-ups and resets, names not in UTF-8. Each case is a defect found and fixed — the test fails without the fix —
 * except the block "handled already", which keeps behaviour found right. Nothing here may end in a silent "no reply"
 * timeout: the message names what came, and what to do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import type { ConnectOptions } from '../../src/main/ftp/connect-options';
import { downloadToFile } from '../../src/main/transfers/file-transfer';
import { SessionService } from '../../src/main/sessions/session-service';
import type { LogLine } from '../../src/shared/models';
import { type Handler, type ScriptedServer, type ScriptedSession } from '../support/fixtures/scripted-ftp-server';
import { useScriptedFixture } from '../support/fixtures/scripted-fixture';

const fixture = useScriptedFixture('ferry-replies-');
const tempFolder = fixture.tempFolder;
let server: ScriptedServer | null = null;

function options(scripted: ScriptedServer, extra: Partial<ConnectOptions> = {}): ConnectOptions {
  return { host: scripted.host, port: scripted.port, user: 'u', password: 'p', commandTimeoutMs: 2000, dataTimeoutMs: 2000, ...extra };
}

async function errorOf(promise: Promise<unknown>): Promise<FtpError> {
  const caught = await promise.then(() => null, (error: unknown) => error);
  expect(caught).toBeInstanceOf(FtpError);
  return caught as FtpError;
}

/** A listing handler: 150, the body on the passive data connection, 226 once it is sent; `end` is the line end. */
function listing(body: string, end = '\r\n'): Handler {
  return async (_argument, session) => {
    session.write(`150 Here it comes${end}`);
    (await session.passiveData()).end(body, () => session.write(`226 Done${end}`));
  };
}

/** Every reply of a login and a listing ended with `end` alone (the default server ends them with CR LF). */
function endingWith(end: string): Record<string, Handler> {
  const say = (text: string): Handler => (_argument, session) => session.write(text.replaceAll('\n', end));
  return {
    USER: say('331 Password please\n'),
    PASS: say('230-Welcome\n230 Logged in\n'),
    FEAT: say('211-Features:\n MLSD\n SIZE\n EPSV\n211 End\n'),
    TYPE: say('200 Type set\n'),
    SYST: say('215 UNIX Type: L8\n'),
    SIZE: say('213 3\n'),
    EPSV: async (_argument, session) => session.write(`229 Entering Extended Passive Mode (|||${await session.openPassive()}|)${end}`),
    MLSD: listing('type=file;size=3;modify=20240102030405; a.txt\r\n', end),
  };
}

describe('line endings', () => {
  it.each([
    ['a bare CR (old embedded devices, some Windows servers)', '\r'],
    ['a bare LF', '\n'],
  ])('a server ending its lines with %s is understood: login, FEAT, SIZE and MLSD work', async (_name, end) => {
    server = await fixture.start({ greeting: `220 Device ready${end}`, handlers: endingWith(end) });
    const client = await FtpClient.connect(options(server));
    try {
      expect(client.capabilities.mlsd).toBe(true);
      expect(await client.size('/a.txt')).toBe(3);
      expect((await client.list('/')).entries.map((entry) => entry.name)).toEqual(['a.txt']);
    } finally {
      client.close();
    }
  }, 30_000);

  it('a device ending lines with a bare CR in its LIST too (no FEAT): the listing is read, not one unreadable line', async () => {
    server = await fixture.start({
      greeting: '220 Device ready\r',
      handlers: { ...endingWith('\r'), FEAT: (_a, session) => session.write('500 Unknown command\r'), LIST: listing('-rw-r--r-- 1 0 0 12 Jan 01 2020 log.txt\rdrwxr-xr-x 2 0 0 0 Jan 01 2020 cfg\r', '\r') },
    });
    const client = await FtpClient.connect(options(server));
    try {
      const listed = await client.list('/');
      expect(listed.entries.map((entry) => [entry.name, entry.type])).toEqual([['log.txt', 'file'], ['cfg', 'directory']]);
      expect(listed.unparsedTotal).toBe(0);
    } finally {
      client.close();
    }
  }, 30_000);

  it('a reply that is the bare code ("200", no text): read as the reply', async () => {
    server = await fixture.start({ greeting: '220\r\n', handlers: { NOOP: (_a, session) => session.write('200\r\n') } });
    const client = await FtpClient.connect(options(server));
    try {
      expect(await client.raw('NOOP')).toMatchObject({ code: 200, message: '' });
    } finally {
      client.close();
    }
  }, 30_000);

  it('a greeting sent one byte at a time, CR and LF in separate packets, multi-byte characters split, is read whole', async () => {
    // One byte per packet; a reply starts only after the one before it is all out (the client answers the final
    // line's CR at once, before its LF has come).
    let queue = Promise.resolve();
    const slowly = (session: ScriptedSession, text: string): void => {
      queue = queue.then(async () => {
        for (const byte of Buffer.from(text)) {
          session.socket.write(Buffer.from([byte]));
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      });
    };
    server = await fixture.start({
      greeting: (session) => slowly(session, '220-Wïllkommen ✓\r\n220 Ready\r\n'),
      handlers: {
        USER: (_a, session) => slowly(session, '331 Password please\r\n'),
        PASS: (_a, session) => slowly(session, '230-Grüße\r\n 230 inner line\r\n230 Logged in\r\n'),
        FEAT: (_a, session) => slowly(session, '211-Features:\r\n SIZE\r\n211 End\r\n'),
        TYPE: (_a, session) => slowly(session, '200 Type set\r\n'),
        SYST: (_a, session) => slowly(session, '215 UNIX\r\n'),
        PWD: (_a, session) => slowly(session, '257 "/dïr ✓" is current\r\n'),
      },
    });
    const client = await FtpClient.connect(options(server));
    try {
      expect(client.greeting).toBe('Wïllkommen ✓\nReady');
      expect((await client.raw('PWD')).message).toBe('"/dïr ✓" is current');
    } finally {
      client.close();
    }
  }, 30_000);
});

describe('multi-line replies', () => {
  it('a FEAT whose every line starts with "211-" (RFC 959 allows it) is read: MLSD is offered and used', async () => {
    server = await fixture.start({
      handlers: {
        FEAT: (_a, session) => session.write('211-Features:\r\n211-MLST type*;size*;modify*;\r\n211-SIZE\r\n211-EPSV\r\n211 End\r\n'),
        MLSD: listing('type=file;size=3;modify=20240102030405; exact.txt\r\n'),
        LIST: listing('-rw-r--r-- 1 u g 3 Jan 01 2020 guessed.txt\r\n'),
      },
    });
    const client = await FtpClient.connect(options(server));
    try {
      expect(client.capabilities).toMatchObject({ mlsd: true, size: true, epsv: true });
      const listed = await client.list('/');
      expect(listed.command).toBe('MLSD');
      expect(listed.entries.map((entry) => entry.name)).toEqual(['exact.txt']);
    } finally {
      client.close();
    }
  }, 30_000);
});

describe('passive mode replies', () => {
  it.each([
    ['without parentheses', 'Entering Extended Passive Mode |||PORT|'],
    ['with spaces inside the parentheses', 'Entering Extended Passive Mode ( |||PORT| )'],
    ['with the protocol and address RFC 2428 says to omit', 'Entering Extended Passive Mode (|1|127.0.0.1|PORT|)'],
  ])('an EPSV reply %s is read: the listing comes over EPSV, PASV is never asked', async (_name, form) => {
    server = await fixture.start({
      handlers: {
        EPSV: async (_a, session) => session.reply(229, form.replace('PORT', String(await session.openPassive()))),
        PASV: (_a, session) => session.reply(502, 'Command not implemented'),
        LIST: listing('-rw-r--r-- 1 u g 3 Jan 01 2020 b.txt\r\n'),
      },
    });
    const client = await FtpClient.connect(options(server));
    try {
      expect((await client.list('/')).entries.map((entry) => entry.name)).toEqual(['b.txt']);
      expect(server.commands).not.toContain('PASV');
    } finally {
      client.close();
    }
  }, 30_000);

  it.each([
    [425, 'All reserved TCP ports are busy', ['EPSV', 'PASV', 'EPSV']],
    [502, 'Command not implemented', ['EPSV', 'PASV', 'PASV']],
  ] as const)('EPSV answered %i once: PASV stands in; only a 5xx is remembered for the session, a 4xx (a passing shortage) has EPSV asked again', async (code, text, expected) => {
    let epsvAsked = 0;
    server = await fixture.start({
      handlers: {
        EPSV: async (_a, session) => {
          epsvAsked += 1;
          if (epsvAsked === 1 || code >= 500) session.reply(code, text);
          else session.reply(229, `Entering Extended Passive Mode (|||${await session.openPassive()}|)`);
        },
        PASV: async (_a, session) => {
          const port = await session.openPassive();
          session.reply(227, `Entering Passive Mode (127,0,0,1,${Math.floor(port / 256)},${port % 256})`);
        },
        LIST: listing('-rw-r--r-- 1 u g 3 Jan 01 2020 b.txt\r\n'),
      },
    });
    const client = await FtpClient.connect(options(server));
    try {
      for (let round = 0; round < 2; round += 1) expect((await client.list('/')).entries.map((entry) => entry.name)).toEqual(['b.txt']);
      // LIST -a lists b.txt, so each listing is one data command.
      expect(server.commands.filter((command) => command === 'EPSV' || command === 'PASV')).toEqual(expected);
    } finally {
      client.close();
    }
  }, 30_000);

  it('EPSV answered 229 with an unreadable port (0) and PASV refused: said as an unreadable EPSV reply, not "does not allow passive mode"', async () => {
    server = await fixture.start({
      handlers: {
        EPSV: (_a, session) => session.reply(229, 'Entering Extended Passive Mode (|||0|)'),
        PASV: (_a, session) => session.reply(502, 'Command not implemented'),
      },
    });
    const client = await FtpClient.connect(options(server));
    try {
      const error = await errorOf(client.list('/'));
      expect(error.data).toMatchObject({ kind: 'data-connection', mode: 'passive', cause: 'bad-reply', retryable: false });
      expect(error.data.message).toBe('Passive mode: the server answered EPSV with no port that could be read, and refused PASV (EPSV: 229 Entering Extended Passive Mode (|||0|); PASV: 502 Command not implemented).');
      expect(error.data.hint).toMatch(/^Use active mode for this site/);
    } finally {
      client.close();
    }
  }, 30_000);

  it('a PASV reply naming port 0 or a number over 255 is an unreadable reply, not a connection to port 0', async () => {
    for (const pasv of ['Entering Passive Mode (127,0,0,1,0,0)', 'Entering Passive Mode (127,0,0,1,256,1)']) {
      server = await fixture.start({
        handlers: {
          EPSV: (_a, session) => session.reply(500, 'EPSV not understood'),
          PASV: (_a, session) => session.reply(227, pasv),
        },
      });
      const client = await FtpClient.connect(options(server));
      try {
        const error = await errorOf(client.list('/'));
        expect(error.data).toMatchObject({ kind: 'data-connection', cause: 'bad-reply', port: 0 });
        expect(error.data.message).toBe(`Passive mode: the server's reply to PASV gave no address and port that could be read (EPSV: 500 EPSV not understood; PASV: 227 ${pasv}).`);
      } finally {
        client.close();
      }
      await server.stop();
      server = null;
    }
  }, 30_000);
});

describe('handled already (kept so)', () => {
  it.each(['passive', 'active'] as const)('150, then 425 without any data connection (%s mode): the 425 is quoted with the mode\'s fix', async (mode) => {
    server = await fixture.start({
      handlers: {
        LIST: (_a, session) => {
          session.reply(150, 'Opening data connection');
          setTimeout(() => session.reply(425, "Can't open data connection."), 100);
        },
      },
    });
    const client = await FtpClient.connect(options(server, { transferMode: mode }));
    try {
      const error = await errorOf(client.list('/'));
      expect(error.data).toMatchObject({ kind: 'data-connection', mode });
      expect(error.data.message).toContain("(425 Can't open data connection.)");
      expect(error.data.hint).toContain(mode === 'passive' ? 'use active mode' : 'Use passive mode');
      expect(await client.size('/x')).toBeNull();
    } finally {
      client.close();
    }
  }, 30_000);

  it('a 226 long before the data is all sent: the download is complete only with every byte, the listing with every line', async () => {
    const file = Buffer.alloc(8 * 1024 * 1024, 0x61);
    const body = Array.from({ length: 20_000 }, (_, index) => `-rw-r--r-- 1 u g 3 Jan 01 2020 f${index}\r\n`).join('');
    server = await fixture.start({
      handlers: {
        RETR: async (_a, session) => {
          session.reply(150, 'Opening data connection');
          const data = await session.passiveData();
          session.reply(226, 'Transfer complete');
          setTimeout(() => data.end(file), 200);
        },
        LIST: async (_a, session) => {
          session.reply(150, 'Opening data connection');
          session.reply(226, 'Transfer complete');
          const data = await session.passiveData();
          setTimeout(() => data.end(body), 200);
        },
      },
    });
    const client = await FtpClient.connect(options(server));
    try {
      const target = path.join(tempFolder(), 'early.bin');
      await downloadToFile(client, '/early.bin', target);
      expect(fs.statSync(target).size).toBe(file.length);
      expect((await client.list('/')).entries).toHaveLength(20_000);
    } finally {
      client.close();
    }
  }, 30_000);

  it('FEAT answered with 500: no features assumed, LIST used, the session works', async () => {
    server = await fixture.start({ handlers: { FEAT: (_a, session) => session.reply(500, "'FEAT': command not understood"), LIST: listing('-rw-r--r-- 1 u g 3 Jan 01 2020 b.txt\r\n') } });
    const client = await FtpClient.connect(options(server));
    try {
      expect(client.capabilities).toMatchObject({ mlsd: false, epsv: false, size: false });
      expect((await client.list('/')).entries.map((entry) => entry.name)).toEqual(['b.txt']);
    } finally {
      client.close();
    }
  }, 30_000);
});

describe('LIST -a', () => {
  it('a server that takes "-a" for a name (nothing listed, 226): checked against LIST, which lists the folder; LIST from then on', async () => {
    const body = '-rw-r--r-- 1 u g 3 Jan 01 2020 b.txt\r\n';
    server = await fixture.start({ handlers: { LIST: (argument, session) => listing(argument === '-a' ? '' : body)(argument, session) } });
    const notes: string[] = [];
    const client = await FtpClient.connect(options(server, { onTranscript: (line) => notes.push(line.text) }));
    try {
      const first = await client.list('/');
      expect(first).toMatchObject({ command: 'LIST' });
      expect(first.entries.map((entry) => entry.name)).toEqual(['b.txt']);
      expect(notes).toContain('The server lists nothing for "LIST -a" where "LIST" lists 1 entries (it takes "-a" for a name); using LIST from now on.');
      expect((await client.list('/')).entries).toHaveLength(1);
      expect(server.commands.filter((command) => command.startsWith('LIST'))).toEqual(['LIST -a', 'LIST', 'LIST']);
    } finally {
      client.close();
    }
  }, 30_000);

  it('a truly empty folder first: LIST -a stays in use once a folder with entries shows it works', async () => {
    let body = '';
    server = await fixture.start({ handlers: { LIST: (argument, session) => listing(body)(argument, session) } });
    const client = await FtpClient.connect(options(server));
    try {
      expect((await client.list('/empty')).entries).toEqual([]);
      body = '-rw-r--r-- 1 u g 3 Jan 01 2020 .hidden\r\n';
      expect(await client.list('/full')).toMatchObject({ command: 'LIST -a', entries: [{ name: '.hidden' }] });
      expect(await client.list('/full')).toMatchObject({ command: 'LIST -a' });
      expect(server.commands.filter((command) => command.startsWith('LIST'))).toEqual(['LIST -a', 'LIST', 'LIST -a', 'LIST -a']);
    } finally {
      client.close();
    }
  }, 30_000);
});

describe('an empty folder said as an error', () => {
  it('"550 No files found." to LIST -a (as some servers say an empty folder) is an empty listing, noted in the transcript; LIST -a stays in use', async () => {
    let empty = true;
    server = await fixture.start({
      handlers: {
        LIST: async (argument, session) => {
          if (empty) {
            session.reply(550, 'No files found.');
            return;
          }
          await listing('-rw-r--r-- 1 u g 3 Jan 01 2020 b.txt\r\n')(argument, session);
        },
      },
    });
    const notes: string[] = [];
    const client = await FtpClient.connect(options(server, { onTranscript: (line) => notes.push(line.text) }));
    try {
      const listed = await client.list('/empty');
      expect(listed).toMatchObject({ entries: [], unparsedTotal: 0, command: 'LIST -a' });
      expect(notes).toContain('The server answered LIST -a with "550 No files found.": such servers say so for an empty folder, which is what it is taken for.');
      empty = false;
      expect((await client.list('/full')).command).toBe('LIST -a');
      // The empty folder's LIST -a was checked against LIST (both said "No files found"); then LIST -a lists.
      expect(server.commands.filter((command) => command.startsWith('LIST'))).toEqual(['LIST -a', 'LIST', 'LIST -a']);
    } finally {
      client.close();
    }
  }, 30_000);

  it('MVS "550 No members found." to MLSD is an empty folder; "550 No such file or directory" stays an error', async () => {
    let answer = 'No members found.';
    server = await fixture.start({
      handlers: {
        FEAT: (_a, session) => session.write('211-Features:\r\n MLSD\r\n211 End\r\n'),
        MLSD: (_a, session) => session.reply(550, answer),
      },
    });
    const client = await FtpClient.connect(options(server));
    try {
      expect(await client.list('/PDS')).toMatchObject({ entries: [], command: 'MLSD' });
      answer = 'No such file or directory';
      const error = await errorOf(client.list('/missing'));
      expect(error.data).toMatchObject({ kind: 'server-reply', code: 550 });
    } finally {
      client.close();
    }
  }, 30_000);
});

describe('a reply that is not UTF-8', () => {
  /** "257 "/文档" is current" with the folder name in GBK, as an older Chinese server sends it. */
  const gbkPwd: Handler = (_a, session) => void session.socket.write(Buffer.concat([Buffer.from('257 "/'), Buffer.from([0xce, 0xc4, 0xb5, 0xb5]), Buffer.from('" is current\r\n')]));

  it('PWD naming a GBK folder on a UTF-8 site: an error naming the encoding fix, not a garbled path that fails later', async () => {
    server = await fixture.start({ handlers: { PWD: gbkPwd } });
    const client = await FtpClient.connect(options(server));
    try {
      const error = await errorOf(client.pwd());
      expect(error.data).toMatchObject({ kind: 'invalid-input', retryable: false });
      expect(error.data.message).toMatch(/^The server named its current folder in bytes that are not UTF-8 \(\/\S*\ufffd\S*\), so Ferry cannot name it back\.$/);
      expect(error.data.hint).toMatch(/Site Manager → Charset.*GBK/);
    } finally {
      client.close();
    }
    // With the site's encoding set to GBK, the same reply is the folder's name.
    const gbk = await FtpClient.connect(options(server, { charset: 'gbk' }));
    try {
      expect(await gbk.pwd()).toBe('/文档');
    } finally {
      gbk.close();
    }
  }, 30_000);

  it('the window connects anyway, starting at / with the reason and the fix in the message log', async () => {
    server = await fixture.start({ handlers: { PWD: gbkPwd } });
    const logs: LogLine[] = [];
    const scripted = server;
    const service = new SessionService({
      resolve: async () => ({ options: options(scripted), label: 'gbk box', siteId: null, siteKey: 'quick:gbk', remoteDir: '' }),
      emit: (channel, payload) => {
        if (channel === 'log:line') logs.push(payload as LogLine);
      },
    });
    try {
      const status = await service.connect({ kind: 'quick', quick: { host: server.host, port: server.port, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } });
      expect(status).toMatchObject({ state: 'connected', remotePath: '/' });
      const line = logs.find((entry) => entry.textRef?.message === 'log.pwd-not-utf8');
      expect(line?.kind).toBe('error');
      expect(line?.text).toMatch(/^The server named its current folder in bytes that are not UTF-8 \(\/\S*\ufffd\S*\); starting at \/ instead\.$/);
      expect(line?.hint).toMatch(/Site Manager → Charset/);
    } finally {
      await service.disconnectAll();
    }
  }, 30_000);
});

describe('listing limits', () => {
  /** `count` EPLF lines of 8–14 bytes — the tiniest entries a server can send (a million fit in 14 MB) — after the
   * "total", "." and ".." lines listings often start with. */
  function tinyEntries(count: number): Buffer {
    const parts: string[] = [`total ${count}\r\n`, '+/,\t.\r\n', '+/,\t..\r\n'];
    for (let index = 0; index < count; index += 1) parts.push(`+r,\t${index}\r\n`);
    return Buffer.from(parts.join(''));
  }

  it('a folder of 1,000,001 tiny entries: a clear error, reading stopped, the connection still usable; 1,000,000 (with total, . and ..) are listed', async () => {
    let size = 1_000_001;
    server = await fixture.start({
      handlers: {
        SIZE: (_a, session) => session.reply(213, '7'),
        LIST: async (_a, session) => {
          session.reply(150, 'Here it comes');
          const data = await session.passiveData();
          data.on('error', () => undefined);
          data.end(tinyEntries(size), () => session.reply(226, 'Done'));
        },
        ABOR: (_a, session) => session.reply(226, 'Abort successful'),
      },
    });
    const client = await FtpClient.connect(options(server, { commandTimeoutMs: 20_000, dataTimeoutMs: 20_000 }));
    try {
      const error = await errorOf(client.list('/huge'));
      expect(error.data).toMatchObject({ kind: 'protocol', retryable: false });
      expect(error.data.message).toBe('The listing of /huge has more than 1,000,000 entries; Ferry stopped reading it.');
      expect(error.data.hint).toMatch(/too large to list at once/);
      expect(error.data.text?.message).toBe('listing.too-many');
      expect(await client.size('/file')).toBe(7);
      size = 1_000_000;
      const listed = await client.list('/huge');
      expect(listed.entries).toHaveLength(1_000_000);
      expect(listed.entries[999_999]?.name).toBe('999999');
    } finally {
      client.close();
    }
  }, 120_000);

  it('the entry limit counts bare-CR lines too, and a lower limit can be set', async () => {
    server = await fixture.start({
      handlers: { LIST: listing(Array.from({ length: 14 }, (_, index) => `+r,\tf${index}\r`).join('')) },
    });
    const client = await FtpClient.connect(options(server, { maxListingEntries: 10 }));
    try {
      const error = await errorOf(client.list('/'));
      expect(error.data.message).toBe('The listing of / has more than 10 entries; Ferry stopped reading it.');
    } finally {
      client.close();
    }
  }, 30_000);
});

describe('a listing whose data connection is never closed', () => {
  it.each(['passive', 'active'] as const)('a 226 while the data connection stays open (%s mode): the listing fails as stalled after the timeout, not waited for forever', async (mode) => {
    server = await fixture.start({
      handlers: {
        LIST: async (_a, session) => {
          session.reply(150, 'Here it comes');
          const data = mode === 'passive' ? await session.passiveData() : await session.connectBack('127.0.0.1');
          // One entry and the final reply, but the data connection is never ended.
          data.write('-rw-r--r-- 1 u g 3 Jan 01 2020 b.txt\r\n', () => session.reply(226, 'Transfer complete'));
        },
      },
    });
    const client = await FtpClient.connect(options(server, { transferMode: mode }));
    try {
      const started = Date.now();
      const outcome = await Promise.race([
        client.list('/').then(() => 'listed', (error: unknown) => error),
        new Promise((resolve) => setTimeout(resolve, 15_000, 'still waiting after 15 s')),
      ]);
      expect(outcome).toBeInstanceOf(FtpError);
      expect((outcome as FtpError).data).toMatchObject({ kind: 'data-connection', mode, cause: 'stalled' });
      expect((outcome as FtpError).data.message).toMatch(new RegExp(`^${mode === 'passive' ? 'Passive mode: the data transfer of / \\(data connection to' : 'Active mode: the data transfer of / \\(data connection on'} 127\\.0\\.0\\.1:\\d+\\) stopped: nothing arrived for 2 s \\(38 bytes had arrived\\); the server stopped sending, or a firewall or router dropped the connection\\.$`));
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      client.close();
    }
  }, 30_000);
});

describe('a final reply without a data connection', () => {
  it('active mode, "226" but no connection: the error quotes the 226, not the firewall diagnosis', async () => {
    server = await fixture.start({
      handlers: {
        LIST: (_a, session) => {
          session.reply(150, 'Opening data connection');
          session.reply(226, 'Transfer complete');
        },
      },
    });
    const client = await FtpClient.connect(options(server, { transferMode: 'active' }));
    try {
      const error = await errorOf(client.list('/'));
      expect(error.data).toMatchObject({ kind: 'data-connection', mode: 'active', cause: 'accept-timeout', retryable: false });
      expect(error.data.message).toMatch(/^Active mode: the server answered "226 Transfer complete" but never connected to 127\.0\.0\.1:\d+ to send the data \(nothing connected within 2 s\)\.$/);
      expect(error.data.hint).toMatch(/empty folder.*Use passive mode for this site\.$/);
      expect(error.data.text?.message).toBe('data.active.reply-without-connection');
    } finally {
      client.close();
    }
  }, 30_000);
});

describe('a data connection reset by the server', () => {
  it('in active mode: said as a reset connection (retryable), not as "could not connect back … firewall"', async () => {
    server = await fixture.start({
      handlers: {
        SIZE: (_a, session) => session.reply(213, '1000'),
        RETR: async (_a, session) => {
          session.reply(150, 'Opening data connection');
          const data = await session.connectBack('127.0.0.1');
          // 300 bytes, read by the client; then a reset while it waits for more.
          data.write(Buffer.alloc(300, 0x61), () => setTimeout(() => data.resetAndDestroy(), 300));
        },
      },
    });
    const client = await FtpClient.connect(options(server, { transferMode: 'active' }));
    try {
      const target = path.join(tempFolder(), 'reset.bin');
      const error = await errorOf(downloadToFile(client, '/reset.bin', target));
      expect(error.data).toMatchObject({ kind: 'data-connection', mode: 'active', cause: 'reset', retryable: true });
      expect(error.data.message).toMatch(/^Active mode: the data connection on 127\.0\.0\.1:\d+ was reset \(ECONNRESET while transferring \/reset\.bin\)\.$/);
      expect(error.data.hint).toBe('Try again; a firewall may be cutting data connections. If it persists, use passive mode.');
    } finally {
      client.close();
    }
  }, 30_000);
});

describe('the server hanging up', () => {
  it.each(['passive', 'active'] as const)('closing the control connection midway through a download (%s mode): named as such, partial file kept for resuming', async (mode) => {
    server = await fixture.start({
      handlers: {
        SIZE: (_a, session) => session.reply(213, '1000'),
        RETR: async (_a, session) => {
          session.reply(150, 'Opening data connection');
          const data = mode === 'passive' ? await session.passiveData() : await session.connectBack('127.0.0.1');
          // 300 bytes, then the server process dies: the control connection goes, the data one is left hanging.
          data.write(Buffer.alloc(300, 0x61), () => session.socket.destroy());
        },
      },
    });
    const client = await FtpClient.connect(options(server, { transferMode: mode }));
    try {
      const target = path.join(tempFolder(), 'cut.bin');
      const error = await errorOf(downloadToFile(client, '/cut.bin', target));
      expect(error.data).toMatchObject({ kind: 'closed', retryable: true });
      expect(error.data.message).toBe('The server 127.0.0.1 closed the connection during the transfer of /cut.bin, without confirming it (300 bytes had arrived).');
      expect(error.data.hint).toMatch(/^Try again: Ferry resumes from what was transferred/);
      expect(fs.existsSync(target)).toBe(false);
      expect(fs.statSync(`${target}.ferry-part`).size).toBe(300);
    } finally {
      client.close();
    }
  }, 30_000);

  it('closing the control connection midway through an upload: said with what had been sent', async () => {
    server = await fixture.start({
      handlers: {
        STOR: async (_a, session) => {
          session.reply(150, 'Ok to send data');
          const data = await session.passiveData();
          data.once('data', () => session.socket.destroy());
        },
      },
    });
    const client = await FtpClient.connect(options(server));
    try {
      const error = await errorOf(client.uploadBytes(Buffer.alloc(8 * 1024 * 1024, 0x62), '/up.bin'));
      expect(error.data).toMatchObject({ kind: 'closed', retryable: true });
      expect(error.data.message).toMatch(/^The server 127\.0\.0\.1 closed the connection during the transfer of \/up\.bin, without confirming it \(\d+ bytes had been sent\)\.$/);
    } finally {
      client.close();
    }
  }, 30_000);

  it('all the data sent, then the control connection closed without a 226: not taken as complete, said as unconfirmed', async () => {
    server = await fixture.start({
      handlers: {
        SIZE: (_a, session) => session.reply(213, '300'),
        RETR: async (_a, session) => {
          session.reply(150, 'Opening data connection');
          (await session.passiveData()).end(Buffer.alloc(300, 0x61), () => setTimeout(() => session.socket.destroy(), 50));
        },
      },
    });
    const client = await FtpClient.connect(options(server));
    try {
      const target = path.join(tempFolder(), 'unconfirmed.bin');
      const error = await errorOf(downloadToFile(client, '/unconfirmed.bin', target));
      expect(error.data.message).toBe('The server 127.0.0.1 closed the connection during the transfer of /unconfirmed.bin, without confirming it (300 bytes had arrived).');
      expect(fs.existsSync(target)).toBe(false);
    } finally {
      client.close();
    }
  }, 30_000);

  it('a 421 sent before hanging up stays the reason given', async () => {
    server = await fixture.start({
      handlers: {
        RETR: async (_a, session) => {
          session.reply(150, 'Opening data connection');
          (await session.passiveData()).write(Buffer.alloc(100, 0x61), () => {
            session.reply(421, 'Transfer time limit reached, closing control connection');
            session.socket.destroy();
          });
        },
      },
    });
    const client = await FtpClient.connect(options(server));
    try {
      const error = await errorOf(downloadToFile(client, '/limited.bin', path.join(tempFolder(), 'limited.bin')));
      expect(error.data.message).toContain('421 Transfer time limit reached');
    } finally {
      client.close();
    }
  }, 30_000);
});

describe('a reply of 100,000 characters', () => {
  it('is cut in the error (at 500 characters, server-words.ts) and the message log (saying its length), rather than flooding them', async () => {
    server = await fixture.start({ handlers: { DELE: (_a, session) => session.reply(550, `Could not delete: ${'z'.repeat(100_000)}`) } });
    const lines: string[] = [];
    const client = await FtpClient.connect(options(server, { onTranscript: (line) => lines.push(line.text) }));
    try {
      const error = await errorOf(client.delete('/f'));
      expect(error.data.message.length).toBeLessThan(600);
      expect(error.data.message).toMatch(/: 550 Could not delete: z+…$/);
      expect(lines.some((line) => /z… \(100022 characters\)$/.test(line))).toBe(true);
      expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(4300);
    } finally {
      client.close();
    }
  }, 30_000);
});

describe('a reply that never comes whole is named, not "no reply"', () => {
  it('a greeting without any line end: the error quotes it and says the line never ended', async () => {
    server = await fixture.start({ greeting: '220 NAS ready' });
    const started = Date.now();
    const error = await errorOf(FtpClient.connect(options(server)));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error.data).toMatchObject({ kind: 'protocol', retryable: false });
    expect(error.data.message).toBe(`The server 127.0.0.1 sent "220 NAS ready" in answer to "(greeting)" but never ended the line (FTP lines end with CR LF): nothing more came within 2 s.`);
    expect(error.data.hint).toMatch(/host and port are those of an FTP server/);
    expect(error.data.text?.message).toBe('reply.unterminated');
  }, 30_000);

  it('a reply ended with NUL is read as a line, as FileZilla reads it; one not ended at all is named, control characters shown as \\u…', async () => {
    server = await fixture.start({ handlers: { PWD: (_a, session) => session.write('257 "/" is current\0'), NOOP: (_a, session) => session.write('200 NOOP\x07 ok') } });
    const client = await FtpClient.connect(options(server));
    try {
      expect((await client.raw('PWD')).message).toBe('"/" is current');
      const error = await errorOf(client.raw('NOOP'));
      expect(error.data.message).toBe('The server 127.0.0.1 sent "200 NOOP\\u0007 ok" in answer to "NOOP" but never ended the line (FTP lines end with CR LF): nothing more came within 2 s.');
    } finally {
      client.close();
    }
  }, 30_000);

  it('a multi-line reply whose last line never comes: the error names its first line and the closing line awaited', async () => {
    server = await fixture.start({ handlers: { FEAT: (_a, session) => session.write('211-Features:\r\n MLSD\r\n SIZE\r\n') } });
    const error = await errorOf(FtpClient.connect(options(server)));
    expect(error.data.message).toBe('The server 127.0.0.1 began a multi-line reply to "FEAT" ("211-Features:") but never sent its last line ("211 …"): nothing more came within 2 s.');
    expect(error.data.text?.message).toBe('reply.unfinished');
  }, 30_000);

  it('lines that are no FTP reply (Telnet bytes before the code, an HTTP server): the error quotes them', async () => {
    server = await fixture.start({ handlers: { NOOP: (_a, session) => void session.socket.write(Buffer.concat([Buffer.from([0xff, 0xf4, 0xff, 0xf2]), Buffer.from('200 NOOP ok\r\n')])) } });
    const client = await FtpClient.connect(options(server));
    try {
      const error = await errorOf(client.raw('NOOP'));
      expect(error.data).toMatchObject({ kind: 'protocol', retryable: false });
      expect(error.data.message).toBe('The server 127.0.0.1 answered "NOOP" with text that is not an FTP reply ("\ufffd\ufffd\ufffd\ufffd200 NOOP ok") and sent nothing else within 2 s.');
    } finally {
      client.close();
    }
    await server.stop();
    server = await fixture.start({ greeting: 'HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n' });
    const error = await errorOf(FtpClient.connect(options(server)));
    expect(error.data.message).toBe('The server 127.0.0.1 answered "(greeting)" with text that is not an FTP reply ("HTTP/1.1 400 Bad Request Content-Length: 0") and sent nothing else within 2 s.');
  }, 30_000);

  it('a "120 Service ready in 5 minutes" greeting and then nothing: the error quotes the 120 and says the server asked to wait', async () => {
    server = await fixture.start({ greeting: '120 Service ready in 5 minutes.\r\n' });
    const error = await errorOf(FtpClient.connect(options(server)));
    expect(error.data).toMatchObject({ kind: 'timeout', command: '(greeting)', retryable: true });
    expect(error.data.message).toBe('The server 127.0.0.1 asked to wait ("120 Service ready in 5 minutes.") and then sent nothing more within 2 s.');
    expect(error.data.hint).toBe('The server is not ready yet (starting up, or too busy). Try again after the time it named, or raise the timeout in the settings.');
    expect(error.data.text?.message).toBe('timeout.asked-to-wait');
  }, 30_000);

  it('a 120 greeting followed by its 220 in time logs in as usual', async () => {
    server = await fixture.start({ greeting: (session) => {
      session.write('120 Service ready in 1 second\r\n');
      setTimeout(() => session.write('220 Ready now\r\n'), 500);
    } });
    const client = await FtpClient.connect(options(server));
    try {
      expect(client.greeting).toBe('Ready now');
    } finally {
      client.close();
    }
  }, 30_000);

  it('a greeting sent twice, the second one late (while USER waits): the login goes on, USER gets its own reply', async () => {
    server = await fixture.start({
      greeting: (session) => {
        session.write('220 Proxy ready\r\n');
        setTimeout(() => session.write('220 Server ready\r\n'), 50);
      },
      handlers: { USER: (_a, session) => void setTimeout(() => session.reply(331, 'Password please'), 150) },
    });
    const client = await FtpClient.connect(options(server));
    try {
      expect(client.greeting).toBe('Proxy ready');
      expect(server.commands.slice(0, 2)).toEqual(['USER u', 'PASS ****']);
    } finally {
      client.close();
    }
  }, 30_000);

  it('an SSH server on the port (22 given for FTP): said at once, not after the timeout', async () => {
    server = await fixture.start({ greeting: 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n' });
    const GREETING_TIMEOUT_MS = 20_000;
    const started = Date.now();
    const error = await errorOf(FtpClient.connect(options(server, { commandTimeoutMs: GREETING_TIMEOUT_MS })));
    // Ended by the SSH banner, not by the timeout: well under a third of it, whatever the machine's load.
    expect(Date.now() - started).toBeLessThan(GREETING_TIMEOUT_MS / 3);
    expect(error.data).toMatchObject({ kind: 'protocol', retryable: false });
    expect(error.data.message).toBe(`127.0.0.1:${server.port} is an SSH server ("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3"), not an FTP server: it offers SFTP, which Ferry does not speak.`);
    expect(error.data.hint).toMatch(/^Check the port: FTP is usually on 21/);
  }, 30_000);

  it('a server that says nothing at all still gets the greeting timeout with its implicit-FTPS hint', async () => {
    server = await fixture.start({ greeting: '' });
    const error = await errorOf(FtpClient.connect(options(server)));
    expect(error.data.text?.message).toBe('timeout.greeting');
  }, 30_000);
});
