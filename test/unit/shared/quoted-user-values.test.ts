/**
 * The rest of the texts that put a user's string — a file name, a path, a site's name, a skip-list pattern, a charset
 * or host typed in, the command Ferry sent for a path — inside their quotes ('"{name}" already exists', “{site}”):
 * a value holding a line break or U+202E went raw between the quotes, so the sentence broke in two or read turned
 * around. Each producer now gives it as shownName(…, 'in-quotes') (docs/i18n.md); a plain value is unchanged.
 * English and 简体中文, from the producers' data.
 */
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FerryErrorData } from '../../../src/shared/errors';
import { errorText, fillErrorText, resolveValues, sentences, type ErrorText, type TextRef } from '../../../src/shared/error-texts';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { takenValues } from '../../../src/main/ftp/remote-tree';
import { replyError } from '../../../src/main/ftp/reply-errors';
import { describeSocketError } from '../../../src/main/ftp/socket-errors';
import { loginError, turnedAway } from '../../../src/main/ftp/login-errors';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { loadCharset, resolveCharset } from '../../../src/main/ftp/charset';
import { noFreeNameNote } from '../../../src/main/transfers/overwrite-policy';
import { skipNote } from '../../../src/main/transfers/expand-folder';
import { exportQueue, parseQueueFile, planQueueImport } from '../../../src/main/transfers/queue-export';
import { importQueueText } from '../../../src/main/transfers/queue-import';
import { TransferQueue } from '../../../src/main/transfers/transfer-queue';
import { parseFileZillaSites } from '../../../src/main/sites/filezilla-import';
import { validateCharset, validateSiteInput, normalizeFingerprint } from '../../../src/main/sites/validate-site';
import { createFileKeyVault } from '../../../src/main/sites/file-key-vault';
import { createUnavailableVault } from '../../../src/main/sites/password-vault';
import { openSiteStore } from '../../../src/main/sites/site-store';
import type { Site } from '../../../src/shared/models';
import { failureOf } from '../../support/failure-of';
import { siteInput, tempHome } from '../sites/helpers';

const BROKEN = 'a\nb';
const TURNED = 'photo\u202egpj.exe';

/** The English message and the Chinese one, from the error's data. */
const both = (data: FerryErrorData): [string, string] => [data.message, localizeError(data, 'zh-CN').message];
/** A TextRef (a note, a warning) said in English and in Chinese. */
const said = (ref: TextRef | ErrorText): [string, string] => {
  const id = 'id' in ref ? ref.id : ref.message;
  if (!id) throw new Error('a text without its sentence');
  const values = ref.values ?? {};
  return [errorText(id, values, ref.valueTexts), fillErrorText(ERROR_TEXTS_ZH_CN[id], resolveValues(ERROR_TEXTS_ZH_CN, values, ref.valueTexts))];
};
const thrown = (run: () => unknown): FerryErrorData => {
  try {
    run();
  } catch (error) {
    return (error as { data: FerryErrorData }).data;
  }
  throw new Error('expected a refusal');
};

describe('exists.rename, exists.new-file: the taken name in its quotes, its folder bare', () => {
  const rename = (path: string): [string, string] => said({ id: 'exists.rename', values: takenValues(path) });
  const newFile = (path: string): [string, string] => said({ id: 'exists.new-file', values: takenValues(path) });
  it('escapes a line break or U+202E', () => {
    expect(rename(`/pub/${TURNED}`)).toEqual(['"photo\\u202egpj.exe" already exists in /pub; renaming would replace it.', '“photo\\u202egpj.exe”已存在于 /pub；重命名会替换它。']);
    expect(newFile(`/pub/${BROKEN}`)).toEqual(['"a\\nb" already exists in /pub.', '“a\\nb”已存在于 /pub。']);
    expect(newFile(`/${TURNED}/x.txt`)).toEqual(['"x.txt" already exists in "/photo\\u202egpj.exe".', '“x.txt”已存在于 "/photo\\u202egpj.exe"。']);
  });
  it('leaves a plain name as it is', () => {
    expect(rename('/pub/final.txt')).toEqual(['"final.txt" already exists in /pub; renaming would replace it.', '“final.txt”已存在于 /pub；重命名会替换它。']);
  });
});

