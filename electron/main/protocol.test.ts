import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp';

// The real 'electron' module cannot load outside Electron; capture what protocol.ts registers.
const registered = vi.hoisted(() => ({
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  schemes: [] as unknown[],
}));
vi.mock('electron', () => ({
  protocol: {
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
      registered.handlers.set(scheme, handler),
    registerSchemesAsPrivileged: (schemes: unknown[]) => registered.schemes.push(...schemes),
  },
}));

const { registerAppProtocol, registerPrivilegedScheme } = await import('./protocol');

let root: string;
beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'review-desk-protocol-'));
  root = path.join(dir, 'dist', 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>评审台</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'secret.txt'), 'outside the app');
  registerAppProtocol(root);
});
afterAll(async () => {
  await rm(path.dirname(path.dirname(root)), { recursive: true, force: true });
});

function get(url: string, method = 'GET'): Promise<Response> {
  const handler = registered.handlers.get('app');
  if (handler === undefined) throw new Error('app:// handler not registered');
  return handler({ url, method } as Request);
}

describe('app:// protocol', () => {
  it('registers app as a standard, secure, fetchable scheme without CSP bypass', () => {
    registerPrivilegedScheme();
    expect(registered.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves built files with type, CSP and nosniff', async () => {
    const response = await get('app://review-desk/assets/app.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for routes of the single-page app', async () => {
    const response = await get('app://review-desk/rounds/7');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('评审台');
  });

  it('answers 404 for a missing asset, not index.html', async () => {
    expect((await get('app://review-desk/assets/missing.js')).status).toBe(404);
  });

  it('answers 403 to traversal and foreign hosts, with CSP still attached', async () => {
    for (const url of [
      'app://review-desk/../secret.txt',
      'app://review-desk/%2e%2e/secret.txt',
      'app://other/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(403);
      expect(await response.text()).not.toContain('outside the app');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://review-desk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://review-desk/index.html', 'POST')).status).toBe(405);
  });
});
