#!/usr/bin/env node
/**
 * The benchmark's "Node floor": the least a Node.js program must do for each scenario, to tell what Node
 * itself costs apart from what Ferry adds. NOT an FTP client: no timeouts, no error recovery, no path or
 * name checks, no temp files, no charset, no TLS, a listing parser that knows only the benchmark's tree.
 * It does every transfer for real (the runner verifies its output like the other tools'), with the
 * cheapest calls Node offers: one socket per data connection reading into one reused buffer, synchronous
 * file calls, callbacks instead of promises.
 *
 *   node-floor.mjs --version
 *   node-floor.mjs get --passive|--active URL              (to standard output)
 *   node-floor.mjs put --passive|--active FILE URL
 *   node-floor.mjs mirror --parallel N URL LOCALDIR
 *   node-floor.mjs mirror --reverse --parallel N LOCALDIR URL
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const args = process.argv.slice(2);
if (args[0] === '--version') process.exit(0);
const flag = (name) => {
  const index = args.indexOf(name);
  if (index < 0) return null;
  args.splice(index, 1);
  return true;
};
const option = (name) => {
  const index = args.indexOf(name);
  if (index < 0) return null;
  const [, value] = args.splice(index, 2);
  return value;
};
const active = flag('--active') ?? false;
flag('--passive');
const reverse = flag('--reverse') ?? false;
const parallel = Number(option('--parallel') ?? 1);
const [verb, ...rest] = args;
const die = (message) => {
  process.stderr.write(`node-floor: ${message}\n`);
  process.exit(1);
};
const BUFFER = Buffer.allocUnsafe(256 * 1024);

/** One logged-in control connection; `send(command, onFinalReply)` queues the callback for its reply. */
function connect(url, ready) {
  const socket = net.connect(Number(url.port || 21), url.hostname);
  socket.setNoDelay(true);
  const waiting = [];
  let text = '';
  socket.on('error', (error) => die(error.message));
  socket.on('data', (chunk) => {
    text += chunk.latin1Slice(0, chunk.length);
    for (let end = text.indexOf('\r\n'); end >= 0; end = text.indexOf('\r\n')) {
      const line = text.slice(0, end);
      text = text.slice(end + 2);
      // Only a final line ("123 text") answers; continuation lines of multi-line replies are skipped.
      if (!/^\d{3} /.test(line)) continue;
      if (Number(line.slice(0, 3)) >= 400) die(line);
      waiting.shift()(line);
    }
  });
  const session = {
    send(command, onReply) {
      socket.write(`${command}\r\n`);
      waiting.push(onReply);
    },
    /** The next reply (a 150 is followed by a 226 without a command in between). */
    expect(onReply) {
      waiting.push(onReply);
    },
    quit(done) {
      session.send('QUIT', () => {
        socket.destroy();
        done();
      });
    },
    localAddress: () => socket.localAddress,
  };
  waiting.push(() =>
    session.send(`USER ${decodeURIComponent(url.username)}`, () => session.send(`PASS ${decodeURIComponent(url.password)}`, () => session.send('TYPE I', () => ready(session)))),
  );
}

/**
 * Open a data connection for `command` and run it; `done()` once the data connection closed and 226 came.
 * `use` is either `{ read(chunk) }` (each chunk a view of one reused buffer, valid during the call only)
 * or `{ write(socket) }`.
 */
function transfer(session, host, command, use, done) {
  let left = 2;
  const finish = () => {
    left -= 1;
    if (left === 0) done();
  };
  const onread = use.read && { buffer: BUFFER, callback: (bytes, buffer) => void use.read(buffer.subarray(0, bytes)) };
  const withSocket = (socket) => {
    socket.on('error', (error) => die(error.message));
    socket.on('close', finish);
    if (use.write) use.write(socket);
    // Reading (even a writer: to see the server's FIN and close) needs a flowing socket.
    socket.resume();
  };
  const afterPreliminary = () => session.expect(finish);
  if (active) {
    // net.Server has no `onread`: the accepted socket (paused, nothing read yet) hands its handle to one made with it, as Ferry does.
    const server = net.createServer({ pauseOnConnect: true }, (socket) => {
      server.close();
      if (!onread) return withSocket(socket);
      const handle = socket._handle;
      socket._handle = null;
      socket.destroy();
      withSocket(new net.Socket({ handle, readable: true, writable: true, onread }));
    });
    server.listen(0, session.localAddress(), () => {
      const { port } = server.address();
      session.send(`EPRT |1|${session.localAddress()}|${port}|`, () => session.send(command, afterPreliminary));
    });
    return;
  }
  session.send('EPSV', (line) => {
    const port = Number(/\|\|\|(\d+)\|/.exec(line)?.[1]);
    withSocket(onread ? net.connect({ host, port, onread }) : net.connect({ host, port }));
    session.send(command, afterPreliminary);
  });
}

