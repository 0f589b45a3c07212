/**
 * "Copy to another site…" (FlashFXP's site-to-site transfer): the chosen remote files go to a saved site's folder,
 * server to server, or through this computer when a server forbids that.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import * as actions from '../actions';
import { useT, type Translator } from '../i18n';
import { useSessionStore } from '../stores/session-store';
import { useSitesStore } from '../stores/sites-store';
import { Dialog } from './dialog';

export function CopyToSiteDialog({ paths, folders = [] }: { readonly paths: readonly string[]; readonly folders?: readonly string[] }): ReactElement {
  const t = useT();
  const currentSite = useSessionStore((s) => s.status?.siteId ?? null);
  const sites = useSitesStore((s) => s.list.sites).filter((site) => site.id !== currentSite);
  const [siteId, setSiteId] = useState(sites[0]?.id ?? '');
  const [folder, setFolder] = useState(sites[0]?.remoteDir || '/');
  const [viaLocal, setViaLocal] = useState(false);
  const choose = (id: string) => {
    setSiteId(id);
    setFolder(sites.find((site) => site.id === id)?.remoteDir || '/');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (siteId !== '') void actions.copyToSite(paths, siteId, folder.trim() || '/', viaLocal, false, folders);
  };
  return (
    <Dialog title={t('copy.title')} onClose={actions.closeCopyToSite} className="small">
      <form onSubmit={submit}>
        <div className="form-stack dialog-body">
          <p className="dialog-message">{copyWhat(t, paths.length, folders.length)}</p>
          {sites.length === 0 ? (
            <p className="field-error">{t('copy.noSites')}</p>
          ) : (
            <>
              <div className="field">
                <label htmlFor="copy-site">{t('copy.site')}</label>
                <select id="copy-site" value={siteId} onChange={(e) => choose(e.target.value)}>
                  {sites.map((site) => (
                    <option key={site.id} value={site.id}>
                      {t('copy.siteOption', { site: [...site.folder, site.name].join(' / '), host: site.host })}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="copy-folder">{t('copy.folder')}</label>
                <input id="copy-folder" value={folder} spellCheck={false} onChange={(e) => setFolder(e.target.value)} />
              </div>
              <label className="checkbox">
                <input type="checkbox" checked={viaLocal} onChange={(e) => setViaLocal(e.target.checked)} />
                <span>{t('copy.viaLocalOption')}</span>
              </label>
            </>
          )}
        </div>
        <div className="dialog-buttons">
          <span className="spacer" />
          <button type="submit" className="button primary" disabled={siteId === ''} data-autofocus>
            {t('copy.run')}
          </button>
          <button type="button" className="button" onClick={actions.closeCopyToSite}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** "Copy 2 files from this server to:", or with folders "Copy 1 file and 2 folders …" (folders were left out before). */
function copyWhat(t: Translator, files: number, folders: number): string {
  if (folders === 0) return t.plural('copy.what', files);
  if (files === 0) return t.plural('copy.whatFolders', folders);
  return t('copy.whatMixed', { files: t.plural('pane.files', files), folders: t.plural('pane.folders', folders) });
}
