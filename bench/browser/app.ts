/** The production web build, served by `vite preview`, driven in Debian's Chromium. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../../scripts/chromiumLaunch';

const VITE = join('node_modules', '.bin', 'vite');

/** Where the bench builds the renderer under `dist` (see buildApp). */
const rendererDir = (dist: string) => resolve(dist, 'bench-renderer');

/**
 * Build the renderer and the CLI into folders of their own under `dist` (e2e runs rebuild
 * dist/renderer; `--dist` keeps two bench runs from rebuilding each other's). `readable`: the
 * renderer unminified, so that a CPU profile names the app's own functions; `build: false`
 * keeps what a previous run built there.
 */
export function buildApp(
  dist: string,
  { readable, build }: { readable: boolean; build: boolean },
): { cli: string } {
  const cli = resolve(dist, 'bench-cli');
  const renderer = ['build', '--config', 'vite.config.ts', '--outDir', rendererDir(dist)];
  const builds = [
    [...renderer, '--emptyOutDir', ...(readable ? ['--minify', 'false'] : [])],
    ['build', '--config', 'vite.cli.config.ts', '--outDir', cli, '--emptyOutDir'],
  ];
  for (const args of build ? builds : []) {
    const run = spawnSync(VITE, [...args, '--logLevel', 'warn'], { stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`vite ${args.join(' ')} failed`);
  }
  return { cli: join(cli, 'review-desk.cjs') };
}

export interface PreviewServer {
  url: string;
  stop(): void;
}

/** Whether nothing listens on 127.0.0.1:`port` (another server there would be measured instead). */
function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

export async function startPreview(port: number, dist: string): Promise<PreviewServer> {
  if (!(await portFree(port))) {
    throw new Error(`port ${port} is in use: another server there would be measured (--port N)`);
  }
  const server: ChildProcess = spawn(
    VITE,
    [
      'preview',
      '--config',
      'vite.config.ts',
      '--outDir',
      rendererDir(dist),
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

/** Chromium processes started by this Node process, with their --type (browser when none). */
function ourChromiumProcesses(): { pid: number; type: string }[] {
  const parent = new Map<number, number>();
  const chromium: { pid: number; type: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.startsWith(CHROMIUM_EXECUTABLE) || cmdline.includes('/chromium')) {
        chromium.push({ pid, type: /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? 'browser' });
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
  return chromium.filter(({ pid }) => ours(pid));
}

/**
 * Peak resident memory (VmHWM) of each Chromium renderer process started by this Node process,
 * in MiB: a renderer holds the page's and its workers' JS heaps, so this bounds them from above.
 */
export function rendererPeaksMiB(): number[] {
  return ourChromiumProcesses()
    .filter(({ type }) => type === 'renderer')
    .map(({ pid }) => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return hwm ? Number(hwm[1]) / 1024 : 0;
      } catch {
        return 0;
      }
    });
}

/**
 * CPU time (user + system, ms) used so far by our Chromium's processes, by process type. A
 * process's counters include its threads that have ended (the import's worker, for one).
 */
export function chromiumCpuMs(): Map<string, number> {
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  const byType = new Map<string, number>();
  for (const { pid, type } of ourChromiumProcesses()) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
      byType.set(type, (byType.get(type) ?? 0) + ms);
    } catch {
      // gone meanwhile
    }
  }
  return byType;
}

/** CPU ms by process type between two chromiumCpuMs() readings, and their total. */
export function cpuSpent(
  before: Map<string, number>,
  after: Map<string, number>,
): { total: number; byType: Map<string, number> } {
  const byType = new Map<string, number>();
  let total = 0;
  for (const [type, ms] of after) {
    const spent = ms - (before.get(type) ?? 0);
    byType.set(type, spent);
    total += spent;
  }
  return { total, byType };
}

const total = (cpu: Map<string, number>) => [...cpu.values()].reduce((sum, ms) => sum + ms, 0);

/** CPU ms the whole machine has spent so far busy (all cores, kernel threads too) and waiting on the disk. */
function machineCpuMs(): { busy: number; iowait: number } {
  // "cpu  user nice system idle iowait irq softirq steal …" in ticks of 10 ms.
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const [user, nice, system, , iowait, irq, softirq] = fields.slice(1, 8).map(Number);
  return { busy: (user! + nice! + system! + irq! + softirq!) * 10, iowait: iowait! * 10 };
}

/**
 * Flush the file systems, then wait until the whole machine has been less than `busyShare` of
 * one core busy (and as little waiting on the disk) over the last `windowMs`, at most `maxMs`;
 * returns how long that took. A database deleted or written just before leaves work behind
 * outside Chromium's processes too (the kernel writing back and discarding the blocks of
 * thousands of blob files: this disk is mounted with `discard`), and whichever timed run comes
 * next would pay for it.
 */
export async function waitForQuietMachine({
  windowMs = 1000,
  busyShare = 0.1,
  maxMs = 30_000,
} = {}): Promise<number> {
  const start = Date.now();
  spawnSync('sync');
  const readings = [{ at: Date.now(), ...machineCpuMs() }];
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = Date.now();
    const latest = { at: now, ...machineCpuMs() };
    readings.push(latest);
    const first = readings.find((reading) => now - reading.at <= windowMs)!;
    const spanned = now - first.at;
    // CPU counters tick every 10 ms, so a window shorter than ~three quarters is not a reading.
    if (spanned >= windowMs * 0.75) {
      const busy = (latest.busy - first.busy) / spanned;
      const waiting = (latest.iowait - first.iowait) / spanned;
      if (busy < busyShare && waiting < busyShare) return now - start;
    }
    if (now - start >= maxMs) return now - start;
  }
}

/** Our Chromium's total CPU ms, read every `everyMs` until stopped, with the wall clock. */
export function sampleChromiumCpu(everyMs = 100): {
  stop(): { at: number; cpu: number }[];
} {
  const samples = [{ at: Date.now(), cpu: total(chromiumCpuMs()) }];
  const timer = setInterval(
    () => samples.push({ at: Date.now(), cpu: total(chromiumCpuMs()) }),
    everyMs,
  );
  return {
    stop() {
      clearInterval(timer);
      samples.push({ at: Date.now(), cpu: total(chromiumCpuMs()) });
      return samples;
    },
  };
}

/** Cores kept busy between two wall-clock times, from sampleChromiumCpu's readings. */
export function coresBetween(
  samples: readonly { at: number; cpu: number }[],
  from: number,
  to: number,
): number {
  const cpuAt = (t: number) => {
    const after = samples.findIndex((s) => s.at >= t);
    if (after <= 0) return after === 0 ? samples[0]!.cpu : samples.at(-1)!.cpu;
    const a = samples[after - 1]!;
    const b = samples[after]!;
    return a.cpu + ((b.cpu - a.cpu) * (t - a.at)) / Math.max(1, b.at - a.at);
  };
  return (cpuAt(to) - cpuAt(from)) / Math.max(1, to - from);
}
