/**
 * The connection tabs above the panes (FileZilla's): one per session, the shown one selected; a tab's close
 * button ends its session. The strip is a WAI-ARIA tablist: arrow keys move between tabs, Home/End to the ends.
 */
import type { KeyboardEvent, ReactElement } from 'react';
import * as actions from '../actions';
import { useT, type Translator } from '../i18n';
import { isConnected, useSessionStore, type SessionStoreState } from '../stores/session-store';
import { useTabsStore } from '../stores/tabs-store';
import { Icon } from './icons';

/** A tab's name: the site or host it is connected to, or what it is doing. */
export function tabLabel(session: SessionStoreState, t: Translator): string {
  const { status, target, connecting } = session;
  if (connecting) return target ? `${target.host} — ${t('tabs.connecting')}` : t('tabs.connecting');
  if (isConnected(status)) return status.label || status.host;
  return t('tabs.notConnected');
}

/**
 * Closes a tab from its close button; the button goes with the tab, so a keyboard there moves to the tab now shown
 * (it used to fall to the page, and the next Tab started again at the top of the window).
 */
async function closeFromButton(id: number, button: HTMLElement): Promise<void> {
  const list = button.closest('[role="tablist"]');
  const hadFocus = document.activeElement === button;
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

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
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

  return (
    <div className="tab-bar">
      <div role="tablist" aria-label={t('tabs.label')} className="tab-list" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const session = tab.snapshot ? tab.snapshot.session : live;
          const label = tabLabel(session, t);
          const selected = tab.id === activeId;
          const on = isConnected(session.status) && !session.status.error;
          return (
            <div key={tab.id} role="presentation" className={`conn-tab${selected ? ' is-selected' : ''}`}>
              <button type="button" role="tab" aria-selected={selected} tabIndex={selected ? 0 : -1} title={label} onClick={() => actions.switchTab(tab.id)}>
                <span className={`dot${on ? ' is-on' : ''}`} aria-hidden="true" />
                <span className="conn-tab-label">{label}</span>
              </button>
              {tabs.length > 1 ? (
                <button type="button" className="icon-button conn-tab-close" aria-label={t('tabs.close', { label })} title={t('tabs.close', { label })} onClick={(e) => void closeFromButton(tab.id, e.currentTarget)}>
                  <Icon name="close" size={12} />
                </button>
              ) : null}
            </div>
          );
        })}
      </div>
      <button type="button" className="icon-button" aria-label={t('tabs.new')} title={t('tabs.newTitle')} disabled={connecting} onClick={actions.newTab}>
        <Icon name="plus" size={14} />
      </button>
    </div>
  );
}
