import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import config from '../../playwright.config';
import { buildDemoRound } from '@shared/demo/demoRound';
import { buildSampleRound } from '@shared/demo/sampleRound';
import { writeRoundPackage } from '@shared/formats/roundPackageWriter';
import { allCriteria } from '@shared/rubric/points';
import { HomePage } from './pages/HomePage';
import { ImportPanel } from './pages/ImportPanel';
import { PacketListPage } from './pages/PacketListPage';
import { unlockWithPin } from './pages/ScoringPages';

/**
 * Crash and fault safety: an import and a scoring session are interrupted at random
 * moments — the browser killed (SIGKILL, like a power cut) or closed — and the same profile is
 * opened again. The database must be before or after each transaction, never between, and every
 * keystroke the screen acknowledged (已保存) must still be there.
 */

const IMPORT_RUNS = Number(process.env.FAULT_IMPORT_RUNS ?? '12');
const SCORING_RUNS = Number(process.env.FAULT_SCORING_RUNS ?? '20');
const SEED = Number(process.env.FAULT_SEED ?? '20260707');

/** mulberry32: small, seeded, good enough for timings. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const launchOptions = config.use!.launchOptions!;
let use: { baseURL: string; locale: string; viewport: { width: number; height: number } };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function launch(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: launchOptions.executablePath!,
    args: launchOptions.args!,
    baseURL: use.baseURL,
    locale: use.locale,
    viewport: use.viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** The browser process of `profile`: its command line names the (unique) profile folder. */
function browserPids(profile: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (
        args.includes(`--user-data-dir=${profile}`) &&
        !args.some((a) => a.startsWith('--type='))
      ) {
        pids.push(Number(entry));
      }
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

/** Every process descended from `roots` (renderers, GPU, the storage and network services). */
function descendants(roots: number[]): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // Gone meanwhile.
    }
  }
  const all: number[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      all.push(child);
      walk(child);
    }
  };
  roots.forEach(walk);
  return all;
}

const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
};

/** SIGKILL the profile's browser and every process under it at once; wait until they are gone. */
async function killProfile(profile: string) {
  const roots = browserPids(profile);
  const tree = [...roots, ...descendants(roots)];
  for (const pid of tree) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  for (let i = 0; i < 100 && tree.some(alive); i++) await sleep(50);
}

/**
 * A power cut: the whole browser at once (a storage service that outlived its browser could
 * still hold the database's files when the profile is opened again); or a plain close when
 * `graceful`.
 */
async function interrupt(context: BrowserContext, profile: string, graceful: boolean) {
  if (!graceful) await killProfile(profile);
  await context.close().catch(() => undefined);
}

/** Kill what still runs on `profile` and remove it; a leftover temp folder fails no test. */
async function removeProfile(profile: string) {
  await killProfile(profile);
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch {
    // Left in the temp folder.
  }
}

interface ImportState {
  rounds: number;
  packets: number;
  attachments: number;
  attachmentBytes: number;
  declaredBytes: number;
  experts: number;
  assignments: number;
  audit: number;
  firstBlobReadable: boolean;
}

/** What the database holds for `roundId`, read with raw IndexedDB (no app code involved). */
function importState(page: Page, roundId: string): Promise<ImportState> {
  return page.evaluate(async (roundId) => {
    // Opening a database that is not there would create an empty one: say that it is gone.
    // (Chromium deletes a database it finds corrupt on opening; see sweepOrphanAttachments.)
    if (!(await indexedDB.databases()).some((d) => d.name === 'review-desk')) {
      throw new Error('the review-desk database is gone: Chromium found it corrupt and deleted it');
    }
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('review-desk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const names = Array.from(db.objectStoreNames);
    const tx = db.transaction(names, 'readonly');
    const all = <T>(store: string): Promise<T[]> =>
      names.includes(store)
        ? new Promise((resolve, reject) => {
            const request = tx.objectStore(store).index('roundId').getAll(roundId);
            request.onsuccess = () => resolve(request.result as T[]);
            request.onerror = () => reject(request.error);
          })
        : Promise.resolve([]);
    const rounds = names.includes('rounds')
      ? await new Promise<number>((resolve, reject) => {
          const request = tx.objectStore('rounds').count(roundId);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        })
      : 0;
    const [packets, attachments, experts, assignments, audit] = await Promise.all([
      all('packets'),
      all<{ blob: Blob; size: number }>('attachments'),
      all('experts'),
      all('assignments'),
      all('audit'),
    ]);
    let firstBlobReadable = true;
    if (attachments[0]) {
      const bytes = await attachments[0].blob.arrayBuffer().catch(() => null);
      firstBlobReadable = bytes !== null && bytes.byteLength === attachments[0].size;
    }
    db.close();
    return {
      rounds,
      packets: packets.length,
      attachments: attachments.length,
      attachmentBytes: attachments.reduce((sum, a) => sum + a.blob.size, 0),
      declaredBytes: attachments.reduce((sum, a) => sum + a.size, 0),
      experts: experts.length,
      assignments: assignments.length,
      audit: audit.length,
      firstBlobReadable,
    };
  }, roundId);
}

function storedInputs(page: Page, key: string): Promise<Record<string, string> | null> {
  return page.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('review-desk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const row = await new Promise<{ inputs: Record<string, string> } | undefined>(
      (resolve, reject) => {
        const request = db.transaction('sheets').objectStore('sheets').get(key);
        request.onsuccess = () => resolve(request.result as never);
        request.onerror = () => reject(request.error);
      },
    );
    db.close();
    return row ? row.inputs : null;
  }, key);
}

