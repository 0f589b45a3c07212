import { describe, expect, it } from 'vitest';
import { keepServer } from '../../../src/main/app/pinned-server';

describe('a queue target keeps its server when its site is edited', () => {
  const before = { host: 'old.example', port: 21, user: 'bob', password: 'old', charset: 'utf-8', transferMode: 'active' as const, tls: 'none' as const };

  it('host, port, user and charset stay; the mode and TLS follow the saved site', () => {
    const fresh = { host: 'new.example', port: 2121, user: 'alice', password: 'new', charset: 'gbk', transferMode: 'passive' as const, tls: 'explicit' as const };
    expect(keepServer(before, fresh)).toEqual({ host: 'old.example', port: 21, user: 'bob', password: 'old', charset: 'utf-8', transferMode: 'passive', tls: 'explicit' });
  });

  it('a new password for the same login is used', () => {
    expect(keepServer(before, { ...before, password: 'corrected' }).password).toBe('corrected');
  });
});