describe('the command Ferry sent, in the texts that quote it', () => {
  const reply = (line: string) => ({ code: Number(line.slice(0, 3)), lines: [line], message: line.slice(4) });
  it('reply.failed-for, reply.unsupported: the command (and verb) escaped inside their quotes', () => {
    // The bare {path} too: fillErrorText writes a direction mark in any value as its escape (server-words.ts).
    expect(both(replyError(`RETR /pub/${TURNED}`, reply('550 No such file.'), `/pub/${TURNED}`))[0]).toBe(`"RETR /pub/photo\\u202egpj.exe" failed for /pub/photo\\u202egpj.exe: 550 No such file.`);
    expect(both(replyError(`RETR /pub/${TURNED}`, reply('550 No such file.'), `/pub/${TURNED}`))[1]).toBe(`对 /pub/photo\\u202egpj.exe 执行“RETR /pub/photo\\u202egpj.exe”失败：“550 No such file.”`);
    expect(both(replyError('RETR /pub/a.txt', reply('550 No such file.'), '/pub/a.txt'))).toEqual(['"RETR /pub/a.txt" failed for /pub/a.txt: 550 No such file.', '对 /pub/a.txt 执行“RETR /pub/a.txt”失败：“550 No such file.”']);
  });
  it('auth.failed: the user name escaped inside its quotes', () => {
    expect(both(loginError(reply('530 Login incorrect.'), `bob${TURNED}`).data)).toEqual(['Login as "bobphoto\\u202egpj.exe" failed: 530 Login incorrect.', '以“bobphoto\\u202egpj.exe”登录失败：“530 Login incorrect.”']);
    expect(both(loginError(reply('530 Login incorrect.'), 'bob').data)).toEqual(['Login as "bob" failed: 530 Login incorrect.', '以“bob”登录失败：“530 Login incorrect.”']);
  });
  it('closed.during-login: the user name escaped inside its quotes', () => {
    const closed = new FtpError({ kind: 'closed', retryable: true, ...sentences('closed.by-server', 'closed.by-server.hint', { host: '127.0.0.1' }) });
    const during = (user: string): [string, string] => both(turnedAway(closed, 'login', { host: '127.0.0.1', port: '21', user })?.data ?? closed.data);
    expect(during(`bob${BROKEN}`)).toEqual(['The server 127.0.0.1 closed the connection during the login as "boba\\nb", without answering.', '以“boba\\nb”登录时，服务器 127.0.0.1 未作回复就关闭了连接。']);
    expect(during('bob')[0]).toBe('The server 127.0.0.1 closed the connection during the login as "bob", without answering.');
  });
});

describe('connect.dns: a typed host that does not resolve', () => {
  it('names the host escaped inside its quotes; a plain one as before', () => {
    const dns = (host: string): [string, string] => both(describeSocketError(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), host, 21));
    expect(dns(`ftp.${TURNED}`)).toEqual(['The host name "ftp.photo\\u202egpj.exe" could not be resolved.', '无法解析主机名“ftp.photo\\u202egpj.exe”。']);
    expect(dns('ftp.example.invalid')).toEqual(['The host name "ftp.example.invalid" could not be resolved.', '无法解析主机名“ftp.example.invalid”。']);
  });
});