function get(url) {
  connect(url, (session) => {
    transfer(session, url.hostname, `RETR ${decodeURIComponent(url.pathname)}`, { read: (chunk) => fs.writeSync(1, chunk) }, () => session.quit(() => undefined));
  });
}

function put(file, url) {
  connect(url, (session) => {
    const fd = fs.openSync(file, 'r');
    transfer(
      session,
      url.hostname,
      `STOR ${decodeURIComponent(url.pathname)}`,
      {
        write: (socket) => {
          // A few buffers, each reused once the socket has written it: no copy and no allocation per chunk.
          const free = [BUFFER, Buffer.allocUnsafe(BUFFER.length), Buffer.allocUnsafe(BUFFER.length), Buffer.allocUnsafe(BUFFER.length)];
          let waiting = false;
          const pump = () => {
            waiting = false;
            for (;;) {
              const buffer = free.pop();
              if (!buffer) return void (waiting = true);
              const bytes = fs.readSync(fd, buffer, 0, buffer.length, null);
              if (bytes === 0) return void socket.end();
              socket.write(buffer.subarray(0, bytes), () => {
                free.push(buffer);
                if (waiting) pump();
              });
            }
          };
          pump();
        },
      },
      () => {
        fs.closeSync(fd);
        session.quit(() => undefined);
      },
    );
  });
}

/** The benchmark's tree: `ls -l` lines, names without spaces. */
function namesIn(listing) {
  return listing
    .split('\r\n')
    .filter((line) => line.length > 0)
    .map((line) => ({ folder: line[0] === 'd', name: line.split(/ +/).slice(8).join(' ') }));
}

/** `parallel` connections, each taking the next of `files` until none is left, then quitting. */
function eachOnConnections(url, files, run) {
  for (let worker = 0; worker < parallel; worker += 1) {
    connect(url, (session) => {
      const next = () => {
        const file = files.shift();
        if (file === undefined) return session.quit(() => undefined);
        run(session, file, next);
      };
      next();
    });
  }
}

function mirrorDown(url, localRoot) {
  const root = decodeURIComponent(url.pathname).replace(/\/$/, '');
  const files = [];
  const folders = [''];
  connect(url, (lister) => {
    const listNext = () => {
      const folder = folders.shift();
      if (folder === undefined) return lister.quit(startWorkers);
      fs.mkdirSync(path.join(localRoot, folder), { recursive: true });
      const chunks = [];
      transfer(lister, url.hostname, `LIST ${root}${folder}`, { read: (chunk) => chunks.push(Buffer.from(chunk)) }, () => {
        for (const entry of namesIn(Buffer.concat(chunks).toString('utf8'))) (entry.folder ? folders : files).push(`${folder}/${entry.name}`);
        listNext();
      });
    };
    listNext();
  });
  const startWorkers = () =>
    eachOnConnections(url, files, (session, file, done) => {
      const chunks = [];
      transfer(session, url.hostname, `RETR ${root}${file}`, { read: (chunk) => chunks.push(Buffer.from(chunk)) }, () => {
        fs.writeFileSync(path.join(localRoot, file), chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
        done();
      });
    });
}

function mirrorUp(localRoot, url) {
  const root = decodeURIComponent(url.pathname).replace(/\/$/, '');
  const folders = [];
  const files = [];
  const walk = (folder) => {
    folders.push(folder);
    for (const entry of fs.readdirSync(path.join(localRoot, folder), { withFileTypes: true })) {
      if (entry.isDirectory()) walk(`${folder}/${entry.name}`);
      else files.push(`${folder}/${entry.name}`);
    }
  };
  walk('');
  connect(url, (maker) => {
    const makeNext = () => {
      const folder = folders.shift();
      if (folder === undefined) return maker.quit(startWorkers);
      maker.send(`MKD ${root}${folder}`, makeNext);
    };
    makeNext();
  });
  const startWorkers = () =>
    eachOnConnections(url, files, (session, file, done) => {
      const data = fs.readFileSync(path.join(localRoot, file));
      transfer(session, url.hostname, `STOR ${root}${file}`, { write: (socket) => socket.end(data) }, done);
    });
}

switch (verb) {
  case 'get':
    get(new URL(rest[0]));
    break;
  case 'put':
    put(rest[0], new URL(rest[1]));
    break;
  case 'mirror':
    if (reverse) mirrorUp(rest[0], new URL(rest[1]));
    else mirrorDown(new URL(rest[0]), rest[1]);
    break;
  default:
    die(`unknown command ${verb}`);
}
