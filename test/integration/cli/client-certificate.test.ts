/**
 * `ferry` against FTPS servers that demand a TLS client certificate (vsftpd explicit, proftpd implicit). Without one it
 * printed "Connection to 127.0.0.1:PORT failed: 80…:error:0A00045C:SSL routines:…alert certificate required…" and
 * "Check the host, port and your network." (exit 3); now it says the server requires a client certificate and names
 * the flags (exit 5). `--client-cert FILE --client-key FILE` (or one file holding both) lists and downloads; an
 * encrypted key's passphrase is asked on the terminal without echo, or read from FERRY_CLIENT_KEY_PASSPHRASE, and
 * refused clearly with neither; a certificate from another CA is its own error.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_LAUNCHER } from '../../support/netns/ferry-cli';
import { ownedTempDir } from '../../support/servers/process-cleanup';
import { createTestClientAuthority, createTestPkcs12Files, type TestClientAuthority } from '../../support/servers/tls-cert';
import type { RunningServer } from '../../support/servers/ftp-server';
import { ferry, ferryOnTerminal, serverUrl, useServerForCli } from './run-ferry';

const CONTENT = 'hello from a server that knows its clients\n';

let authority: TestClientAuthority;
beforeAll(async () => {
  authority = await createTestClientAuthority();
});

/** The environment without a passphrase from the test runner's own. */
function envWithout(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.FERRY_CLIENT_KEY_PASSPHRASE;
  return env;
}

const NO_OPENSSL_TEXT = /routines|ssl3_|error:[0-9A-F]{8}|deps\/openssl|SSL alert number/;

