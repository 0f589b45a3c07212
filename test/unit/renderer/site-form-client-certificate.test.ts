/** The Site Manager's client certificate fields (Advanced): checked as typed, sent as full paths, absent when empty. */
import { describe, expect, it } from 'vitest';
import type { Site } from '../../../src/shared/models';
import { draftFromSite, draftToInput, isFullPath, newSiteDraft, validateDraft, type SiteDraft } from '../../../src/renderer/lib/site-form';

const valid = (patch: Partial<SiteDraft> = {}): SiteDraft => ({ ...newSiteDraft([], 'New site'), host: 'h', user: 'u', ...patch });

describe('client certificate fields', () => {
  it('empty: no error, nothing sent', () => {
    expect(validateDraft(valid())).toEqual({});
    const input = draftToInput(valid({ clientCertFile: '  ', clientKeyFile: '' }));
    expect('clientCertFile' in input || 'clientKeyFile' in input).toBe(false);
  });

  it('full paths are sent trimmed; a path that is not full, or a key without a certificate, is an error on its field', () => {
    expect(draftToInput(valid({ clientCertFile: ' /home/u/client.pem ', clientKeyFile: '/home/u/client.key' }))).toMatchObject({ clientCertFile: '/home/u/client.pem', clientKeyFile: '/home/u/client.key' });
    expect(validateDraft(valid({ clientCertFile: 'client.pem' }))).toEqual({ clientCertFile: 'validation.fullPath' });
    expect(validateDraft(valid({ clientCertFile: '/c.pem', clientKeyFile: 'key.pem' }))).toEqual({ clientKeyFile: 'validation.fullPath' });
    expect(validateDraft(valid({ clientKeyFile: '/home/u/client.key' }))).toEqual({ clientKeyFile: 'validation.keyWithoutCert' });
  });

  it('full paths on Linux, macOS and Windows', () => {
    for (const full of ['/etc/ssl/client.pem', 'C:\\Users\\u\\client.pem', 'd:/certs/client.pem', '\\\\server\\share\\client.pem']) expect(isFullPath(full), full).toBe(true);
    for (const relative of ['client.pem', './client.pem', '~/client.pem', 'C:client.pem']) expect(isFullPath(relative), relative).toBe(false);
  });

  it('a saved site fills the fields', () => {
    const site = { ...draftToInput(valid({ clientCertFile: '/c.pem' })), id: 'x', hasPassword: false } as Site;
    expect(draftFromSite(site)).toMatchObject({ clientCertFile: '/c.pem', clientKeyFile: '' });
  });
});
