import { describe, expect, it } from 'vitest';
import {
  isNetworkRequest,
  isTrustedAppUrl,
  navigationDecision,
  shouldCancelRequest,
  windowOpenDecision,
} from './trustedUrl';

describe('isTrustedAppUrl', () => {
  it.each([
    'app://review-desk/',
    'app://review-desk',
    'app://review-desk/index.html',
    'app://review-desk/assets/index-abc123.js?v=1#top',
    // Schemes are case-insensitive everywhere.
    'APP://review-desk/index.html',
  ])('trusts %s', (url) => {
    expect(isTrustedAppUrl(url)).toBe(true);
  });

  it.each([
    // Chromium lowercases the host of a standard scheme before main sees a URL, so a mixed-case
    // host did not come from our renderer; Node keeps it as is, and we refuse it.
    'APP://REVIEW-DESK/index.html',
    'App://Review-Desk/',
    'app://re%76iew-desk/',
    'app://review.evil/',
    'app://review-desk.evil/',
    'app://review-desk.evil',
    'app://evil/review-desk',
    'app://evil/app://review-desk/',
    'app://review-desk@evil/',
    'app://user:pw@review-desk/',
    'app://user@review-desk/',
    'app://review-desk:8080/',
    'app://review-desk./',
    'app://xn--review-desk/',
    'apps://review-desk/',
    'app:review-desk/index.html',
    'app:///review-desk/',
    'javascript:alert(1)',
    "javascript://review-desk/%0aalert('x')",
    'data:text/html,<script>alert(1)</script>',
    'blob:app://review-desk/3f1c',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'file://review-desk/index.html',
    'http://localhost:5173/',
    'https://review-desk/',
    'http://review-desk/',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    '',
    ' ',
    'review-desk',
    '/index.html',
    '//review-desk/',
    'app://',
    'app://[::1/',
    'http://%zz',
  ])('does not trust %s', (url) => {
    expect(isTrustedAppUrl(url)).toBe(false);
  });

  it('does not trust non-strings', () => {
    for (const value of [undefined, null, 42, {}, ['app://review-desk/']]) {
      expect(isTrustedAppUrl(value)).toBe(false);
    }
  });
});

describe('navigationDecision', () => {
  it('allows moving within the app', () => {
    expect(navigationDecision('app://review-desk/index.html#/rounds')).toBe('allow');
  });

  it.each(['https://example.com/', 'file:///tmp/x.html', 'app://review-desk.evil/', 'data:,x'])(
    'denies %s',
    (url) => {
      expect(navigationDecision(url)).toBe('deny');
    },
  );
});

describe('windowOpenDecision', () => {
  it('denies every new window, even one on our own origin', () => {
    expect(windowOpenDecision('app://review-desk/index.html')).toBe('deny');
    expect(windowOpenDecision('https://example.com/')).toBe('deny');
  });
});

describe('isNetworkRequest', () => {
  it.each([
    'http://localhost/',
    'https://example.com/',
    'HTTPS://EXAMPLE.COM/',
    'ws://127.0.0.1:9229/',
    'wss://example.com/socket',
    'ftp://example.com/file',
  ])('treats %s as network', (url) => {
    expect(isNetworkRequest(url)).toBe(true);
  });

  it.each([
    'app://review-desk/x.js',
    'blob:app://review-desk/1',
    'data:,x',
    'devtools://devtools/',
  ])('treats %s as local', (url) => {
    expect(isNetworkRequest(url)).toBe(false);
  });
});

describe('shouldCancelRequest', () => {
  it('cancels network, file:// and unparseable requests', () => {
    expect(shouldCancelRequest('https://example.com/')).toBe(true);
    expect(shouldCancelRequest('file:///etc/passwd')).toBe(true);
    expect(shouldCancelRequest('not a url')).toBe(true);
  });

  it('lets the app load its own files and in-memory data', () => {
    expect(shouldCancelRequest('app://review-desk/index.html')).toBe(false);
    expect(shouldCancelRequest('blob:app://review-desk/5e0c')).toBe(false);
    expect(shouldCancelRequest('data:image/png;base64,AAAA')).toBe(false);
  });
});