const sameInputs = (a: Record<string, string>, b: Record<string, string>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? '') === (b[k] ?? ''));
};

// eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures object; none is used.
test('random interruptions of imports and scoring sessions never leave a half transaction', async ({}, testInfo) => {
  // Each scoring run starts Chromium and unlocks with the PIN: 10–18 s on two busy cores, so
  // 20 runs take up to about six minutes there.
  test.setTimeout(600_000);
  use = testInfo.project.use as typeof use;
  const random = prng(SEED);
  const problems: string[] = [];
  // importsMid: kills after which the round was absent (the import had begun and not committed);
  // killsAfterAck: scoring kills that came after at least one save of that burst was acknowledged.
  // A run where either stays at zero checked nothing of that kind, so both must be above zero.
  const counts = {
    imports: 0,
    importsAfter: 0,
    importsMid: 0,
    scoring: 0,
    acknowledged: 0,
    killsAfterAck: 0,
  };

  // ---- Import: a 120-packet round with two attachments each, interrupted at random. ----
  // One package per run, each with its own round id, so no run has to clear the last one's.
  const sample = buildSampleRound({ packets: 120, attachmentsPerPacket: 2 });
  const expected = {
    packets: sample.packets.length,
    attachments: sample.attachments.size,
    experts: sample.round.experts.length,
    assignments: sample.packets.length * sample.round.experts.length,
  };
  const roundIdOf = (run: number) => `FAULT-${run}`;
  const packageOf = (run: number) => {
    const file = testInfo.outputPath(`faults-${run}.zip`);
    writeFileSync(
      file,
      writeRoundPackage({ ...sample, round: { ...sample.round, id: roundIdOf(run) } }),
    );
    return file;
  };
  const importProfile = mkdtempSync(join(tmpdir(), 'review-desk-faults-import-'));

  async function checkImport(page: Page, roundId: string, label: string) {
    const s = await importState(page, roundId);
    const absent =
      s.rounds === 0 && s.packets + s.attachments + s.experts + s.assignments + s.audit === 0;
    const whole =
      s.rounds === 1 &&
      s.packets === expected.packets &&
      s.attachments === expected.attachments &&
      s.experts === expected.experts &&
      s.assignments === expected.assignments &&
      s.audit >= 1 &&
      s.attachmentBytes === s.declaredBytes &&
      s.firstBlobReadable;
    if (!absent && !whole) problems.push(`${label}: between transactions ${JSON.stringify(s)}`);
    return { whole, absent };
  }

  const timings: Record<string, number> = {};
  async function importLoop() {
    const began = Date.now();
    let window = 0;
    for (let run = 0; run <= IMPORT_RUNS + 1; run++) {
      const file = run <= IMPORT_RUNS ? packageOf(run) : '';
      const { context, page } = await launch(importProfile);
      await page.goto('/');
      // The first screen: the app has opened its database and swept (what a user sees first).
      await page.getByRole('button', { name: '导入评审包' }).first().waitFor();
      if (run > 0) {
        const state = await checkImport(page, roundIdOf(run - 1), `import run ${run - 1}`);
        if (run > 1 && state.whole) counts.importsAfter++;
        if (run > 1 && state.absent) counts.importsMid++;
      }
      if (run === IMPORT_RUNS + 1) {
        await context.close();
        break;
      }
      const importer = new ImportPanel(page);
      const started = Date.now();
      await importer.importPackage(file);
      if (run === 0) {
        // Calibrate: how long a whole import takes here, reading and storing.
        await new PacketListPage(page).expectVisible();
        window = Date.now() - started;
        await context.close();
        continue;
      }
      await sleep(window * (0.15 + random() * 1.0) - (Date.now() - started));
      await interrupt(context, importProfile, random() < 0.25);
      counts.imports++;
    }
    timings.import = Date.now() - began;
    timings.importWindow = window;
  }

  // ---- Scoring: bursts of typing in the demo round, killed at random. ----
  const demo = buildDemoRound();
  const criteria = allCriteria(demo.round.rubric).map((c) => c.id);
  const expert = demo.round.experts[0]!;
  const packet = demo.packets[0]!;
  const sheetKey = `${demo.round.id}:${packet.id}:${expert.id}`;
  const sheetHash = `#/rounds/${demo.round.id}/experts/${expert.id}/sheets/${packet.id}`;
  const scoringProfile = mkdtempSync(join(tmpdir(), 'review-desk-faults-scoring-'));
  const values = ['8', '7.5', '10', '3', '0.5', '6', '9.5', '1'];

  async function scoringLoop() {
    const began = Date.now();
    {
      const { context, page } = await launch(scoringProfile);
      await new HomePage(page).open();
      await new HomePage(page).loadDemo();
      await new PacketListPage(page).expectVisible();
      await context.close();
    }
    // The states the sheet may be in after the next restart: the acknowledged one and later.
    let allowed: Record<string, string>[] = [{}];
    for (let run = 0; run <= SCORING_RUNS; run++) {
      const { context, page } = await launch(scoringProfile);
      await page.goto(`/${sheetHash}`);
      // Each start is locked (sessions live in memory): the expert enters the PIN (set on the
      // first run; the demo checked the expert in).
      await unlockWithPin(page);
      const points = page.locator('form input.points');
      await expect(points).toHaveCount(criteria.length);
      const stored = (await storedInputs(page, sheetKey)) ?? {};
      if (!allowed.some((state) => sameInputs(state, stored))) {
        problems.push(
          `scoring run ${run}: stored ${JSON.stringify(stored)} is none of the acknowledged-or-later states ${JSON.stringify(allowed)}`,
        );
      }
      // The screen shows what is stored.
      const shown = await points.evaluateAll((inputs) =>
        inputs.map((input) => (input as HTMLInputElement).value),
      );
      const storedList = criteria.map((id) => stored[id] ?? '');
      if (shown.join('|') !== storedList.join('|')) {
        problems.push(
          `scoring run ${run}: screen ${shown.join('|')} ≠ stored ${storedList.join('|')}`,
        );
      }
      if (run === SCORING_RUNS) {
        await context.close();
        break;
      }
      const states = [stored];
      let acknowledged = 0;
      const saveState = page.getByTestId('save-state');
      const burst = (async () => {
        const keystrokes = 3 + Math.floor(random() * 10);
        for (let k = 0; k < keystrokes; k++) {
          const i = Math.floor(random() * criteria.length);
          const next = {
            ...states[states.length - 1]!,
            [criteria[i]!]: values[Math.floor(random() * values.length)]!,
          };
          states.push(next);
          await points.nth(i).fill(next[criteria[i]!]!);
          if (random() < 0.35) {
            await expect(saveState).toHaveText(/^已保存/, { timeout: 5_000 });
            acknowledged = states.length - 1;
            counts.acknowledged++;
          }
        }
        await expect(saveState).toHaveText(/^已保存/, { timeout: 5_000 });
        acknowledged = states.length - 1;
        counts.acknowledged++;
      })().catch(() => undefined);
      // Every fourth run is killed only after the burst's first acknowledged save, so that kills
      // after an acknowledgement happen on a slow machine too, not only when the timing allows.
      if (run % 4 === 0) {
        for (let waited = 0; acknowledged === 0 && waited < 10_000; waited += 20) await sleep(20);
      }
      await sleep(random() * 600);
      const ackAtKill = acknowledged;
      if (ackAtKill > 0) counts.killsAfterAck++;
      await interrupt(context, scoringProfile, random() < 0.25);
      await burst;
      allowed = states.slice(ackAtKill);
      counts.scoring++;
    }
    timings.scoring = Date.now() - began;
  }

  // Both loops run to their end even when one fails, so that the cleanup below does not race
  // the other one's launches, and the first failure is the one reported.
  const outcomes = await Promise.allSettled([importLoop(), scoringLoop()]);
  for (const profile of [importProfile, scoringProfile]) await removeProfile(profile);
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
  console.log(
    `faults: ${counts.imports} import interruptions (${counts.importsAfter} after commit, ` +
      `${counts.importsMid} mid-import), ${counts.scoring} scoring interruptions ` +
      `(${counts.killsAfterAck} after an acknowledged save, ${counts.acknowledged} ` +
      `acknowledged saves checked), ${problems.length} inconsistent`,
  );
  console.log(`faults: timings ${JSON.stringify(timings)}`);
  expect(problems).toEqual([]);
  expect(counts.importsMid, 'no kill landed before an import committed').toBeGreaterThan(0);
  expect(counts.killsAfterAck, 'no kill came after an acknowledged save').toBeGreaterThan(0);
});

// eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures object; none is used.
test('a large round, its attachments written ahead in batches, is whole or absent after a kill, with no rows left behind', async ({}, testInfo) => {
  test.setTimeout(180_000);
  use = testInfo.project.use as typeof use;
  const random = prng(SEED + 1);
  const runs = Number(process.env.FAULT_LARGE_RUNS ?? '4');
  // 120 × 600 KiB ≈ 74 MB of attachments: more than one 64 MiB batch, so they are written ahead.
  const sample = buildSampleRound({ packets: 120, attachmentsPerPacket: 1, attachmentKb: 600 });
  const profile = mkdtempSync(join(tmpdir(), 'review-desk-faults-large-'));
  const problems: string[] = [];
  let whole = 0;
  let window = 0;
  try {
    for (let run = 0; run <= runs + 1; run++) {
      const { context, page } = await launch(profile);
      await page.goto('/');
      // The first screen is shown only after the start-up sweep of rows without a round.
      await page.getByRole('button', { name: '导入评审包' }).first().waitFor();
      if (run > 0) {
        const s = await importState(page, `LARGE-${run - 1}`);
        const absent =
          s.rounds === 0 && s.packets + s.attachments + s.experts + s.assignments + s.audit === 0;
        const complete =
          s.rounds === 1 &&
          s.packets === sample.packets.length &&
          s.attachments === sample.attachments.size &&
          s.attachmentBytes === s.declaredBytes &&
          s.firstBlobReadable;
        if (complete) whole++;
        if (!absent && !complete) problems.push(`run ${run - 1}: ${JSON.stringify(s)}`);
      }
      if (run === runs + 1) {
        await context.close();
        break;
      }
      const file = testInfo.outputPath(`large-${run}.zip`);
      writeFileSync(
        file,
        writeRoundPackage({ ...sample, round: { ...sample.round, id: `LARGE-${run}` } }),
      );
      const started = Date.now();
      await new ImportPanel(page).importPackage(file);
      if (run === 0) {
        await new PacketListPage(page).expectVisible();
        window = Date.now() - started;
        await context.close();
        continue;
      }
      // Mostly in the second half, where the batches and the round's transaction are.
      await sleep(window * (0.4 + random() * 0.8) - (Date.now() - started));
      await interrupt(context, profile, false);
    }
  } finally {
    await removeProfile(profile);
  }
  console.log(
    `faults (large): ${runs} kills during imports of ${window} ms, ${whole - 1} after commit, ${problems.length} inconsistent`,
  );
  expect(problems).toEqual([]);
});

