import { EventEmitter } from 'node:events';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp';
import { applySecurity, hardenSession, hardenWebContents } from './security';

type Listener = (...args: never[]) => unknown;

/** Just enough of a Session to capture what security.ts installs. */
function fakeSession() {
  const installed: Record<string, Listener> = {};
  const session = {
    webRequest: {
      onBeforeRequest: (listener: Listener) => (installed.beforeRequest = listener),
      onHeadersReceived: (listener: Listener) => (installed.headersReceived = listener),
    },
    setPermissionRequestHandler: (handler: Listener) => (installed.permissionRequest = handler),
    setPermissionCheckHandler: (handler: Listener) => (installed.permissionCheck = handler),
    setDevicePermissionHandler: (handler: Listener) => (installed.devicePermission = handler),
    setSpellCheckerEnabled: vi.fn(),
  };
  const call = <T>(name: string, ...args: unknown[]): T => {
    const listener = installed[name] as ((...a: unknown[]) => T) | undefined;
    if (listener === undefined) throw new Error(`${name} was not installed`);
    return listener(...args);
  };
  return { session: session as unknown as Session, raw: session, call };
}

function beforeRequest(fake: ReturnType<typeof fakeSession>, url: string): unknown {
  let response: unknown;
  fake.call('beforeRequest', { url }, (r: unknown) => (response = r));
  return response;
}

describe('hardenSession', () => {
  it('cancels network and file requests, lets app/blob/data through', () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    expect(beforeRequest(fake, 'https://example.com/track.gif')).toEqual({ cancel: true });
    expect(beforeRequest(fake, 'http://localhost:5173/')).toEqual({ cancel: true });
    expect(beforeRequest(fake, 'wss://example.com/')).toEqual({ cancel: true });
    expect(beforeRequest(fake, 'file:///etc/passwd')).toEqual({ cancel: true });
    expect(beforeRequest(fake, 'app://review-desk/index.html')).toEqual({ cancel: false });
    expect(beforeRequest(fake, 'blob:app://review-desk/1')).toEqual({ cancel: false });
  });

  it('replaces any CSP header with ours, whatever its case', () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    let response: { responseHeaders: Record<string, string[]> } | undefined;
    fake.call(
      'headersReceived',
      {
        url: 'app://review-desk/index.html',
        responseHeaders: {
          'content-security-policy': ['default-src *'],
          'Content-Type': ['text/html'],
        },
      },
      (r: typeof response) => (response = r),
    );
    expect(response?.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it("leaves Chromium's own pages (PDF viewer, DevTools) their own policy", () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    let response: unknown;
    fake.call(
      'headersReceived',
      {
        url: 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
        responseHeaders: { 'Content-Security-Policy': ["script-src 'self'"] },
      },
      (r: unknown) => (response = r),
    );
    expect(response).toEqual({});
  });

  it('denies every permission request and check', () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      const callback = vi.fn();
      fake.call('permissionRequest', {}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(fake.call('permissionCheck', {}, permission, 'app://review-desk', {})).toBe(false);
    }
    expect(fake.call('devicePermission', { deviceType: 'usb' })).toBe(false);
    expect(fake.raw.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
  });

  it('grants the camera (video only) to the app page and nothing else (mediaPermission.ts)', () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    const ask = (mediaTypes: string[], requestingUrl: string) => {
      const callback = vi.fn();
      fake.call('permissionRequest', {}, 'media', callback, { mediaTypes, requestingUrl });
      return callback.mock.calls[0]?.[0] as unknown;
    };
    expect(ask(['video'], 'app://review-desk/index.html')).toBe(true);
    expect(ask(['video', 'audio'], 'app://review-desk/index.html')).toBe(false);
    expect(ask(['video'], 'https://example.com/')).toBe(false);
    expect(
      fake.call('permissionCheck', {}, 'media', 'app://review-desk', { mediaType: 'video' }),
    ).toBe(true);
    expect(
      fake.call('permissionCheck', {}, 'media', 'app://review-desk', { mediaType: 'audio' }),
    ).toBe(false);
  });
});

class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('hardenWebContents', () => {
  const contents = new FakeContents();
  hardenWebContents(contents as unknown as WebContents);

  it('lets the app navigate within itself', () => {
    const event = navigationEvent('app://review-desk/index.html');
    contents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it.each([
    'https://example.com/',
    'file:///etc/passwd',
    'app://review-desk.evil/',
    'javascript:alert(1)',
  ])('stops navigation and redirects to %s', (url) => {
    const navigation = navigationEvent(url);
    contents.emit('will-navigate', navigation, url);
    expect(navigation.preventDefault).toHaveBeenCalled();
    const redirect = navigationEvent(url);
    contents.emit('will-redirect', redirect, url);
    expect(redirect.preventDefault).toHaveBeenCalled();
  });

  it('opens no new windows', () => {
    expect(contents.windowOpenHandler?.({ url: 'app://review-desk/index.html' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
  });

  it('refuses to attach webviews', () => {
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('applySecurity', () => {
  it('hardens the default session, every later session and every web contents', () => {
    const app = new EventEmitter();
    const defaultSession = fakeSession();
    applySecurity(app as unknown as App, defaultSession.session);
    expect(beforeRequest(defaultSession, 'https://example.com/')).toEqual({ cancel: true });

    const later = fakeSession();
    app.emit('session-created', later.session);
    expect(beforeRequest(later, 'https://example.com/')).toEqual({ cancel: true });

    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
  });
});
