import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createPlatformApi } from './api';

/**
 * The preload's surface: what the page can call is exactly the Platform interface —
 * file pickers, printing, the key calls info/create/unlock/sign (public key and signatures
 * only), and the automatic backup on close (a folder chosen in a native dialog, archive writes
 * under a fixed name pattern, the close handshake) — and nothing else. The members are read from
 * the interfaces' source, so adding a method to the preload without declaring it in Platform (or
 * vice versa) fails here.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const platformSource = join(repoRoot, 'shared', 'platform', 'Platform.ts');

function interfaceMembers(name: string): string[] {
  const file = ts.createSourceFile(
    platformSource,
    readFileSync(platformSource, 'utf8'),
    ts.ScriptTarget.ES2022,
    true,
  );
  let found: ts.InterfaceDeclaration | undefined;
  file.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === name) found = node;
  });
  if (!found) throw new Error(`interface ${name} not found in Platform.ts`);
  return found.members.map((m) => (m.name as ts.Identifier).text).sort();
}

/** Every path of the object as the page sees it, e.g. `keys.sign`. */
function surface(value: object, prefix = ''): string[] {
  return Object.keys(value).flatMap((key) => {
    const member = (value as Record<string, unknown>)[key];
    const path = `${prefix}${key}`;
    return typeof member === 'object' && member !== null ? surface(member, `${path}.`) : [path];
  });
}

describe('preload API surface', () => {
  const api = createPlatformApi(
    async () => ({ ok: true, value: undefined }),
    () => () => {},
  );

  it('exposes exactly the members of Platform, KeyCustody and AutoBackupHost', () => {
    const expected = [
      ...interfaceMembers('Platform').filter((m) => m !== 'keys' && m !== 'autoBackup'),
      ...interfaceMembers('KeyCustody').map((m) => `keys.${m}`),
      ...interfaceMembers('AutoBackupHost').map((m) => `autoBackup.${m}`),
    ].sort();
    expect(surface(api).sort()).toEqual(expected);
  });

  it('lets the page listen to one message only, the close request, and write under one name pattern', () => {
    const listening = surface(api).filter((path) => /^on[A-Z]|\.on[A-Z]/.test(path));
    expect(listening).toEqual(['autoBackup.onCloseRequested']);
    expect(Object.keys(api.autoBackup).sort()).toEqual([
      'chooseFolder',
      'clearFolder',
      'closeAck',
      'closeCancel',
      'closeNow',
      'folder',
      'onCloseRequested',
      'write',
    ]);
  });

  it('offers no way to read key material: the key calls are info, create, unlock and sign', () => {
    expect(Object.keys(api.keys).sort()).toEqual(['create', 'info', 'sign', 'unlock']);
    const everything = surface(api).join(' ');
    expect(everything).not.toMatch(/private|seed|export|secret|pem|raw|invoke|ipc|send|listen/i);
  });

  it('hands the page functions and plain values only, no ipcRenderer or prototype tricks', () => {
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(api.keys)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(api.autoBackup)).toBe(Object.prototype);
    for (const path of surface(api)) {
      const value = path
        .split('.')
        .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], api);
      expect(['function', 'string'], path).toContain(typeof value);
    }
  });

  it('is the only thing the preload puts into the page', () => {
    const preload = readFileSync(fileURLToPath(new URL('./index.ts', import.meta.url)), 'utf8');
    const exposures = preload.match(/exposeInMainWorld\(/g) ?? [];
    expect(exposures).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\(\s*'reviewDesk',\s*createPlatformApi\(/);
    // ipcRenderer is used inside the invoke closure and by listenOn (events.ts, which hands the
    // page's listeners no arguments; events.test.ts), never passed to the page itself.
    const body = preload
      .replace(/^import .*$/gm, '')
      .replace(/\/\/.*$/gm, '')
      .replace(/ipcRenderer\.invoke\(/g, '')
      .replace(/listenOn\(ipcRenderer\)/g, '');
    expect(body).not.toMatch(/ipcRenderer/);
  });
});