describe("a queue's notes", () => {
  it('note.no-free-name: the first name tried, in its quotes', () => {
    expect(said(noFreeNameNote(TURNED)[0])).toEqual(['No free name like "photo\\u202egpj (1).exe" was found next to the target.', '在目标旁找不到类似“photo\\u202egpj (1).exe”的空闲名称。']);
    expect(said(noFreeNameNote(`re${BROKEN}.txt`)[0])[0]).toBe('No free name like "rea\\nb (1).txt" was found next to the target.');
    expect(said(noFreeNameNote('report.pdf')[0])).toEqual(['No free name like "report (1).pdf" was found next to the target.', '在目标旁找不到类似“report (1).pdf”的空闲名称。']);
  });
  it("note.skip-list: the pattern in its quotes (the skip list's, or --exclude's)", () => {
    expect(said(skipNote('/up/x.exe', `*${TURNED}`)[0])).toEqual([
      'Skipped /up/x.exe: it matches "*photo\\u202egpj.exe" in the skip list (Settings → Skip list).',
      '已跳过 /up/x.exe：它匹配跳过列表中的“*photo\\u202egpj.exe”（设置 → 跳过列表）。',
    ]);
    expect(said(skipNote('/up/x.tmp', '*.tmp')[0])[0]).toBe('Skipped /up/x.tmp: it matches "*.tmp" in the skip list (Settings → Skip list).');
    // The path stands bare: escaped by shownName's bare rule, in straight quotes, when it would be misread.
    expect(said(skipNote(`/up/${TURNED}`, '*.exe')[0])).toEqual([
      'Skipped "/up/photo\\u202egpj.exe": it matches "*.exe" in the skip list (Settings → Skip list).',
      '已跳过 "/up/photo\\u202egpj.exe"：它匹配跳过列表中的“*.exe”（设置 → 跳过列表）。',
    ]);
  });
});

describe('an imported queue file', () => {
  const SITES: readonly Site[] = [{ ...siteInput({ name: 'Build', host: 'build.example.com', port: 21, user: 'ci' }), id: 's-build', hasPassword: true }];
  const item = (localPath: string, remotePath: string) => ({ direction: 'download', isDirectory: false, site: { name: 'Build', folder: [], host: 'build.example.com', port: 21, user: 'ci' }, localPath, remotePath, size: 1 });
  const plan = (items: readonly object[]) => planQueueImport(parseQueueFile(JSON.stringify({ kind: 'ferry-queue', format: 1, exportedAt: '2026-11-26T15:00:00.000Z', items })), SITES);

  it('queue-import.bad-local, queue-import.bad-remote: the path escaped inside its quotes', () => {
    const refused = plan([item(`rel/${TURNED}`, '/pub/a'), item('/home/u/c', `/pub/${BROKEN}`), item('relative/a.iso', '/pub/b')]).refused.map((entry) => said(entry.text));
    expect(refused).toEqual([
      ['Its local path "rel/photo\\u202egpj.exe" is not a full path on this computer.', '它的本地路径“rel/photo\\u202egpj.exe”不是此计算机上的完整路径。'],
      ['Its remote path "/pub/a\\nb" is not a full path on the server (starting with /, without .. or line breaks).', '它的远程路径“/pub/a\\nb”不是服务器上的完整路径（应以 / 开头，不含 .. 或换行）。'],
      ['Its local path "relative/a.iso" is not a full path on this computer.', '它的本地路径“relative/a.iso”不是此计算机上的完整路径。'],
    ]);
  });

  it('queue-import.missing-local: the file to upload escaped inside its quotes', async () => {
    const folder = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-quoted-import-'));
    const queue = await TransferQueue.open({ connect: () => Promise.reject(new Error('an import must not connect')) });
    try {
      const upload = (name: string) => ({ siteKey: 'site:s-build', siteLabel: 'Build', direction: 'upload' as const, isDirectory: false, localPath: path.join(folder, name), remotePath: `/in/${name}`, size: 1 });
      const report = await importQueueText(exportQueue([upload(TURNED), upload(BROKEN), upload('gone.txt')], SITES), SITES, queue);
      expect(report.refused.map((entry) => both({ kind: 'invalid-input', retryable: false, message: entry.reason, hint: '', text: entry.text })[1])).toEqual([
        // A local path with a line break is no full path here (isLocalPath): refused before its file is looked for.
        `它的本地路径“${folder}/a\\nb”不是此计算机上的完整路径。请在此处的本地窗格中重新加入队列：来自其他系统的队列保存的是那个系统的路径。`,
        `要上传的文件“${folder}/photo\\u202egpj.exe”不在此计算机上。请先把文件复制到该路径，或从本地窗格重新加入上传。`,
        `要上传的文件“${folder}/gone.txt”不在此计算机上。请先把文件复制到该路径，或从本地窗格重新加入上传。`,
      ]);
      expect(report.refused[1]?.reason).toBe(`The file to upload, "${folder}/photo\\u202egpj.exe", is not on this computer. Copy the file to that path first, or queue the upload again from the local pane.`);
    } finally {
      await queue.close();
      await fsp.rm(folder, { recursive: true, force: true });
    }
  });

  it("queue-import.filezilla-path: a FileZilla item's remote folder escaped inside its quotes", () => {
    const xml = (remotePath: string) => `<?xml version="1.0"?><FileZilla3><Queue><Server><Host>build.example.com</Host><Port>21</Port><Protocol>0</Protocol><Type>0</Type><User>ci</User><Logontype>1</Logontype><Name>Build</Name><File><LocalFile>/home/u/a</LocalFile><RemoteFile>a</RemoteFile><RemotePath>${remotePath}</RemotePath><Download>1</Download></File></Server></Queue></FileZilla3>`;
    const problems = (remotePath: string) => planQueueImport(parseQueueFile(xml(remotePath)), SITES).refused.map((entry) => said(entry.text));
    expect(problems(`bad${TURNED}`)).toEqual([['Its remote folder "badphoto\\u202egpj.exe" is not in FileZilla\'s path format.', '它的远程文件夹“badphoto\\u202egpj.exe”不是 FileZilla 的路径格式。']]);
    expect(problems('bad')).toEqual([['Its remote folder "bad" is not in FileZilla\'s path format.', '它的远程文件夹“bad”不是 FileZilla 的路径格式。']]);
  });
});

