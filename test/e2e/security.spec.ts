import { expect, test } from '@playwright/test';

/**
 * The renderer cannot reach the network. In the web build the CSP (the same policy
 * as electron/main/csp.ts) is what the app can promise; window.open there is the browser's own.
 * In the desktop app, window.open and navigation are refused by main: see
 * electron/main/trustedUrl.test.ts (windowOpenDecision is always 'deny') and
 * electron/main/security.test.ts (setWindowOpenHandler, will-navigate, request blocking).
 */
test('no way out: fetch, XHR, WebSocket, EventSource, images, scripts, frames and forms to remote hosts are all blocked', async ({
  page,
  context,
}) => {
  // A remote request that completed (got any answer) would be listed here.
  const remote: string[] = [];
  context.on('requestfinished', (request) => {
    if (new URL(request.url()).hostname !== '127.0.0.1') remote.push(request.url());
  });
  await page.goto('/');
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(e.violatedDirective),
    );
    const settle = <T>(p: Promise<T>) =>
      p.then(
        () => 'reached',
        () => 'blocked',
      );
    const results: Record<string, string> = {};
    for (const url of [
      'https://example.com/',
      'http://10.0.0.1/',
      'http://localhost:9/',
      'https://127.0.0.1.nip.io/',
    ]) {
      results[`fetch ${url}`] = await settle(fetch(url, { mode: 'no-cors' }));
    }
    results.xhr = await new Promise((resolve) => {
      try {
        const xhr = new XMLHttpRequest();
        xhr.open('GET', 'https://example.com/');
        xhr.onload = () => resolve('reached');
        xhr.onerror = () => resolve('blocked');
        xhr.send();
      } catch {
        resolve('blocked');
      }
    });
    results.websocket = await new Promise((resolve) => {
      try {
        const ws = new WebSocket('wss://example.com/');
        ws.onopen = () => resolve('reached');
        ws.onerror = () => resolve('blocked');
      } catch {
        resolve('blocked');
      }
    });
    results.eventsource = await new Promise((resolve) => {
      try {
        const es = new EventSource('https://example.com/');
        es.onopen = () => resolve('reached');
        es.onerror = () => {
          es.close();
          resolve('blocked');
        };
      } catch {
        resolve('blocked');
      }
    });
    results.image = await new Promise((resolve) => {
      const img = new Image();
      img.onload = () => resolve('reached');
      img.onerror = () => resolve('blocked');
      img.src = 'https://example.com/pixel.png';
    });
    results.script = await new Promise((resolve) => {
      const script = document.createElement('script');
      script.onload = () => resolve('reached');
      script.onerror = () => resolve('blocked');
      script.src = 'https://example.com/x.js';
      document.head.append(script);
    });
    results.beacon = navigator.sendBeacon('https://example.com/b', 'x') ? 'queued' : 'blocked';
    const frame = document.createElement('iframe');
    frame.src = 'https://example.com/';
    document.body.append(frame);
    const form = document.createElement('form');
    form.action = 'https://example.com/submit';
    form.method = 'post';
    document.body.append(form);
    form.submit();
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { results, violations: [...new Set(violations)].sort() };
  });
  for (const [what, result] of Object.entries(outcome.results)) {
    if (what === 'beacon') continue; // sendBeacon queues; the CSP then blocks it (checked below).
    expect(result, what).toBe('blocked');
  }
  expect(outcome.violations).toEqual(
    expect.arrayContaining([
      'connect-src',
      'img-src',
      'script-src-elem',
      'frame-src',
      'form-action',
    ]),
  );
  expect(remote).toEqual([]);
  // Still on the app: the form did not navigate away.
  expect(new URL(page.url()).hostname).toBe('127.0.0.1');
});

test('the CSP names no remote origin and forbids plugins, base rewriting and form posts', async ({
  page,
}) => {
  await page.goto('/');
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toBeTruthy();
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("form-action 'none'");
  expect(csp).not.toMatch(/https?:|wss?:|\*/);
});
