/**
 * `npm run bench`: six figures a user feels, each against a baseline measured in the same run,
 * judged by the ratio between them (targets.ts). Prints a Markdown table and writes it, with
 * every sample, to bench-results/. Sizes are options (see options.ts); `--small` is the quick
 * run-to-completion check that `npm test` runs. Times are measured, never asserted: the machine
 * is shared and noisy. `--profile` also writes CPU profiles and names their files.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { SAMPLE_ROUND_ID, buildSampleRound } from '@shared/demo/sampleRound';
import { readRoundPackage } from '@shared/formats/roundPackageReader';
import { buildApp, launchProfile, startPreview } from './browser/app';
import { writeDemoPackage } from './browser/demoPackage';
import { importFigure, importThroughUi } from './browser/importFigure';
import { packetListFigure } from './browser/packetListFigure';
import { readerFigure } from './browser/readerFigure';
import { scoringFigure } from './browser/scoringFigure';
import { EMPTY_HOME, LOADED_HOME, startRow, timeStarts } from './browser/startFigure';
import { exportChild } from './exportChild';
import { compileFigure, exportFigures } from './nodeFigures';
import { compileValidatedFigure } from './validationFigure';
import {
  parseOptions,
  SCALE_FIGURES,
  SCALE_SIZES,
  SMALL_SCALE_SIZES,
  wants,
  type BenchOptions,
} from './options';
import { evaluate, renderTable, type Row } from './report';

const log = (text: string) => process.stdout.write(`[bench] ${text}\n`);
/** Where a CPU profile was written, and how to open it. */
const logProfile = (what: string, file: string) =>
  log(`CPU profile of ${what}: ${file} (Chrome DevTools › Performance › Load profile)`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function browserFigures(options: BenchOptions, out: string): Promise<Row[]> {
  const rows: Row[] = [];
  const server = await startPreview(options.port, options.dist);
  try {
    // Start and scoring work on the imported round, so the import runs whenever they do.
    if (wants(options, 'import') || wants(options, 'start') || wants(options, 'scoring')) {
      rows.push(...(await importedRoundFigures(options, out, server.url)));
    }
    if (wants(options, 'list')) rows.push(...(await listFigures(options, out, server.url)));
    if (wants(options, 'reader')) {
      log(`7 reader, a 60-page PDF (load ${load()})`);
      rows.push(...(await readerFigure(options, server.url)));
    }
  } finally {
    server.stop();
  }
  return rows;
}

async function importedRoundFigures(
  options: BenchOptions,
  out: string,
  url: string,
): Promise<Row[]> {
  const rows: Row[] = [];
  log(`writing the import package (${options.packets} packets)`);
  const zip = join(out, 'bench-import.zip');
  const zipBytes = await writeDemoPackage(
    zip,
    options.packets,
    options.attachmentsPerPacket,
    options.attachmentKb,
  );
  const parsed = readRoundPackage(new Uint8Array(readFileSync(zip)));
  if (!parsed.ok) throw new Error('the demo package does not read back');
  const attachmentBytes = [...parsed.value.attachments.values()].reduce(
    (sum, b) => sum + b.length,
    0,
  );
  const sizes = {
    packets: parsed.value.packets.length,
    attachments: parsed.value.attachments.size,
    attachmentBytes,
    roundId: SAMPLE_ROUND_ID,
  };
  const firstPacket = parsed.value.packets[0]!.id;
  const expert = parsed.value.round.experts[0]!.id;

  const importProfile = options.profile ? resolve(out, 'import.cpuprofile') : undefined;
  const scoringProfile = options.profile ? resolve(out, 'scoring.cpuprofile') : undefined;
  const loaded = await launchProfile();
  try {
    const page = await loaded.context.newPage();
    if (wants(options, 'import')) {
      log(`1 import (load ${load()})`);
      rows.push(
        ...(await importFigure(
          page,
          url,
          zip,
          zipBytes,
          sizes,
          // Five pairs: on this shared machine single runs of either side move by a third.
          options.repeats,
          importProfile,
        )),
      );
      if (importProfile) logProfile('the first import', importProfile);
    } else {
      // Start or scoring alone: the round they work on, imported once and not timed.
      log(`importing the round for ${options.only ? [...options.only].join(', ') : ''}`);
      await page.goto(url);
      await importThroughUi(page, zip);
    }
    await page.close();
    rmSync(zip, { force: true });

    if (wants(options, 'start')) {
      log(`6 start (load ${load()})`);
      const starts = await timeStarts(loaded.context, url, LOADED_HOME, options.repeats);
      const empty = await launchProfile();
      try {
        const emptyStarts = await timeStarts(empty.context, url, EMPTY_HOME, options.repeats);
        rows.push(startRow(starts, emptyStarts, sizes.packets));
      } finally {
        await empty.close();
      }
    }

    if (!wants(options, 'scoring')) return rows;
    log(`3 scoring, ${options.edits} edits (load ${load()})`);
    const sheet = await loaded.context.newPage();
    rows.push(
      ...(await scoringFigure(
        sheet,
        url,
        SAMPLE_ROUND_ID,
        expert,
        firstPacket,
        options.edits,
        scoringProfile,
      )),
    );
    if (scoringProfile) logProfile('keystroke → durable save', scoringProfile);
  } finally {
    await loaded.close();
  }
  return rows;
}

async function listFigures(options: BenchOptions, out: string, url: string): Promise<Row[]> {
  const rows: Row[] = [];
  log(`2 packet list, ${options.listPackets} packets (load ${load()})`);
  const listZip = join(out, 'bench-list.zip');
  await writeDemoPackage(listZip, options.listPackets, 0, 0);
  const list = await launchProfile();
  try {
    const page = await list.context.newPage();
    await page.goto(url);
    await importThroughUi(page, listZip);
    await page.close();
    const { packets } = buildSampleRound({
      packets: options.listPackets,
      attachmentsPerPacket: 0,
    });
    rows.push(
      ...(await packetListFigure(list.context, url, SAMPLE_ROUND_ID, packets, options.repeats)),
    );
  } finally {
    await list.close();
    rmSync(listZip, { force: true });
  }
  return rows;
}

async function figures(options: BenchOptions, out: string, cli: string): Promise<Row[]> {
  const rows: Row[] = [];
  if (wants(options, 'compile')) {
    log(`4 compile (load ${load()})`);
    rows.push(await compileFigure(options));
    rows.push(compileValidatedFigure(options));
  }
  if (wants(options, 'export')) {
    log(`5 export and verify (load ${load()})`);
    rows.push(...exportFigures(options, out, cli));
    rmSync(join(out, 'bench-result.xlsx'), { force: true });
  }
  rows.push(...(await browserFigures(options, out)));
  return rows.sort((a, b) => rank(a) - rank(b));
}

/**
 * `--scale`: import, list, compile and export once at each size (the same round for all four,
 * the other sizes as given), each row named by its size. Run it on a quiet machine: one run per
 * size has no second run to show how much the machine moved it.
 */
async function scaleFigures(options: BenchOptions, out: string, cli: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const packets of options.small ? SMALL_SCALE_SIZES : SCALE_SIZES) {
    log(`scale: ${packets} packets (load ${load()})`);
    const sized: BenchOptions = {
      ...options,
      packets,
      listPackets: packets,
      compilePackets: packets,
      repeats: 1,
      only: SCALE_FIGURES,
    };
    const size = `${packets.toLocaleString('en')} packets`;
    for (const row of await figures(sized, out, cli))
      rows.push({ ...row, figure: `${size}: ${row.figure}` });
  }
  return rows;
}

