/**
 * LibreOffice for tests: where soffice is, and a conversion with a fresh profile each time (a
 * shared profile locks when runs overlap). CI installs libreoffice-calc (.ci/run); there a
 * missing soffice is a failure, not a skip.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

function findSoffice(): string | null {
  for (const candidate of ['soffice', 'libreoffice']) {
    try {
      return execFileSync('which', [candidate], { encoding: 'utf8' }).trim() || null;
    } catch {
      // not on PATH; try the next name
    }
  }
  return null;
}

export const soffice = findSoffice();
export const inCi = process.env.CI === 'true' || process.env.CI === '1';

/** Temporary folders, removed by `removeScratch` (call it in afterAll). */
const temporary: string[] = [];
export function scratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}
export function removeScratch(): void {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Convert `input` with Calc to the filter `to` into `outDir`. */
export function convert(input: string, to: string, outDir: string): string {
  const profile = scratch('lo-profile-');
  execFileSync(
    soffice!,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--convert-to',
      to,
      '--outdir',
      outDir,
      input,
    ],
    { stdio: 'pipe', timeout: 110_000 },
  );
  return outDir;
}
