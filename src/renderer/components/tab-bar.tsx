/**
 * The connection tabs above the panes (FileZilla's): one per session, the shown one selected; a tab's close
 * button ends its session. The strip is a WAI-ARIA tablist with one tab stop (the tab shown): arrow keys move between
 * tabs, Home/End to the ends, Delete closes the tab (the APG's deletable tabs). The close buttons stand beside the
 * tablist (after it in the document, each drawn next to its tab); only the shown tab's is a tab stop, right after the
 * tablist, so Tab goes tab → its close button → New tab rather than through every tab's close button.
 */
import type { KeyboardEvent, ReactElement } from 'react';
import * as actions from '../actions';
import { useT, type Translator } from '../i18n';
import { isConnected, useSessionStore, type SessionStoreState } from '../stores/session-store';
import { useTabsStore } from '../stores/tabs-store';
import { tabNumbers } from '../lib/tab-numbers';
import { Icon } from './icons';

/** A tab's name: the site or host it is connected to, or what it is doing. */
export function tabLabel(session: SessionStoreState, t: Translator): string {
  const { status, target, connecting } = session;
  if (connecting) return target ? t('tabs.connectingTo', { host: target.host }) : t('tabs.connecting');
  if (isConnected(status)) return status.label || status.host;
  return t('tabs.notConnected');
}

/**
 * Closes a tab from its close button or from Delete on the tab; the control goes with the tab, so a keyboard there
 * moves to the tab now shown (it used to fall to the page, and the next Tab started again at the top of the window).
 */
async function closeKeepingFocus(id: number, from: HTMLElement): Promise<void> {
  const list = from.closest('.tab-list');
  const hadFocus = document.activeElement === from;
  await actions.closeTab(id);
  if (!hadFocus) return;
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) list?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  });
}

export function TabBar(): ReactElement {
  const t = useT();
  const tabs = useTabsStore((s) => s.tabs);
  const activeId = useTabsStore((s) => s.activeId);
  const status = useSessionStore((s) => s.status);
  const target = useSessionStore((s) => s.target);
  const connecting = useSessionStore((s) => s.connecting);
  const live: SessionStoreState = { status, target, connecting };
  const closable = tabs.length > 1;
  const sessions = tabs.map((tab) => (tab.snapshot ? tab.snapshot.session : live));
  const bare = sessions.map((session) => tabLabel(session, t));
  // The same site in two tabs: the second is "Alpha (2)", its number drawn outside the part a narrow tab cuts short.
  const numbers = tabNumbers(sessions.map((session, i) => (isConnected(session.status) || session.connecting ? (bare[i] ?? null) : null)));
  const numbered = bare.map((label, i) => (numbers[i] ? t('tabs.numbered', { label, n: numbers[i] }) : label));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Delete' && closable) {
      const tab = (e.target as HTMLElement).closest<HTMLElement>('[role="tab"]');
      if (!tab) return;
      e.preventDefault();
      void closeKeepingFocus(Number(tab.dataset.tabId), tab);
      return;
    }
    const index = tabs.findIndex((tab) => tab.id === activeId);
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    const chosen = next === null ? undefined : tabs[next];
    if (!chosen) return;
    e.preventDefault();
    const list = e.currentTarget;
    actions.switchTab(chosen.id);
    requestAnimationFrame(() => list.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus());
  };

  // The tablist owns its tabs only (WAI-ARIA; axe: aria-required-children): the close buttons are its siblings, not
  // its children. It has no box of its own (display: contents), so tabs and close buttons are items of one flex row,
  // drawn in pairs by `order` (tab i at 2i, its close button at 2i + 1).
  return (
    <div className="tab-bar">
      <div className="tab-list">
        <div role="tablist" aria-label={t('tabs.label')} className="tab-strip" onKeyDown={onKeyDown}>
          {tabs.map((tab, i) => {
            const session = sessions[i] ?? live;
            const label = numbered[i] ?? '';
            const number = numbers[i];
            const selected = tab.id === activeId;
            const on = isConnected(session.status) && !session.status.error;
            return (
              <button
                key={tab.id}
                type="button"
                role="tab"
                aria-selected={selected}
                aria-keyshortcuts={closable ? 'Delete' : undefined}
                data-tab-id={tab.id}
                tabIndex={selected ? 0 : -1}
                title={label}
                className={`conn-tab${selected ? ' is-selected' : ''}${closable ? ' has-close' : ''}`}
                style={{ order: 2 * i }}
                onClick={() => actions.switchTab(tab.id)}
              >
                <span className={`dot${on ? ' is-on' : ''}`} aria-hidden="true" />
                <span className="conn-tab-label">{bare[i]}</span>
                {number ? <span className="conn-tab-number">{t('tabs.number', { n: number })}</span> : null}
              </button>
            );
          })}
        </div>
        {closable
          ? tabs.map((tab, i) => {
              const label = numbered[i] ?? '';
              return (
                <span key={tab.id} className={`conn-tab-end${tab.id === activeId ? ' is-selected' : ''}`} style={{ order: 2 * i + 1 }}>
                  {/* A tab stop for the shown tab only (right after the tablist); the others are for the pointer. */}
                  <button
                    type="button"
                    className="icon-button conn-tab-close"
                    tabIndex={tab.id === activeId ? 0 : -1}
                    aria-label={t('tabs.close', { label })}
                    title={t('tabs.close', { label })}
                    onClick={(e) => void closeKeepingFocus(tab.id, e.currentTarget)}
                  >
                    <Icon name="close" size={12} />
                  </button>
                </span>
              );
            })
          : null}
      </div>
      <button type="button" className="icon-button" aria-label={t('tabs.new')} title={t('tabs.newTitle')} disabled={connecting} onClick={actions.newTab}>
        <Icon name="plus" size={14} />
      </button>
    </div>
  );
}