describe('ferry and vsftpd demanding a client certificate (explicit FTPS)', () => {
  const running = useServerForCli('vsftpd', {
    tls: 'explicit-required',
    get clientAuthority() {
      return authority;
    },
  });
  const fileIn = (server: RunningServer): void => writeFileSync(path.join(server.root, 'hello.txt'), CONTENT);
  const tlsArgs = (server: RunningServer): string[] => ['--tls', 'explicit', '--trust-fingerprint', server.certFingerprint256 ?? ''];
  const withCertificate = (): string[] => ['--client-cert', authority.client.certFile, '--client-key', authority.client.keyFile];

  it('without a certificate: the server requires one, and the flags to give it (exit 5)', async () => {
    const server = running();
    const run = await ferry(['ls', ...tlsArgs(server), `${serverUrl(server)}/`], { env: envWithout() });
    expect(run.code, run.stderr).toBe(5);
    expect(run.stderr).toContain('127.0.0.1 requires a TLS client certificate');
    expect(run.stderr).toContain('With ferry: --client-cert FILE --client-key FILE');
    expect(run.stderr).not.toMatch(NO_OPENSSL_TEXT);
  });

  it('with --client-cert and --client-key: ls and get work', async () => {
    const server = running();
    fileIn(server);
    const ls = await ferry(['ls', ...tlsArgs(server), ...withCertificate(), `${serverUrl(server)}/`], { env: envWithout() });
    expect(ls.code, ls.stderr).toBe(0);
    expect(ls.stdout.toString()).toContain('hello.txt');
    for (const mode of ['--passive', '--active']) {
      const get = await ferry(['get', mode, ...tlsArgs(server), ...withCertificate(), `${serverUrl(server)}/hello.txt`, '-'], { env: envWithout() });
      expect(get.code, `${mode}: ${get.stderr}`).toBe(0);
      expect(get.stdout.toString()).toBe(CONTENT);
    }
  });

  it('certificate and key in one file: --client-cert alone', async () => {
    const server = running();
    const { dir } = ownedTempDir('ferry-client-bundle-');
    const bundle = path.join(dir, 'client.pem');
    writeFileSync(bundle, authority.client.certPem + authority.client.keyPem, { mode: 0o600 });
    const ls = await ferry(['ls', ...tlsArgs(server), '--client-cert', bundle, `${serverUrl(server)}/`], { env: envWithout() });
    expect(ls.code, ls.stderr).toBe(0);
  });

  it('a certificate not issued by the CA the server trusts: refused, said so (exit 5)', async () => {
    const server = running();
    const run = await ferry(['ls', ...tlsArgs(server), '--client-cert', authority.stranger.certFile, '--client-key', authority.stranger.keyFile, `${serverUrl(server)}/`], { env: envWithout() });
    expect(run.code, run.stderr).toBe(5);
    expect(run.stderr).toContain('127.0.0.1 refused the client certificate Ferry presented: it was not issued by a certificate authority the server trusts.');
    expect(run.stderr).not.toMatch(NO_OPENSSL_TEXT);
  });

  it('an encrypted key: the passphrase from FERRY_CLIENT_KEY_PASSPHRASE; with none and no terminal, refused before connecting (exit 2)', async () => {
    const server = running();
    const args = ['ls', ...tlsArgs(server), '--client-cert', authority.client.certFile, '--client-key', authority.encryptedKeyFile, `${serverUrl(server)}/`];
    const fromEnv = await ferry(args, { env: { ...envWithout(), FERRY_CLIENT_KEY_PASSPHRASE: authority.passphrase } });
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    const wrong = await ferry(args, { env: { ...envWithout(), FERRY_CLIENT_KEY_PASSPHRASE: 'not-it' } });
    expect(wrong.code, wrong.stderr).toBe(2);
    expect(wrong.stderr).toContain('The passphrase does not open the private key of the client certificate.');
    const none = await ferry(args, { env: envWithout() });
    expect(none.code, none.stderr).toBe(2);
    expect(none.stderr).toContain(`The client key ${authority.encryptedKeyFile} is encrypted, and there is no terminal to ask for its passphrase on.`);
    expect(none.stderr).toContain('FERRY_CLIENT_KEY_PASSPHRASE');
  });

  it('an encrypted key on a terminal: the passphrase is asked without echo, and the listing follows', async () => {
    const server = running();
    fileIn(server);
    const quote = (text: string): string => `'${text.replaceAll("'", "'\\''")}'`;
    const command = [process.execPath, CLI_LAUNCHER, 'ls', ...tlsArgs(server), '--client-cert', authority.client.certFile, '--client-key', authority.encryptedKeyFile, `${serverUrl(server)}/`].map(quote).join(' ');
    const shown = await ferryOnTerminal(`${command}; echo "EXIT=$?"`, 'Passphrase for the client key', `${authority.passphrase}\r`, envWithout());
    expect(shown).toContain(`Passphrase for the client key ${authority.encryptedKeyFile}: `);
    expect(shown).not.toContain(authority.passphrase);
    expect(shown).toMatch(/hello\.txt/);
    expect(shown).toMatch(/EXIT=0/);
  });

  it('with --site: the certificate given on the command line, or saved in the site (sites edit --client-cert)', async () => {
    const server = running();
    fileIn(server);
    const { dir: home } = ownedTempDir('ferry-client-cert-home-');
    const env = { ...envWithout(), FERRY_HOME: home };
    const add = await ferry(['sites', 'add', 'Certified', '--host', server.host, '--port', String(server.port), '--protocol', 'ftpes', '--user', server.user, '--password-stdin', '--trust-fingerprint', server.certFingerprint256 ?? ''], { env, input: Buffer.from(`${server.password}\n`) });
    expect(add.code, add.stderr).toBe(0);
    const without = await ferry(['ls', '--site', 'Certified', '/'], { env });
    expect(without.code, without.stderr).toBe(5);
    expect(without.stderr).toContain('127.0.0.1 requires a TLS client certificate');
    const withIt = await ferry(['ls', '--site', 'Certified', ...withCertificate(), '/'], { env });
    expect(withIt.code, withIt.stderr).toBe(0);
    expect(withIt.stdout.toString()).toContain('hello.txt');
    // Saved in the site (the Site Manager's Advanced fields): no flag needed; an encrypted key's passphrase is asked
    // for (here: from the environment) as with the flags.
    const edit = await ferry(['sites', 'edit', 'Certified', '--client-cert', authority.client.certFile, '--client-key', authority.encryptedKeyFile], { env });
    expect(edit.code, edit.stderr).toBe(0);
    const listed = await ferry(['sites', 'list', '--json'], { env });
    expect(JSON.parse(listed.stdout.toString())).toMatchObject([{ name: 'Certified', clientCertFile: authority.client.certFile, clientKeyFile: authority.encryptedKeyFile }]);
    const saved = await ferry(['ls', '--site', 'Certified', '/'], { env: { ...env, FERRY_CLIENT_KEY_PASSPHRASE: authority.passphrase } });
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout.toString()).toContain('hello.txt');
    const forget = await ferry(['sites', 'edit', 'Certified', '--forget-client-cert'], { env });
    expect(forget.code, forget.stderr).toBe(0);
    const forgotten = await ferry(['ls', '--site', 'Certified', '/'], { env });
    expect(forgotten.code, forgotten.stderr).toBe(5);
  });

  it('a PKCS#12 file (--client-cert alone): without a password, ls and get; with one, from FERRY_CLIENT_KEY_PASSPHRASE; wrong, none without a terminal, or with --client-key: refused before connecting (exit 2)', async () => {
    const server = running();
    fileIn(server);
    const files = await createTestPkcs12Files(authority);
    // Told by content: the file without an extension is read as PKCS#12 too.
    for (const file of [files.withoutPassword, files.noExtension]) {
      const ls = await ferry(['ls', ...tlsArgs(server), '--client-cert', file, `${serverUrl(server)}/`], { env: envWithout() });
      expect(ls.code, ls.stderr).toBe(0);
      expect(ls.stdout.toString()).toContain('hello.txt');
    }
    const args = (...more: string[]): string[] => ['get', ...tlsArgs(server), '--client-cert', files.withPassword, ...more, `${serverUrl(server)}/hello.txt`, '-'];
    const fromEnv = await ferry(args(), { env: { ...envWithout(), FERRY_CLIENT_KEY_PASSPHRASE: files.passphrase } });
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    expect(fromEnv.stdout.toString()).toBe(CONTENT);
    const wrong = await ferry(args(), { env: { ...envWithout(), FERRY_CLIENT_KEY_PASSPHRASE: 'not-it' } });
    expect(wrong.code, wrong.stderr).toBe(2);
    expect(wrong.stderr).toContain('The passphrase does not open the PKCS#12 file of the client certificate.');
    expect(wrong.stderr).toContain('not the FTP password');
    expect(wrong.stderr).not.toMatch(NO_OPENSSL_TEXT);
    const none = await ferry(args(), { env: envWithout() });
    expect(none.code, none.stderr).toBe(2);
    expect(none.stderr).toContain(`The PKCS#12 file ${files.withPassword} is protected by a passphrase, and there is no terminal to ask for it on.`);
    const withKey = await ferry(args('--client-key', authority.client.keyFile), { env: envWithout() });
    expect(withKey.code, withKey.stderr).toBe(2);
    expect(withKey.stderr).toContain(`${files.withPassword} is a PKCS#12 file, which holds its own private key; --client-key is not used with it.`);
    const noKey = await ferry(['ls', ...tlsArgs(server), '--client-cert', files.withoutKey, `${serverUrl(server)}/`], { env: { ...envWithout(), FERRY_CLIENT_KEY_PASSPHRASE: files.passphrase } });
    expect(noKey.code, noKey.stderr).toBe(2);
    expect(noKey.stderr).toContain('The PKCS#12 file holds a certificate but no private key');
  });

  it('a PKCS#12 file with a password on a terminal: asked without echo, and the listing follows', async () => {
    const server = running();
    fileIn(server);
    const files = await createTestPkcs12Files(authority);
    const quote = (text: string): string => `'${text.replaceAll("'", "'\\''")}'`;
    const command = [process.execPath, CLI_LAUNCHER, 'ls', ...tlsArgs(server), '--client-cert', files.withPassword, `${serverUrl(server)}/`].map(quote).join(' ');
    const shown = await ferryOnTerminal(`${command}; echo "EXIT=$?"`, 'Passphrase of the PKCS#12 file', `${files.passphrase}\r`, envWithout());
    expect(shown).toContain(`Passphrase of the PKCS#12 file ${files.withPassword}: `);
    expect(shown).not.toContain(files.passphrase);
    expect(shown).toMatch(/hello\.txt/);
    expect(shown).toMatch(/EXIT=0/);
  });

  it('bad input said before connecting (exit 2): a missing file, --client-key alone, plain FTP', async () => {
    const server = running();
    const missing = await ferry(['ls', ...tlsArgs(server), '--client-cert', '/nonexistent/client.pem', `${serverUrl(server)}/`], { env: envWithout() });
    expect(missing.code, missing.stderr).toBe(2);
    expect(missing.stderr).toContain('--client-cert /nonexistent/client.pem cannot be read: there is no such file.');
    const keyAlone = await ferry(['ls', ...tlsArgs(server), '--client-key', authority.client.keyFile, `${serverUrl(server)}/`], { env: envWithout() });
    expect(keyAlone.code, keyAlone.stderr).toBe(2);
    expect(keyAlone.stderr).toContain('--client-key was given without --client-cert.');
    const plain = await ferry(['ls', ...withCertificate(), `${serverUrl(server)}/`], { env: envWithout() });
    expect(plain.code, plain.stderr).toBe(2);
    expect(plain.stderr).toContain('--client-cert was given for plain FTP');
  });
});

describe('ferry and proftpd demanding a client certificate (implicit FTPS, ftps://)', () => {
  const running = useServerForCli('proftpd', {
    tls: 'implicit',
    get clientAuthority() {
      return authority;
    },
  });
  const url = (server: RunningServer): string => `${serverUrl(server).replace(/^ftp:/, 'ftps:')}/`;

  it('without a certificate: the server requires one (exit 5); with it, the listing', async () => {
    const server = running();
    writeFileSync(path.join(server.root, 'hello.txt'), CONTENT);
    const trust = ['--trust-fingerprint', server.certFingerprint256 ?? ''];
    const without = await ferry(['ls', ...trust, url(server)], { env: envWithout() });
    expect(without.code, without.stderr).toBe(5);
    expect(without.stderr).toContain('127.0.0.1 requires a TLS client certificate');
    const withIt = await ferry(['ls', ...trust, '--client-cert', authority.client.certFile, '--client-key', authority.client.keyFile, url(server)], { env: envWithout() });
    expect(withIt.code, withIt.stderr).toBe(0);
    expect(withIt.stdout.toString()).toContain('hello.txt');
  });
});