const ORDER = ['1 ', '2 ', '3 ', '4 ', '5 ', '6 start', '6 memory', '7 '];
const rank = (row: Row) => ORDER.findIndex((prefix) => row.figure.startsWith(prefix));

async function main(argv: string[]) {
  if (argv[0] === '--child-export') return exportChild(argv.slice(1));
  const options = parseOptions(argv);
  const out = options.out;
  mkdirSync(out, { recursive: true });
  const started = new Date();
  const loadBefore = load();
  log(
    `${options.small ? 'small' : 'full'}${options.scale ? ' scale' : ''} run; load average ${loadBefore}`,
  );
  if (options.profile) {
    log(
      'profiling: the renderer is built unminified, and the profiled import and scoring times include the profiler’s own cost',
    );
  }
  if (options.build) log('building the renderer and the CLI');
  const { cli } = buildApp(options.dist, { readable: options.profile, build: options.build });

  const evaluated = (
    options.scale ? await scaleFigures(options, out, cli) : await figures(options, out, cli)
  ).map(evaluate);
  const table = renderTable(evaluated);
  const seconds = (Date.now() - started.getTime()) / 1000;
  const footer = `${options.small ? 'small' : 'full'} run ${started.toISOString()}, ${seconds.toFixed(0)} s, load average before ${loadBefore}, after ${load()}`;
  process.stdout.write(`\n${table}\n\n${footer}\n`);
  const name = `bench${options.scale ? '-scale' : ''}${options.small ? '-small' : ''}`;
  writeFileSync(
    join(out, `${name}.json`),
    `${JSON.stringify({ started: started.toISOString(), seconds, options, loadBefore, loadAfter: load(), rows: evaluated }, null, 2)}\n`,
  );
  writeFileSync(join(out, `${name}.md`), `${table}\n\n${footer}\n`);
  log(`written to ${join(out, `${name}.json`)} and ${name}.md`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
