import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from './appPath';

const root = path.resolve('/opt/review-desk/resources/app.asar/dist/renderer');
const inRoot = (...parts: string[]): string => path.join(root, ...parts);

describe('resolveAppPath', () => {
  it('maps files under the origin to files under the root', () => {
    expect(resolveAppPath(root, 'app://review-desk/index.html')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://review-desk/assets/index-B2x9.js')).toBe(
      inRoot('assets', 'index-B2x9.js'),
    );
    expect(resolveAppPath(root, 'app://review-desk/assets/logo.svg?v=2#x')).toBe(
      inRoot('assets', 'logo.svg'),
    );
  });

  it('decodes percent-encoded names', () => {
    expect(resolveAppPath(root, 'app://review-desk/fonts/Noto%20Sans.woff2')).toBe(
      inRoot('fonts', 'Noto Sans.woff2'),
    );
    expect(resolveAppPath(root, 'app://review-desk/%E8%AF%84%E5%AE%A1.png')).toBe(
      inRoot('评审.png'),
    );
  });

  it('serves index.html for the bare origin and for client-side routes', () => {
    for (const url of [
      'app://review-desk',
      'app://review-desk/',
      'app://review-desk/rounds',
      'app://review-desk/rounds/42/score',
      'app://review-desk/rounds/',
    ]) {
      expect(resolveAppPath(root, url), url).toBe(inRoot('index.html'));
    }
  });

  it.each([
    'app://review-desk/../secret.txt',
    'app://review-desk/assets/../../secret.txt',
    'app://review-desk/./index.html',
    'app://review-desk/%2e%2e/secret.txt',
    'app://review-desk/%2E%2E/secret.txt',
    'app://review-desk/.%2e/secret.txt',
    'app://review-desk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://review-desk/..%2fsecret.txt',
    'app://review-desk/..%5csecret.txt',
    'app://review-desk/assets\\..\\..\\secret.txt',
    'app://review-desk/assets%5c..%5csecret.txt',
    'app://review-desk//etc/passwd',
    'app://review-desk/%2fetc/passwd',
    'app://review-desk/C:/Windows/win.ini',
    'app://review-desk/C%3A/Windows/win.ini',
    'app://review-desk/index.html%00.png',
    'app://review-desk/index.html\u0000.png',
    'app://review-desk/index.html::$DATA',
    'app://review-desk/index.html.',
    'app://review-desk/%zz.js',
  ])('refuses the traversal or odd path %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it.each([
    'app://evil/index.html',
    'app://review-desk.evil/index.html',
    'app://user:pw@review-desk/index.html',
    'file:///opt/review-desk/resources/app.asar/dist/renderer/index.html',
    'https://review-desk/index.html',
    'not a url',
  ])('refuses requests outside our origin: %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('never returns a path outside the root, whatever the input', () => {
    const probes = ['..', '%2e%2e', '.%2E', '%252e%252e', 'a/..', '\\', '%5C', '%00', '~', '.git'];
    for (const a of probes) {
      for (const b of probes) {
        const resolved = resolveAppPath(root, `app://review-desk/${a}/${b}/x.js`);
        if (resolved !== null) expect(resolved.startsWith(root + path.sep), resolved).toBe(true);
      }
    }
  });
});
