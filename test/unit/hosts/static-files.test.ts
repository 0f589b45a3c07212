import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeType, resolveStaticFile } from '../../../src/main/hosts/static-files';

describe('static files', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-static-'));
    root = path.join(base, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Ferry</title>');
    fs.writeFileSync(path.join(root, 'assets', 'app-1.js'), 'console.log(1)');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  });
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('serves index.html for /', async () => {
    expect(await resolveStaticFile(root, '/')).toMatchObject({ contentType: 'text/html; charset=utf-8' });
    expect(await resolveStaticFile(root, '/index.html')).toMatchObject({ contentType: 'text/html; charset=utf-8' });
  });

  it('serves assets with their MIME type', async () => {
    const file = await resolveStaticFile(root, '/assets/app-1.js');
    expect(file).toMatchObject({ contentType: 'text/javascript; charset=utf-8', size: 14 });
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%5c..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/assets/link.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/assets',
    '/assets/',
    '/nope.js',
    'index.html',
  ])('refuses %s', async (urlPath) => {
    expect(await resolveStaticFile(root, urlPath)).toBeNull();
  });

  it.each([
    ['a.html', 'text/html; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.woff2', 'font/woff2'],
    ['a.PNG', 'image/png'],
    ['a.unknown', 'application/octet-stream'],
  ])('MIME type of %s', (name, type) => {
    expect(mimeType(name)).toBe(type);
  });
});
