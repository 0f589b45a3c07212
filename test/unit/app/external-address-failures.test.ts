/**
 * The external-address URL that gives no answer, said in words in both languages: the reason was fetch's own English
 * ("fetch failed", "HTTP 404", "The operation was aborted due to timeout"), in a Chinese window too. Real servers on
 * this computer: a port nothing listens on, one answering 404, and a name under .invalid (never resolves).
 */
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FerryErrorData } from '../../../src/shared/errors';
import { ExternalAddressLookup, whyNoAnswer } from '../../../src/main/app/external-address';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { localizeError } from '../../../src/renderer/lib/localize-error';

async function refusal(url: string): Promise<FerryErrorData> {
  const error = await new ExternalAddressLookup().get(url).then(() => null, (thrown: unknown) => thrown);
  if (!(error instanceof FtpError)) throw new Error(`expected a Ferry error, got ${String(error)}`);
  return error.data;
}

describe('the external-address URL that gives no answer, in words', () => {
  let notFound: http.Server;
  let notFoundUrl = '';
  let closedUrl = '';
  beforeAll(async () => {
    notFound = http.createServer((_request, response) => response.writeHead(404).end('no such page'));
    await new Promise<void>((resolve) => notFound.listen(0, '127.0.0.1', resolve));
    notFoundUrl = `http://127.0.0.1:${(notFound.address() as net.AddressInfo).port}/ip`;
    // A port that was free a moment ago: nothing listens there.
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedUrl = `http://127.0.0.1:${(probe.address() as net.AddressInfo).port}/ip`;
    await new Promise((resolve) => probe.close(resolve));
  });
  afterAll(() => new Promise((resolve) => notFound.close(resolve)));

  it('a port nothing listens on: could not be reached, with the code', async () => {
    const error = await refusal(closedUrl);
    expect(error.message).toBe(`Active mode: could not learn this computer's external address from ${closedUrl}: it could not be reached (ECONNREFUSED).`);
    expect(localizeError(error, 'zh-CN').message).toBe(`主动模式：无法从 ${closedUrl} 获知本机的外部地址：无法连接到它（系统报告“ECONNREFUSED”）。`);
  });

  it('a page that is not there: the HTTP status', async () => {
    const error = await refusal(notFoundUrl);
    expect(error.message).toBe(`Active mode: could not learn this computer's external address from ${notFoundUrl}: it answered HTTP 404.`);
    expect(localizeError(error, 'zh-CN').message).toBe(`主动模式：无法从 ${notFoundUrl} 获知本机的外部地址：它返回了 HTTP 404。`);
  });

  it('a host name that does not resolve', async () => {
    const error = await refusal('http://ferry-test.invalid/ip');
    expect(localizeError(error, 'zh-CN').message).toMatch(/^主动模式：无法从 http:\/\/ferry-test\.invalid\/ip 获知本机的外部地址：(它的主机名无法解析|无法连接到它（系统报告“[A-Z_]+”）|系统报告“.+”)。$/);
    expect(error.message).not.toContain('fetch failed');
  });

  it('no answer in time; anything else is the system\'s words, quoted', () => {
    expect(whyNoAnswer(Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }))).toEqual({ id: 'active.external-url-timeout', values: { seconds: 5 } });
    expect(whyNoAnswer(new TypeError('fetch failed', { cause: new Error('unexpected end of stream') }))).toEqual({ id: 'active.external-url-other', values: { detail: 'unexpected end of stream' } });
  });
});
