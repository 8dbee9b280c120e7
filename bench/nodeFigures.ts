/** Figures 4 (compile) and 5 (export, verify): Node, the same shared/ code the app runs. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { compileRound } from '@shared/compile';
import { syntheticInput } from '../test/workbook/synthetic';
import { peakHeapFromTrace, type ExportChildResult } from './exportChild';
import type { BenchOptions } from './options';
import type { Row } from './report';
import { TARGETS } from './targets';
import { median, timeRuns } from './stats';

export async function compileFigure(options: BenchOptions): Promise<Row> {
  const { round, packets, sheets } = syntheticInput(
    options.compilePackets,
    options.experts,
    options.criteria,
  );
  const points = sheets.length * options.criteria;
  const ours = await timeRuns(Math.max(3, options.repeats), () =>
    compileRound({ round, packets, sheets }),
  );
  // The floor: one pass over the same sheets adding up every point (nothing decided or ranked).
  let sink = 0;
  const baseline = await timeRuns(Math.max(3, options.repeats), () => {
    let sum = 0;
    for (const sheet of sheets) for (const key in sheet.scores) sum += sheet.scores[key]!;
    sink += sum;
  });
  return {
    figure: '4 compile',
    measure: `${options.compilePackets}×${options.experts}×${options.criteria} (${points.toLocaleString('en')} points)`,
    unit: 'ms',
    ours: median(ours),
    baselineLabel: 'loop summing',
    baseline: median(baseline),
    target: TARGETS.compile,
    detail: `runs ${ours.map((t) => t.toFixed(1)).join(', ')} ms (checksum ${sink > 0 ? 'ok' : '0'})`,
  };
}

export function exportFigures(options: BenchOptions, outDir: string, cli: string): Row[] {
  const file = join(outDir, 'bench-result.xlsx');
  const child = spawnSync(
    process.execPath,
    [
      '--trace-gc',
      process.argv[1]!,
      '--child-export',
      String(options.compilePackets),
      String(options.experts),
      String(options.criteria),
      String(Math.max(2, options.repeats)),
      file,
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH-RESULT '));
  if (child.status !== 0 || !line) {
    throw new Error(`export child failed (${child.status}): ${child.stderr.slice(-2000)}`);
  }
  const result = JSON.parse(line.slice('BENCH-RESULT '.length)) as ExportChildResult;
  const peak = peakHeapFromTrace(child.stdout);

  // review-desk verify as the central system runs it: a fresh process on the written file.
  const verifyRuns: number[] = [];
  for (let i = 0; i < Math.max(2, options.repeats); i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, [cli, 'verify', file], { encoding: 'utf8' });
    verifyRuns.push(performance.now() - start);
    // Exit 3: intact, signer not checked (no --trust), as here: the bench times the checks.
    if (run.status !== 3) throw new Error(`verify failed (${run.status}): ${run.stderr}`);
  }
  // Its floor: SheetJS reading the same file in this process.
  const bytes = new Uint8Array(readFileSync(file));
  const readRuns: number[] = [];
  for (let i = 0; i < Math.max(2, options.repeats); i++) {
    const start = performance.now();
    XLSX.read(bytes, { type: 'array', dense: true });
    readRuns.push(performance.now() - start);
  }
  const size = `${options.compilePackets}×${options.experts}×${options.criteria}`;
  return [
    {
      figure: '5 export',
      measure: `signed workbook ${size} (${result.detailRows.toLocaleString('en')} 评分明细 rows)`,
      unit: 'ms',
      ours: median(result.ours),
      baselineLabel: 'bare SheetJS',
      baseline: median(result.baseline),
      target: TARGETS.export,
      detail: `runs ours ${result.ours.map((t) => t.toFixed(0)).join(', ')} ms, SheetJS ${result.baseline.map((t) => t.toFixed(0)).join(', ')} ms; ${(result.bytes / 1048576).toFixed(1)} MiB signed vs ${(result.baselineBytes / 1048576).toFixed(1)} MiB bare`,
    },
    {
      figure: '5 export',
      measure: 'review-desk verify (process wall time)',
      unit: 'ms',
      ours: median(verifyRuns),
      baselineLabel: 'SheetJS read',
      baseline: median(readRuns),
      target: TARGETS.verify,
      detail: `runs ${verifyRuns.map((t) => t.toFixed(0)).join(', ')} ms`,
    },
    {
      figure: '6 memory',
      measure: 'peak JS heap during export (Node, V8 GC trace)',
      unit: 'MiB',
      ours: peak,
      baselineLabel: '',
      baseline: null,
      target: TARGETS.exportHeap,
    },
  ];
}
