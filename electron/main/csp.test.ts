import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp';

function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name === undefined || name === '') continue;
    expect(directives.has(name), `duplicate directive ${name}`).toBe(false);
    directives.set(name, sources);
  }
  return directives;
}

const csp = parseCsp(CONTENT_SECURITY_POLICY);
const sourcesOf = (name: string): string[] => csp.get(name) ?? [];

describe('CONTENT_SECURITY_POLICY', () => {
  it('loads scripts only from the app itself, never eval or inline', () => {
    expect(sourcesOf('script-src')).toEqual(["'self'"]);
    expect(sourcesOf('default-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('strict-dynamic');
  });

  it("allows 'unsafe-inline' only for styles", () => {
    expect(sourcesOf('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    for (const [name, sources] of csp) {
      if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'");
    }
  });

  it('names no remote origin and no wildcard anywhere', () => {
    const allowedSources = new Set(["'self'", "'none'", "'unsafe-inline'", 'blob:', 'data:']);
    for (const [name, sources] of csp) {
      for (const source of sources) {
        expect(allowedSources.has(source), `${name} ${source}`).toBe(true);
      }
    }
  });

  it('locks down plugins, base, forms and framing by others', () => {
    expect(sourcesOf('object-src')).toEqual(["'none'"]);
    expect(sourcesOf('base-uri')).toEqual(["'none'"]);
    expect(sourcesOf('form-action')).toEqual(["'none'"]);
    expect(sourcesOf('frame-ancestors')).toEqual(["'none'"]);
  });

  it('allows exactly what attachments need', () => {
    expect(sourcesOf('img-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(sourcesOf('frame-src')).toEqual(["'self'", 'blob:']);
    expect(sourcesOf('connect-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(sourcesOf('worker-src')).toEqual(["'self'", 'blob:']);
  });

  it('fits in one header line', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/[\r\n]/);
  });
});