describe("a FileZilla sites file's warnings", () => {
  const xml = (charset: string, remoteDir: string) =>
    `<?xml version="1.0"?><FileZilla3><Servers><Server><Host>h.example.com</Host><Port>21</Port><Protocol>0</Protocol><Type>0</Type><Logontype>0</Logontype><EncodingType>Custom</EncodingType><CustomEncoding>${charset}</CustomEncoding><RemoteDir>${remoteDir}</RemoteDir><Name>S</Name></Server></Servers></FileZilla3>`;
  const warnings = (charset: string, remoteDir: string) => parseFileZillaSites(xml(charset, remoteDir)).sites.flatMap((site) => site.warnings).map(said);
  it('import.unknown-charset, import.remote-dir: the value escaped inside its quotes', () => {
    expect(warnings(`x${TURNED}`, `bad${TURNED}`)).toEqual([
      ['Charset "xphoto\\u202egpj.exe" is not known to Ferry; using auto (UTF-8).', 'Ferry 不认识字符集“xphoto\\u202egpj.exe”；改用“自动检测”（UTF-8）。'],
      ['Remote folder "badphoto\\u202egpj.exe" is not in FileZilla\'s path format; kept as written.', '远程文件夹“badphoto\\u202egpj.exe”不是 FileZilla 的路径格式；按原样保留。'],
    ]);
    expect(warnings('nosuch', 'bad').map(([english]) => english)).toEqual(['Charset "nosuch" is not known to Ferry; using auto (UTF-8).', 'Remote folder "bad" is not in FileZilla\'s path format; kept as written.']);
  });
});

