/**
 * The app-wide Electron protections with stand-in objects (no Electron binary needed): every web contents denies new
 * windows and prevents navigation, redirects and <webview>; every response carries our CSP and no other.
 */
import { EventEmitter } from 'node:events';
import type { App, Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { installContentSecurityPolicy, lockDownWebContents } from '../../../src/main/electron/hardening';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/hosts/content-security-policy';

type OpenHandler = (details: { url: string }) => { action: string };

/** A web contents as the hardening sees it: events, and one window-open handler. */
class FakeContents extends EventEmitter {
  openHandler: OpenHandler | null = null;
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }
}

function navigationEvent(url: string): { url: string; prevented: boolean; preventDefault(): void } {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

describe('Electron web contents lock-down', () => {
  it('denies every new window and prevents navigation, redirects and <webview> for each web contents', () => {
    const app = new EventEmitter();
    const lines: string[] = [];
    lockDownWebContents(app as unknown as App, (line) => lines.push(line));
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);

    for (const url of ['https://example.com/', 'file:///etc/passwd', 'javascript:alert(1)']) expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    for (const [event, url] of [
      ['will-navigate', 'https://evil.example/'],
      ['will-navigate', 'file:///home/you/'],
      ['will-redirect', 'https://evil.example/'],
      ['will-attach-webview', ''],
    ] as const) {
      const navigation = navigationEvent(url);
      contents.emit(event, navigation);
      expect(navigation.prevented, `${event} ${url}`).toBe(true);
    }
    expect(lines).toContain('Blocked a new window for https://example.com/');
    expect(lines).toContain('Blocked navigation to https://evil.example/');
    expect(lines).toContain('Blocked a <webview>.');
  });
});

describe('Electron CSP header', () => {
  it('replaces any Content-Security-Policy a response carries with ours, keeping the other headers', () => {
    type Listener = (details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void;
    const installed: { listener?: Listener } = {};
    const session = { webRequest: { onHeadersReceived: (handler: Listener) => void (installed.listener = handler) } };
    installContentSecurityPolicy(session as unknown as Session, CONTENT_SECURITY_POLICY);
    const answer = (details: { responseHeaders?: Record<string, string[]> }): Record<string, string[]> | null => {
      let answered: Record<string, string[]> | null = null;
      installed.listener?.(details, (response) => (answered = response.responseHeaders));
      return answered;
    };
    expect(answer({ responseHeaders: { 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'Content-Type': ['text/html'] } })).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(answer({})).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
