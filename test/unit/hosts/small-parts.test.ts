import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META, devContentSecurityPolicy, withContentSecurityPolicyMeta } from '../../../src/main/hosts/content-security-policy';
import { createEventHub } from '../../../src/main/hosts/event-hub';
import { browserCommand } from '../../../src/main/hosts/open-browser';
import { defaultWebPort, splitRequestUrl } from '../../../src/main/hosts/web-host';

describe('content security policy', () => {
  it('allows only our own files and data: images: no inline script or style, no eval', () => {
    for (const directive of ["default-src 'self'", "script-src 'self';", "style-src 'self';", "img-src 'self' data:", "connect-src 'self'"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
      expect(CONTENT_SECURITY_POLICY_META).toContain(directive);
    }
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY_META).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY_META).not.toContain('frame-ancestors');
  });

  it('relaxes only for the dev server', () => {
    expect(devContentSecurityPolicy('http://localhost:5173/')).toContain('connect-src \'self\' ws://localhost:5173');
    // Vite's dev client puts CSS in <style> elements.
    expect(devContentSecurityPolicy('http://localhost:5173/')).toContain("style-src 'self' 'unsafe-inline'");
  });
});

describe('event hub', () => {
  it('fans out to every subscriber, survives a throwing one, and unsubscribes', () => {
    const errors: unknown[] = [];
    const hub = createEventHub((error) => errors.push(error));
    const seen: string[] = [];
    const stop = hub.subscribe((channel) => seen.push(`a:${channel}`));
    hub.subscribe(() => {
      throw new Error('broken transport');
    });
    hub.subscribe((channel) => seen.push(`c:${channel}`));
    hub.emit('queue:changed', []);
    stop();
    hub.emit('queue:changed', []);
    expect(seen).toEqual(['a:queue:changed', 'c:queue:changed', 'c:queue:changed']);
    expect(errors).toHaveLength(2);
  });
});

describe('web host helpers', () => {
  it('reads FERRY_WEB_PORT', () => {
    expect(defaultWebPort({})).toBe(0);
    expect(defaultWebPort({ FERRY_WEB_PORT: '8123' })).toBe(8123);
    expect(() => defaultWebPort({ FERRY_WEB_PORT: 'http' })).toThrow(/FERRY_WEB_PORT/);
  });

  it('never reads //host in a request target as an authority', () => {
    expect(splitRequestUrl('//evil.example/x?token=a').pathname).toBe('//evil.example/x');
    expect(splitRequestUrl('/a?token=t&b=1').query.get('token')).toBe('t');
    expect(splitRequestUrl('http://evil.example/').pathname).toBe('/');
    expect(splitRequestUrl(undefined).pathname).toBe('/');
  });

  it('opens a browser only where there is a desktop', () => {
    expect(browserCommand('http://x', 'linux', {})).toBeNull();
    expect(browserCommand('http://x', 'linux', { DISPLAY: ':0' })).toEqual({ command: 'xdg-open', args: ['http://x'] });
    expect(browserCommand('http://x', 'darwin', {})).toEqual({ command: 'open', args: ['http://x'] });
    expect(browserCommand('http://x', 'win32', {})?.command).toBe('cmd');
  });
});

describe('CSP meta tag in index.html', () => {
  const renderersOwn = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta
      http-equiv="Content-Security-Policy"
      content="default-src 'self'; connect-src 'self' ws://127.0.0.1:*"
    />
    <title>Ferry</title>
    <script type="module" crossorigin src="./assets/index.js"></script>
  </head>
</html>`;

  it('replaces any other policy with ours, after the charset and before every script', () => {
    const html = withContentSecurityPolicyMeta(renderersOwn);
    expect(html.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(html).not.toContain('ws://127.0.0.1:*');
    const meta = html.indexOf('Content-Security-Policy');
    expect(meta).toBeGreaterThan(html.indexOf('charset'));
    expect(meta).toBeLessThan(html.indexOf('<script'));
    expect(html).toContain(`content="${CONTENT_SECURITY_POLICY_META}"`);
  });

  it('goes right after <head> when there is no charset', () => {
    expect(withContentSecurityPolicyMeta('<html><head><script src="a.js"></script></head></html>')).toMatch(/^<html><head>\n {4}<meta http-equiv="Content-Security-Policy"[^>]*\/><script/);
  });
});
