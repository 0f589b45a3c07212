// @vitest-environment jsdom
/**
 * The certificate view of the security dialogs (components/certificate-details.tsx), from data: the chain as tabs
 * (click and arrow keys), why a connection is trusted, and what no longer protects marked — a SHA-1 signature by an
 * issuer, a 1024-bit RSA key, an expired certificate — while a self-signed certificate's own SHA-1 signature is not.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TlsDetailsView } from '../../../src/renderer/components/certificate-details';
import { weakKey, weakSignature } from '../../../src/renderer/lib/certificate-warnings';
import type { CertificateDetails, TlsDetails } from '../../../src/shared/certificate';

const fingerprint = (byte: string): string => Array.from({ length: 32 }, () => byte).join(':');

const leaf: CertificateDetails = {
  subject: [{ type: 'CN', value: 'ftp.example.com' }],
  issuer: [{ type: 'CN', value: 'Old CA' }],
  validFrom: '2015-01-01T00:00:00.000Z',
  validTo: '2016-01-01T00:00:00.000Z',
  serialNumber: '01',
  subjectAltNames: [],
  fingerprint256: fingerprint('AA'),
  fingerprint1: 'AA:BB',
  publicKey: { algorithm: 'RSA', bits: 1024, curve: null },
  signatureAlgorithm: 'sha1WithRSAEncryption',
  selfIssued: false,
};
const root: CertificateDetails = { ...leaf, subject: [{ type: 'CN', value: 'Old CA' }], fingerprint256: fingerprint('CC'), publicKey: { algorithm: 'RSA', bits: 4096, curve: null }, selfIssued: true, validTo: '2099-01-01T00:00:00.000Z' };
const tls: TlsDetails = { protocol: 'TLSv1.2', cipher: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', keyExchange: 'X25519', chain: [leaf, root], authorized: true };

describe('the certificate view', () => {
  afterEach(cleanup);

  it("a certificate's names with a U+202E or a control character are shown with escapes: the subject, the tab, the alternative names", () => {
    const turned: CertificateDetails = { ...leaf, subject: [{ type: 'CN', value: 'ftp.\u202emoc.elpmaxe' }], subjectAltNames: ['DNS:a\u202eb.com', 'DNS:c\u001b[2Jd'] };
    render(createElement(TlsDetailsView, { tls: { ...tls, chain: [turned, root] }, idPrefix: 't', connected: true }));
    expect(screen.getAllByRole('tab')[0]?.textContent).toBe('Server: ftp.\\u202emoc.elpmaxe');
    const panel = screen.getByRole('tabpanel');
    expect(within(panel).getByText('DNS:a\\u202eb.com')).toBeTruthy();
    expect(within(panel).getByText('DNS:c\\u001b[2Jd')).toBeTruthy();
    // eslint-disable-next-line no-control-regex -- control characters are exactly what the dialog must not hold
    expect(panel.textContent).not.toMatch(/[\u202e\u001b]/u);
  });

  it('marks the weak parts of the server certificate, not a self-signed root’s own SHA-1 signature', () => {
    expect(weakSignature(leaf)).toBe(true);
    expect(weakSignature(root)).toBe(false);
    expect(weakSignature({ ...leaf, signatureAlgorithm: 'ecdsa-with-SHA1' })).toBe(true);
    expect(weakSignature({ ...leaf, signatureAlgorithm: 'sha256WithRSAEncryption' })).toBe(false);
    expect(weakKey(leaf)).toBe(true);
    expect(weakKey(root)).toBe(false);
    expect(weakKey({ ...leaf, publicKey: { algorithm: 'EC', bits: 256, curve: 'prime256v1' } })).toBe(false);
    expect(weakKey({ ...leaf, publicKey: { algorithm: 'Ed25519', bits: 256, curve: null } })).toBe(false);

    render(createElement(TlsDetailsView, { tls, idPrefix: 't', connected: true }));
    expect(screen.getByText('A certificate authority this computer trusts vouches for it.')).toBeTruthy();
    const panel = screen.getByRole('tabpanel');
    expect(within(panel).getByText(/Weak: a key this short can be broken\./)).toBeTruthy();
    expect(within(panel).getByText(/Weak: a signature made this way can be forged\./)).toBeTruthy();
    expect(within(panel).getByText(/Expired\./)).toBeTruthy();

    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Server: ftp.example.com', 'Issued by: Old CA']);
    fireEvent.keyDown(tabs[0] as HTMLElement, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Issued by: Old CA' }).getAttribute('aria-selected')).toBe('true');
    const rootPanel = screen.getByRole('tabpanel');
    expect(within(rootPanel).getByText('Same as the subject: the certificate signed itself.')).toBeTruthy();
    expect(within(rootPanel).queryByText(/Weak:/)).toBeNull();
    expect(within(rootPanel).queryByText(/Expired\./)).toBeNull();
  });
});
