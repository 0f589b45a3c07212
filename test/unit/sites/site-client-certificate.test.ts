/**
 * A site's TLS client certificate (Site Manager → Advanced): the paths checked when the site is saved, the files read
 * at each connect — a missing file, a certificate file without a key and an encrypted key or PKCS#12 file without
 * its passphrase (the error the window answers by asking) each said with the file and what to do, in English and
 * 简体中文; with the passphrase asked for, handed on with it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteInput } from '../../../src/shared/models';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { validateSiteInput } from '../../../src/main/sites/validate-site';
import { siteClientCertificate } from '../../../src/main/sites/site-client-certificate';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { needsClientKeyPassphrase, type FerryErrorData } from '../../../src/shared/errors';
import { ownedTempDir } from '../../support/servers/process-cleanup';
import { createTestClientAuthority, createTestPkcs12Files, type TestClientAuthority } from '../../support/servers/tls-cert';

const INPUT: SiteInput = {
  name: 'Certified', folder: [], host: 'ftp.example.com', port: 21, protocol: 'ftp-explicit', logonType: 'normal', user: 'bob', password: 'pw',
  transferMode: 'default', charset: 'auto', localDir: '', remoteDir: '', connectionLimit: null, comments: '', trustedFingerprints: [], bookmarks: [],
};

function caught(run: () => unknown): FerryErrorData {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FtpError);
    return (error as FtpError).data;
  }
  throw new Error('expected an error');
}

async function rejected(promise: Promise<unknown>): Promise<FerryErrorData> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(FtpError);
  return (error as FtpError).data;
}

describe('validateSiteInput: the client certificate fields', () => {
  it('keeps full paths, drops empty ones', () => {
    expect(validateSiteInput({ ...INPUT, clientCertFile: ' /home/bob/client.pem ', clientKeyFile: '/home/bob/client.key' })).toMatchObject({ clientCertFile: '/home/bob/client.pem', clientKeyFile: '/home/bob/client.key' });
    const none = validateSiteInput({ ...INPUT, clientCertFile: '', clientKeyFile: '' });
    expect('clientCertFile' in none || 'clientKeyFile' in none).toBe(false);
  });

  it('refuses a path that is not full, and a key without a certificate', () => {
    const relative = caught(() => validateSiteInput({ ...INPUT, clientCertFile: 'client.pem' }));
    expect(relative).toMatchObject({ kind: 'invalid-input', message: 'The client certificate file client.pem is not given as a full path.' });
    expect(localizeError(relative, 'zh-CN').message).toBe('客户端证书文件 client.pem 不是完整路径。');
    const keyAlone = caught(() => validateSiteInput({ ...INPUT, clientKeyFile: '/home/bob/client.key' }));
    expect(keyAlone.text?.message).toBe('site.client-key-without-cert');
  });
});

describe('siteClientCertificate: the files read at connect', () => {
  let authority: TestClientAuthority;
  let dir: string;
  beforeAll(async () => {
    authority = await createTestClientAuthority();
    dir = ownedTempDir('ferry-site-cert-').dir;
  });

  it('none named: null; a certificate and its key: both read; one file holding both: enough', async () => {
    expect(await siteClientCertificate({})).toBeNull();
    expect(await siteClientCertificate({ clientCertFile: authority.client.certFile, clientKeyFile: authority.client.keyFile })).toEqual({ cert: authority.client.certPem, key: authority.client.keyPem });
    const bundle = path.join(dir, 'bundle.pem');
    writeFileSync(bundle, authority.client.certPem + authority.client.keyPem);
    expect(await siteClientCertificate({ clientCertFile: bundle })).toEqual({ cert: authority.client.certPem + authority.client.keyPem, key: authority.client.certPem + authority.client.keyPem });
  });

  it('a missing file, a certificate file without a key, an encrypted key: each named, with what to do', async () => {
    const missing = await rejected(siteClientCertificate({ clientCertFile: path.join(dir, 'gone.pem') }));
    expect(missing).toMatchObject({ kind: 'invalid-input', message: `The client certificate file ${path.join(dir, 'gone.pem')} of this site cannot be read: it is missing, or you may not read it.` });
    const noKey = await rejected(siteClientCertificate({ clientCertFile: authority.client.certFile }));
    expect(noKey.text?.message).toBe('site.client-key-missing');
    expect(noKey.hint).toContain('Site Manager → Advanced → Client certificate key');
    const encrypted = await rejected(siteClientCertificate({ clientCertFile: authority.client.certFile, clientKeyFile: authority.encryptedKeyFile }));
    expect(encrypted.message).toBe(`The client certificate key ${authority.encryptedKeyFile} of this site is encrypted, and no passphrase was given to open it.`);
    expect(localizeError(encrypted, 'zh-CN').message).toBe(`此站点的客户端证书私钥 ${authority.encryptedKeyFile} 已加密，但没有提供打开它的密码短语。`);
    // The window answers this error by asking (needsClientKeyPassphrase), naming the file.
    expect(needsClientKeyPassphrase(encrypted)).toBe(true);
    expect(encrypted.text?.values.file).toBe(authority.encryptedKeyFile);
    expect(needsClientKeyPassphrase(noKey)).toBe(false);
  });

  it('an encrypted key with the passphrase the window asked for: handed on with it (the engine checks it)', async () => {
    expect(await siteClientCertificate({ clientCertFile: authority.client.certFile, clientKeyFile: authority.encryptedKeyFile }, 'typed')).toEqual({
      cert: authority.client.certPem,
      key: readFileSync(authority.encryptedKeyFile, 'utf8'),
      passphrase: 'typed',
    });
  });

  it('a PKCS#12 file (told by content, any name) without a passphrase: its bytes, no key file needed', async () => {
    const files = await createTestPkcs12Files(authority);
    for (const file of [files.withoutPassword, files.noExtension]) expect(await siteClientCertificate({ clientCertFile: file })).toEqual({ pfx: readFileSync(file) });
  });

  it('a PKCS#12 file with a passphrase: asked for (without one, the error the window answers by asking), then handed on; a key file beside it: said', async () => {
    const files = await createTestPkcs12Files(authority);
    const locked = await rejected(siteClientCertificate({ clientCertFile: files.withPassword }));
    expect(locked).toMatchObject({ kind: 'invalid-input', message: `The client certificate file ${files.withPassword} of this site is protected by a passphrase, and none was given to open it.` });
    expect(locked.hint).toContain('the window, which asks for the passphrase (it is not saved)');
    expect(localizeError(locked, 'zh-CN').message).toBe(`此站点的客户端证书文件 ${files.withPassword} 受密码短语保护，但没有提供打开它的密码短语。`);
    expect(needsClientKeyPassphrase(locked)).toBe(true);
    expect(await siteClientCertificate({ clientCertFile: files.withPassword }, files.passphrase)).toEqual({ pfx: readFileSync(files.withPassword), passphrase: files.passphrase });
    const withKey = await rejected(siteClientCertificate({ clientCertFile: files.withoutPassword, clientKeyFile: authority.client.keyFile }));
    expect(withKey.message).toBe(`${files.withoutPassword} is a PKCS#12 file, which holds its own private key, and this site also names a client certificate key file.`);
    expect(localizeError(withKey, 'zh-CN').hint).toBe('请将“站点管理器 → 高级 → 客户端证书私钥”留空。');
  });
});