describe("a site's fields typed in", () => {
  it('site.host-chars, site.host-url: the host escaped inside its quotes', () => {
    expect(both(thrown(() => validateSiteInput(siteInput({ host: `ftp${BROKEN}` }))))).toEqual(['Host "ftpa\\nb" contains a space, "/" or "@".', '主机“ftpa\\nb”中含有空格、“/”或“@”。']);
    expect(both(thrown(() => validateSiteInput(siteInput({ host: `ftp://${TURNED}` }))))).toEqual(['Host "ftp://photo\\u202egpj.exe" is a URL.', '主机“ftp://photo\\u202egpj.exe”是一个网址。']);
    expect(both(thrown(() => validateSiteInput(siteInput({ host: 'a b' }))))[0]).toBe('Host "a b" contains a space, "/" or "@".');
  });
  it('charset.unknown, charset.unknown-name: the charset escaped inside its quotes', async () => {
    expect(both(thrown(() => validateCharset(`gbk${TURNED}`)))).toEqual(['Charset "gbkphoto\\u202egpj.exe" is not known.', '未知的字符集“gbkphoto\\u202egpj.exe”。']);
    expect(both(thrown(() => validateCharset('nosuch')))[0]).toBe('Charset "nosuch" is not known.');
    await loadCharset('gbk');
    expect(both(thrown(() => resolveCharset(`gbk${BROKEN}`)))).toEqual(['Unknown charset "gbka\\nb".', '未知的字符集“gbka\\nb”。']);
  });
  it('site.fingerprint-invalid: the pasted value escaped inside its quotes', () => {
    expect(both(thrown(() => normalizeFingerprint(`AB${BROKEN}`)))[0]).toBe('"ABa\\nb" is not a SHA-256 certificate fingerprint.');
    expect(both(thrown(() => normalizeFingerprint(TURNED)))[1]).toBe('“photo\\u202egpj.exe”不是 SHA-256 证书指纹。');
  });
});

describe("a site's password another vault saved", () => {
  let home: string;
  beforeEach(async () => {
    home = await tempHome();
  });
  afterEach(async () => {
    await fsp.rm(home, { recursive: true, force: true });
  });
  it('password.other-vault: the site path escaped inside its quotes', async () => {
    const saver = await openSiteStore({ home, vault: createFileKeyVault(home) });
    const turned = await saver.save(siteInput({ name: TURNED, folder: ['A\u2028B'], password: 'pw', logonType: 'normal' }));
    const plain = await saver.save(siteInput({ name: 'Build', password: 'pw', logonType: 'normal' }));
    saver.close();
    const reader = await openSiteStore({ home, vault: createUnavailableVault('no keyring is running') });
    try {
      expect(both(await failureOf(() => reader.getPassword(turned.id)))[0]).toMatch(/^The password of "A\\u2028B\/photo\\u202egpj\.exe" was saved with /);
      expect(both(await failureOf(() => reader.getPassword(turned.id)))[1]).toMatch(/^“A\\u2028B\/photo\\u202egpj\.exe”的密码是用/);
      expect(both(await failureOf(() => reader.getPassword(plain.id)))[0]).toMatch(/^The password of "Build" was saved with /);
    } finally {
      reader.close();
    }
  });

  it('password.undecryptable: the site path escaped inside its quotes', async () => {
    // A keychain that no longer decrypts what it saved cannot exist here: a vault whose decrypt fails stands for it.
    const vault = { id: 'test-keychain', available: true, unavailableReason: null, encrypt: async (plain: string) => `sealed:${plain}`, decrypt: () => Promise.reject(new Error('the keychain is locked')) };
    const store = await openSiteStore({ home, vault });
    try {
      const turned = await store.save(siteInput({ name: TURNED, password: 'pw', logonType: 'normal' }));
      const plain = await store.save(siteInput({ name: 'Build', password: 'pw', logonType: 'normal' }));
      expect(both(await failureOf(() => store.getPassword(turned.id)))).toEqual([
        'The password of "photo\\u202egpj.exe" cannot be decrypted: the keychain is locked.',
        '无法解密“photo\\u202egpj.exe”的密码：the keychain is locked。',
      ]);
      expect(both(await failureOf(() => store.getPassword(plain.id)))[0]).toBe('The password of "Build" cannot be decrypted: the keychain is locked.');
    } finally {
      store.close();
    }
  });
});