test('a full disk on save says so in Chinese and loses nothing stored', async ({
  page,
}, testInfo) => {
  // Every IndexedDB write fails with QuotaExceededError while the flag is set (it lives in
  // localStorage so that it survives page loads).
  await page.addInitScript(() => {
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (
        this: IDBObjectStore,
        ...args: [unknown, IDBValidKey?]
      ) {
        if (localStorage.getItem('test.diskFull') === '1')
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      } as never;
    }
  });
  const home = new HomePage(page);
  await home.open();
  await home.loadDemo();
  await new PacketListPage(page).expectVisible();

  const demo = buildDemoRound();
  const expert = demo.round.experts[0]!;
  const packet = demo.packets[0]!;
  await page.goto(`/#/rounds/${demo.round.id}/experts/${expert.id}/sheets/${packet.id}`);
  await unlockWithPin(page);
  const points = page.locator('form input.points');
  const saveState = page.getByTestId('save-state');
  await points.nth(0).fill('8');
  await expect(saveState).toHaveText(/^已保存/);

  await page.evaluate(() => localStorage.setItem('test.diskFull', '1'));
  await points.nth(1).fill('7');
  await expect(saveState).toContainText('磁盘空间不足，刚才的修改未保存');

  // An import on a full disk: refused with the same message, nothing stored.
  const sample = buildSampleRound({ packets: 20, attachmentsPerPacket: 1 });
  const file = testInfo.outputPath('full-disk.zip');
  writeFileSync(file, writeRoundPackage(sample));
  await page.goto('/');
  const importer = new ImportPanel(page);
  await importer.importPackage(file);
  await expect(importer.message).toContainText('磁盘空间不足');

  // Space again: what was saved before is all there, the refused writes are not.
  await page.evaluate(() => localStorage.removeItem('test.diskFull'));
  await page.reload();
  await expect(page.getByText(sample.round.title)).toHaveCount(0);
  await page.goto(`/#/rounds/${demo.round.id}/experts/${expert.id}/sheets/${packet.id}`);
  // The reload locked the window: the expert enters the PIN again.
  await unlockWithPin(page);
  await expect(points.nth(0)).toHaveValue('8');
  await expect(points.nth(1)).toHaveValue('');
});
