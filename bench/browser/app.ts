/** The production web build, served by `vite preview`, driven in Debian's Chromium. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../../scripts/chromiumLaunch';

const VITE = join('node_modules', '.bin', 'vite');

/** Build the renderer and the CLI into folders of their own (e2e runs rebuild dist/renderer). */
export function buildApp(): { cli: string } {
  for (const args of [
    ['build', '--config', 'vite.config.ts', '--outDir', '../dist/bench-renderer', '--emptyOutDir'],
    ['build', '--config', 'vite.cli.config.ts', '--outDir', 'dist/bench-cli', '--emptyOutDir'],
  ]) {
    const run = spawnSync(VITE, [...args, '--logLevel', 'warn'], { stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`vite ${args.join(' ')} failed`);
  }
  return { cli: join('dist', 'bench-cli', 'review-desk.cjs') };
}

export interface PreviewServer {
  url: string;
  stop(): void;
}

export async function startPreview(port: number): Promise<PreviewServer> {
  const server: ChildProcess = spawn(
    VITE,
    [
      'preview',
      '--config',
      'vite.config.ts',
      '--outDir',
      '../dist/bench-renderer',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  );
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => {
    // Our own process group (detached above): vite and nothing else.
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  };
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`vite preview did not start on port ${port}`);
}

export interface Profile {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A Chromium with an on-disk profile of its own. Not an incognito context: there IndexedDB
 * lives in memory, and a "durable" save would never touch the disk.
 */
export async function launchProfile(): Promise<Profile> {
  const dir = mkdtempSync(join(tmpdir(), 'review-desk-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_EXECUTABLE,
    args: CHROMIUM_ARGS,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 860 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Peak resident memory (VmHWM) of each Chromium renderer process started by this Node process,
 * in MiB: a renderer holds the page's and its workers' JS heaps, so this bounds them from above.
 */
export function rendererPeaksMiB(): number[] {
  const parent = new Map<number, number>();
  const renderers: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) {
        renderers.push(pid);
      }
    } catch {
      // gone meanwhile
    }
  }
  const ours = (pid: number) => {
    for (let p = pid, hops = 0; p > 1 && hops < 10; p = parent.get(p) ?? 0, hops++) {
      if (p === process.pid) return true;
    }
    return false;
  };
  return renderers.filter(ours).map((pid) => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return hwm ? Number(hwm[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  });
}
