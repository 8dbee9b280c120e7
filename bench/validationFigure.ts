/**
 * Figure 4, compile with the score-file check: what `review-desk compile` does before it
 * compiles, checking every expert's score file against the round and its rubric
 * (scoreFileProblems: roster, packets, every criterion in range and on step), then compiling.
 * Baseline: compiling the same sheets alone, in the same run.
 */
import { compileRound, type CompileSheet } from '@shared/compile';
import { scoreFileProblems, type ScoreFileToValidate } from '@shared/exchange/validateScoreFile';
import type { Round } from '@shared/model/roundPackage';
import { syntheticInput } from '../test/workbook/synthetic';
import type { BenchOptions } from './options';
import type { Row } from './report';
import { median } from './stats';
import { TARGETS } from './targets';

/** The synthetic round's sheets as one score file per expert, as the experts' laptops write them. */
function scoreFiles(round: Round, sheets: readonly CompileSheet[]): ScoreFileToValidate[] {
  return round.experts.map((expert) => ({
    fileName: `${expert.id}.scores.json`,
    content: {
      roundId: round.id,
      expert: { id: expert.id, name: expert.name },
      sheets: sheets
        .filter((sheet) => sheet.expertId === expert.id)
        .map((sheet) => ({
          packetId: sheet.packetId,
          status: 'submitted' as const,
          scores: { ...sheet.scores },
          vetoes: { ...sheet.vetoes },
          vetoReasons: { ...sheet.vetoReasons },
          comment: sheet.comment ?? '',
          conflictReason: '',
          revision: sheet.revision,
          submittedAt: '2026-11-21T10:00:00+08:00',
        })),
    },
  }));
}

export function compileValidatedFigure(options: BenchOptions): Row {
  const { round, packets, sheets } = syntheticInput(
    options.compilePackets,
    options.experts,
    options.criteria,
  );
  const files = scoreFiles(round, sheets);
  const packetIds = packets.map((p) => p.id);
  let problems = 0;
  const checkedThenCompiled = () => {
    for (const file of files) problems += scoreFileProblems(round, packetIds, file).length;
    return compileRound({ round, packets, sheets });
  };
  const compiledOnly = () => compileRound({ round, packets, sheets });

  // One untimed run of each (JIT), then alternating pairs, so that drift in the machine's load
  // hits both sides alike.
  checkedThenCompiled();
  compiledOnly();
  const ours: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < Math.max(3, options.repeats); i++) {
    let start = performance.now();
    checkedThenCompiled();
    ours.push(performance.now() - start);
    start = performance.now();
    compiledOnly();
    bare.push(performance.now() - start);
  }
  // Every synthetic sheet is within the rubric: a problem here means the figure timed refusals.
  if (problems > 0) throw new Error(`compile with check: ${problems} problems in valid files`);
  return {
    figure: '4 compile',
    measure: `with the score-file check, ${files.length} files`,
    unit: 'ms',
    ours: median(ours),
    baselineLabel: 'compile alone',
    baseline: median(bare),
    target: TARGETS.compileValidated,
    detail: `runs ${ours.map((t) => t.toFixed(1)).join(', ')} ms; compile alone ${bare.map((t) => t.toFixed(1)).join(', ')} ms`,
  };
}
