/**
 * Which server a queue target names, kept when its site is edited while connected.
 *
 * The window queues paths it listed from the server its session is connected to, decoded with that
 * session's charset. A site saved meanwhile with another host, port, user or charset must not send those
 * paths elsewhere (a download of "/report.txt" from another server is silently the wrong file): until the
 * site is connected again, transfers keep the server; everything about *how* to reach it (transfer mode,
 * TLS, timeouts, proxy, limits) follows the saved site at once.
 */
import type { ConnectOptions } from '../ftp/connect-options';

export function keepServer(previous: ConnectOptions, fresh: ConnectOptions): ConnectOptions {
  const sameLogin = previous.host === fresh.host && previous.port === fresh.port && previous.user === fresh.user;
  return {
    ...fresh,
    host: previous.host,
    port: previous.port,
    user: previous.user,
    // A new password for the same login is the user's correction; another login's password is not this one's.
    password: sameLogin ? fresh.password : previous.password,
    charset: previous.charset,
  };
}
