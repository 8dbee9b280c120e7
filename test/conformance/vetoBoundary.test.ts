/**
 * A conformance-style exchange built by the project's own code: a round package, one signed score
 * file per expert and the experts' key registrations, run through `review-desk compile` and
 * `verify` as the central system would. It pins the veto boundary of docs/compile-rules.md
 * (`vetoRule: majority`: vetoed only when MORE than half of the valid sheets tick the same veto;
 * exactly half is not a veto), including a 回避 that makes the valid sheets an even number.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/run';
import { EXPERT_KEYS_FORMAT, serializeExpertKeys } from '@shared/formats/expertKeys';
import { writeRoundPackage } from '@shared/formats/roundPackageWriter';
import { serializeScoreFile, signScoreFile, type ScoreSheet } from '@shared/formats/scoreFile';
import type { Round } from '@shared/model/roundPackage';
import { encodeBase64 } from '@shared/signing/base64';
import { publicKeyFromSeed } from '@shared/signing/ed25519';
import { verifyResultWorkbook, type PacketOutcome } from '@shared/workbook';
import { tinyRound } from '../fixtures/tinyRound';
import { memoryIo } from '../workbook/cliIo';
import { SECRETARIAT_PEM } from '../workbook/brandRound';

const enc = new TextEncoder();
const EXPERTS = ['e1', 'e2', 'e3', 'e4', 'e5'];
const seedOf = (id: string) => new Uint8Array(32).fill(EXPERTS.indexOf(id) + 11);

/** Who ticks 否决项 v1: P001 2 of 5, P002 3 of 5, P003 2 of 4 valid sheets (e5 回避): exactly half. */
const TICKS: Record<string, string[]> = {
  P001: ['e1', 'e2'],
  P002: ['e1', 'e2', 'e3'],
  P003: ['e1', 'e2'],
};
const CONFLICTS: Record<string, string[]> = { P003: ['e5'] };

function exchange() {
  const base = tinyRound('VB-1');
  const round: Round = {
    ...base.round,
    title: '否决边界',
    experts: EXPERTS.map((id, i) => ({
      id,
      name: `专家${i + 1}`,
      org: '某单位',
      city: '成都市',
    })),
  };
  const packets = ['P001', 'P002', 'P003'].map((id, i) => ({
    ...base.packets[0]!,
    id,
    title: `项目${i + 1}`,
    attachments: [],
  }));
  const files: Record<string, Uint8Array> = {
    'round.zip': writeRoundPackage({ round, packets, attachments: new Map() }),
    'keys.json': enc.encode(
      serializeExpertKeys({
        format: EXPERT_KEYS_FORMAT,
        roundId: round.id,
        experts: round.experts.map((e) => ({
          id: e.id,
          name: e.name,
          publicKey: encodeBase64(publicKeyFromSeed(seedOf(e.id))),
        })),
      }),
    ),
  };
  for (const expert of round.experts) {
    const sheets = packets.map((p): ScoreSheet => {
      const conflict = CONFLICTS[p.id]?.includes(expert.id) ?? false;
      const ticked = !conflict && (TICKS[p.id]?.includes(expert.id) ?? false);
      const none: Record<string, never> = {};
      return {
        packetId: p.id,
        status: conflict ? 'conflict' : 'submitted',
        scores: conflict ? none : { c1: 8, c2: 12 },
        vetoes: conflict ? none : { v1: ticked },
        vetoReasons: ticked ? { v1: '核查发现违规用地' } : none,
        comment: '',
        conflictReason: conflict ? '本人所在单位' : '',
        revision: 1,
        submittedAt: '2026-11-20T10:00:00+08:00',
      };
    });
    const signed = signScoreFile(
      { format: 'review-desk/scores@1', roundId: round.id, expert, sheets },
      seedOf(expert.id),
    );
    files[`${expert.id}.scores.json`] = enc.encode(serializeScoreFile(signed));
  }
  return files;
}

describe('conformance: the veto boundary under vetoRule majority', () => {
  it('compiles and verifies; exactly half of the valid sheets is not a veto, more than half is', async () => {
    const t = memoryIo(exchange());
    const code = await run(
      [
        'compile',
        '--round',
        'round.zip',
        '--scores',
        ...EXPERTS.map((id) => `${id}.scores.json`),
        '--key',
        SECRETARIAT_PEM,
        '--expert-keys',
        'keys.json',
        '--out',
        'result.xlsx',
      ],
      t.io,
    );
    expect(t.stderr()).toBe('');
    expect(code).toBe(0);
    const check = verifyResultWorkbook(t.files['result.xlsx']!);
    if (!check.ok) throw new Error(check.problems.join('\n'));
    const byId = new Map(check.summary.payload.results.map((r) => [r.packetId, r]));
    const veto = (r: PacketOutcome) => ({
      n: r.n,
      decisionSource: r.decisionSource,
      vetoed: r.decision === '否决',
      vetoes: r.vetoes,
    });
    expect(veto(byId.get('P001')!)).toEqual({
      n: 5,
      decisionSource: null,
      vetoed: false,
      vetoes: [{ id: 'v1', ticks: 2, decisive: false }],
    });
    expect(veto(byId.get('P002')!)).toEqual({
      n: 5,
      decisionSource: 'veto',
      vetoed: true,
      vetoes: [{ id: 'v1', ticks: 3, decisive: true }],
    });
    // 回避 leaves 4 valid sheets; 2 ticks are exactly half: not a veto.
    expect(veto(byId.get('P003')!)).toEqual({
      n: 4,
      decisionSource: null,
      vetoed: false,
      vetoes: [{ id: 'v1', ticks: 2, decisive: false }],
    });
    expect(byId.get('P003')!.flags).toContain('single-veto');
  });
});
