/**
 * A TLS connection as FileZilla's certificate dialog shows it: the session's TLS version and cipher, the chain
 * (server first, then each issuer; one tab each), and for the chosen certificate its subject and issuer attribute
 * by attribute, validity, serial number, alternative names, SHA-256 and SHA-1 fingerprints, public key and
 * signature algorithm — what a user needs to decide whether to trust it. Used by the unknown-certificate prompt
 * and the connection-security dialog.
 */
import { useState, type ReactElement, type ReactNode } from 'react';
import { useT, type MessageKey, type Translator } from '../i18n';
import { en } from '../i18n/en';
import { weakKey, weakSignature } from '../lib/certificate-warnings';
import { formatDate } from '../lib/format';
import { visibleControls } from '../../shared/server-words';
import type { CertificateDetails, NameAttribute, TlsDetails } from '../../shared/certificate';

/**
 * `children`: rows (dt/dd) to put before the TLS version, in the same grid (the connection-security dialog's server).
 * `connected`: the connection is established, so say why the certificate is trusted (an authority, or its fingerprint).
 */
export function TlsDetailsView({ tls, idPrefix, connected = false, children }: { readonly tls: TlsDetails; readonly idPrefix: string; readonly connected?: boolean; readonly children?: ReactNode }): ReactElement {
  const t = useT();
  const [index, setIndex] = useState(0);
  const chosen = tls.chain[Math.min(index, tls.chain.length - 1)];
  const tabId = (i: number): string => `${idPrefix}-cert-${i}`;
  return (
    <div className="tls-details">
      <dl className="details">
        {children}
        {connected ? (
          <>
            <dt>{t('cert.trust')}</dt>
            <dd>{t(tls.authorized ? 'cert.trustAuthority' : 'cert.trustFingerprint')}</dd>
          </>
        ) : null}
        <dt>{t('cert.protocol')}</dt>
        <dd>{tls.protocol}</dd>
        <dt>{t('cert.cipher')}</dt>
        <dd>
          <code>{tls.cipher}</code>
        </dd>
        {tls.keyExchange ? (
          <>
            <dt>{t('cert.keyExchange')}</dt>
            <dd>{tls.keyExchange}</dd>
          </>
        ) : null}
      </dl>
      {tls.chain.length > 1 ? (
        <div role="tablist" aria-label={t('cert.chain')} className="tabs cert-chain">
          {tls.chain.map((certificate, i) => (
            <button
              key={certificate.fingerprint256}
              type="button"
              role="tab"
              id={tabId(i)}
              aria-selected={i === index}
              aria-controls={`${idPrefix}-cert-panel`}
              tabIndex={i === index ? 0 : -1}
              className="tab"
              onClick={() => setIndex(i)}
              onKeyDown={(event) => {
                const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
                if (step === 0) return;
                event.preventDefault();
                const next = (i + step + tls.chain.length) % tls.chain.length;
                setIndex(next);
                document.getElementById(tabId(next))?.focus();
              }}
            >
              {t(i === 0 ? 'cert.chainServer' : 'cert.chainIssuer', { name: commonName(certificate.subject) })}
            </button>
          ))}
        </div>
      ) : null}
      {chosen ? (
        <div id={`${idPrefix}-cert-panel`} {...(tls.chain.length > 1 ? { role: 'tabpanel', 'aria-labelledby': tabId(index) } : {})}>
          <CertificateView certificate={chosen} />
        </div>
      ) : null}
    </div>
  );
}

function CertificateView({ certificate: c }: { readonly certificate: CertificateDetails }): ReactElement {
  const t = useT();
  const now = Date.now();
  const expired = Date.parse(c.validTo) < now;
  const early = Date.parse(c.validFrom) > now;
  return (
    <dl className="details cert-details">
      <dt>{t('cert.subject')}</dt>
      <dd>
        <NameView name={c.subject} />
      </dd>
      <dt>{t('cert.issuer')}</dt>
      <dd>{c.selfIssued ? t('cert.selfIssued') : <NameView name={c.issuer} />}</dd>
      <dt>{t('cert.validity')}</dt>
      <dd>
        {t('cert.validRange', { from: formatDate(c.validFrom) || c.validFrom, to: formatDate(c.validTo) || c.validTo })}
        {expired ? <strong className="cert-warning"> {t('cert.expired')}</strong> : early ? <strong className="cert-warning"> {t('cert.notYetValid')}</strong> : null}
      </dd>
      <dt>{t('cert.serial')}</dt>
      <dd>
        <code>{c.serialNumber}</code>
      </dd>
      <dt>{t('cert.altNames')}</dt>
      {/* The names are the certificate maker's to write: a U+202E or a control character is shown as its escape (server-words.ts). */}
      <dd>{c.subjectAltNames.length > 0 ? c.subjectAltNames.map((name) => <div key={name}>{visibleControls(name)}</div>) : t('cert.altNamesNone')}</dd>
      <dt>{t('cert.fingerprint')}</dt>
      <dd>
        <code className="fingerprint">{c.fingerprint256}</code>
      </dd>
      <dt>{t('cert.fingerprint1')}</dt>
      <dd>
        <code className="fingerprint">{c.fingerprint1}</code>
      </dd>
      <dt>{t('cert.publicKey')}</dt>
      <dd>
        {publicKey(t, c)}
        {weakKey(c) ? <strong className="cert-warning"> {t('cert.weakKey')}</strong> : null}
      </dd>
      <dt>{t('cert.signature')}</dt>
      <dd>
        {c.signatureAlgorithm}
        {weakSignature(c) ? <strong className="cert-warning"> {t('cert.weakSignature')}</strong> : null}
      </dd>
    </dl>
  );
}

function NameView({ name }: { readonly name: readonly NameAttribute[] }): ReactElement {
  const t = useT();
  return (
    <>
      {name.map((attribute, i) => (
        <div key={`${i}-${attribute.type}`} className="cert-attribute">
          {attributeLine(t, attribute)}
        </div>
      ))}
    </>
  );
}

/** "Common name (CN): 127.0.0.1"; an attribute without a translation is shown by its short name. */
function attributeLine(t: Translator, { type, value }: NameAttribute): string {
  const key = `cert.attr.${type}`;
  return key in en ? t('cert.attr', { label: t(key as MessageKey), type, value }) : t('cert.attrOther', { type, value });
}

function publicKey(t: Translator, c: CertificateDetails): string {
  const { algorithm, bits, curve } = c.publicKey;
  if (bits === null) return algorithm;
  return curve ? t('cert.keyCurve', { algorithm, bits, curve }) : t('cert.keyBits', { algorithm, bits });
}

function commonName(name: readonly NameAttribute[]): string {
  return name.find((attribute) => attribute.type === 'CN')?.value ?? name.map((attribute) => attribute.value).join(', ');
}
