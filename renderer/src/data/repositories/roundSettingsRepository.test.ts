import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { tinyRound } from '../../../../test/fixtures/tinyRound';
import type { Packet } from '@shared/model/roundPackage';
import type { RoundSettings } from '@shared/rounds/roundSettings';
import { openDatabase, type ReviewDeskDb } from '../db';
import { AccessDeniedError } from '../session/session';
import { expertSession, secretariat } from '../session/testSessions';
import { auditForRound } from './auditLog';
import { snapshotRound } from './backupRepository';
import { assignByGroup, declareConflict, panelSettings, progressMatrix } from './panelRepository';
import { compileFor } from './resultsRepository';
import { importRound } from './roundRepository';
import {
  RoundSettingsError,
  readRoundSettings,
  saveRoundSettings,
  settingsChangesAfterScoring,
} from './roundSettingsRepository';
import { saveDraft, submitSheet } from './sheetRepository';

const ROUND = 'T-1';
let counter = 0;

/** The tiny round with two 主基地 and one 辅基地 packet of one brand. */
async function scene() {
  const db = await openDatabase(`round-settings-test-${Date.now()}-${counter++}`);
  const content = tinyRound();
  const extra: Packet = {
    ...content.packets[1]!,
    id: 'P003',
    title: '项目3',
    attachments: [],
  };
  content.packets = [
    { ...content.packets[0]!, category: '品牌培育主基地' },
    { ...content.packets[1]!, category: '品牌培育主基地' },
    { ...extra, category: '品牌培育辅基地' },
  ];
  await importRound(db, content, 'demo');
  return db;
}

async function current(db: ReviewDeskDb): Promise<RoundSettings> {
  return (await readRoundSettings(db, ROUND))!.settings;
}

/** Every row of every table, to prove a refused write changed nothing. */
async function dump(db: ReviewDeskDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

async function submit(
  db: ReviewDeskDb,
  expertId: string,
  packetId: string,
  veto = false,
  c1 = '9',
) {
  const session = await expertSession(db, ROUND, expertId);
  await saveDraft(db, session, ROUND, packetId, expertId, {
    inputs: { c1, c2: '14' },
    vetoes: { v1: veto },
    vetoReasons: veto ? { v1: '现场核实存在违规用地' } : {},
  });
  await submitSheet(db, session, tinyRound().round.rubric, ROUND, packetId, expertId);
}

describe('round settings', () => {
  it('start with the package settings, and a minimum kept on the panel page before', async () => {
    const db = await scene();
    const settings = await current(db);
    expect(settings).toMatchObject({
      title: '测试评审',
      programme: 'brand-base',
      year: null,
      batch: null,
      minValidSheets: 5,
      splitByCategory: false,
      quotas: [],
      vetoRules: { v1: 'majority' },
    });
    expect(settings.aggregation).toEqual(tinyRound().round.aggregation);
  });

  it('are refused without the secretariat’s session, and nothing is written', async () => {
    const db = await scene();
    const next = { ...(await current(db)), minValidSheets: 3, title: '改名' };
    const before = await dump(db);
    for (const session of [null, await expertSession(db, ROUND, 'e1')]) {
      await expect(saveRoundSettings(db, session, ROUND, next)).rejects.toBeInstanceOf(
        AccessDeniedError,
      );
    }
    expect(await dump(db)).toEqual(before);
  });

  it('save freely before the first submission, audited, and compile uses them', async () => {
    const db = await scene();
    const next: RoundSettings = {
      ...(await current(db)),
      year: 2024,
      batch: 2,
      minValidSheets: 3,
      vetoRules: { v1: 'any' },
      quotas: [{ group: '天府技工', count: 1, reserve: 1 }],
      aggregation: { ...(await current(db)).aggregation, method: 'mean' },
    };
    const saved = await saveRoundSettings(db, secretariat(), ROUND, next);
    expect(saved.afterScoring).toBe(false);
    expect(await current(db)).toEqual(next);
    expect((await panelSettings(db, ROUND)).minSheets).toBe(3);
    const audit = (await auditForRound(db, ROUND)).at(-1)!;
    expect(audit).toMatchObject({ action: 'round.settings', actor: '秘书处' });
    expect(audit.detail).toContain('年度和批次：未设置 → 2024年第二批');
    expect(audit.detail).toContain(
      '否决项“存在违规用地”：过半数有效评分勾选才否决 → 任一专家勾选即否决',
    );
    expect(await settingsChangesAfterScoring(db, ROUND)).toEqual([]);

    // One expert's tick now rules P001 out; P002 and P003 get 入选 and 备选.
    await submit(db, 'e1', 'P001', true);
    await submit(db, 'e2', 'P001');
    await submit(db, 'e3', 'P001');
    await submit(db, 'e1', 'P002');
    await submit(db, 'e1', 'P003', false, '8');
    const result = await compileFor(db, ROUND);
    const decision = new Map(result.packets.map((p) => [p.packetId, p.decision]));
    expect(decision.get('P001')).toBe('否决');
    expect(result.packets.find((p) => p.packetId === 'P001')!.vetoes).toEqual([
      { id: 'v1', title: '存在违规用地', ticks: 1, decisive: true, rule: 'any' },
    ]);
    expect([decision.get('P002'), decision.get('P003')]).toEqual(['入选', '备选']);
  });

  it('after the first submission need a reason, which is audited with old → new and kept', async () => {
    const db = await scene();
    await saveRoundSettings(db, secretariat(), ROUND, {
      ...(await current(db)),
      minValidSheets: 3,
    });
    await submit(db, 'e1', 'P001');
    const view = (await readRoundSettings(db, ROUND))!;
    expect(view.scoringStarted).toBe(true);
    const next = { ...view.settings, quotas: [{ group: '天府技工', count: 2, reserve: 0 }] };

    const before = await dump(db);
    const refused = await saveRoundSettings(db, secretariat(), ROUND, next, '  ').catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(RoundSettingsError);
    expect((refused as Error).message).toContain('须填写理由');
    expect(await dump(db)).toEqual(before);

    await saveRoundSettings(db, secretariat(), ROUND, next, '经主管部门同意增加名额');
    expect((await current(db)).quotas).toEqual(next.quotas);
    const audit = (await auditForRound(db, ROUND)).at(-1)!;
    expect(audit.action).toBe('round.settings');
    expect(audit.detail).toBe(
      '评分开始后修改：名额“天府技工”：未设名额 → 2 入选 + 0 备选；理由：经主管部门同意增加名额',
    );
    const changes = await settingsChangesAfterScoring(db, ROUND);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      actor: '秘书处',
      reason: '经主管部门同意增加名额',
      changes: [{ field: '名额“天府技工”', from: '未设名额', to: '2 入选 + 0 备选' }],
    });
    // The backup carries the round row whole: settings and the changes after scoring.
    const snapshot = await snapshotRound(db, ROUND);
    const row = snapshot.tables.find((t) => t.name === 'rounds')!.rows[0]!;
    expect(row.settings).toMatchObject({ minValidSheets: 3 });
    expect(row.settingsChanges).toEqual(changes);
  });

  it('refuse invalid fields with what to fix, and write nothing', async () => {
    const db = await scene();
    const settings = await current(db);
    const before = await dump(db);
    const refused = (await saveRoundSettings(db, secretariat(), ROUND, {
      ...settings,
      title: ' ',
      year: 24,
      aggregation: { ...settings.aggregation, trimWhenAtLeast: 2 },
      quotas: [{ group: '天府技工', count: -1, reserve: 0 }],
    }).catch((e: unknown) => e)) as RoundSettingsError;
    expect(refused).toBeInstanceOf(RoundSettingsError);
    expect(Object.keys(refused.problems).sort()).toEqual([
      'minValidSheets',
      'quota:天府技工:count',
      'title',
      'trimWhenAtLeast',
      'year',
    ]);
    expect(refused.problems.minValidSheets).toContain('评审组只有 3 位专家');
    expect(await dump(db)).toEqual(before);
  });

  it('split groups by 类别 on the packets, and merge them back', async () => {
    const db = await scene();
    const settings = await current(db);
    await saveRoundSettings(db, secretariat(), ROUND, {
      ...settings,
      minValidSheets: 3,
      splitByCategory: true,
      quotas: [
        { group: '天府技工（主基地）', count: 1, reserve: 0 },
        { group: '天府技工（辅基地）', count: 1, reserve: 0 },
      ],
    });
    const view = (await readRoundSettings(db, ROUND))!;
    expect(view.packets.map((p) => p.group)).toEqual([
      '天府技工（主基地）',
      '天府技工（主基地）',
      '天府技工（辅基地）',
    ]);
    const result = await compileFor(db, ROUND);
    expect(result.groups.map((g) => g.group)).toEqual(['天府技工（主基地）', '天府技工（辅基地）']);
    await saveRoundSettings(db, secretariat(), ROUND, {
      ...view.settings,
      splitByCategory: false,
      quotas: [],
    });
    expect((await readRoundSettings(db, ROUND))!.packets.map((p) => p.group)).toEqual([
      '天府技工',
      '天府技工',
      '天府技工',
    ]);
  });

  it('a minimum above the panel is one notice on 评审组, not a standby hint per packet', async () => {
    const db = await scene();
    await assignByGroup(db, secretariat(), ROUND, {});
    // Three experts, the default minimum of 5: no packet can reach it.
    const before = await progressMatrix(db, ROUND);
    expect(before.minExceedsPanel).toEqual({ min: 5, panelSize: 3 });
    expect(before.shortfalls).toEqual([]);
    await saveRoundSettings(db, secretariat(), ROUND, {
      ...(await current(db)),
      minValidSheets: 3,
    });
    const after = await progressMatrix(db, ROUND);
    expect(after.minExceedsPanel).toBeNull();
    expect(after.shortfalls).toEqual([]);
    // A 回避 now leaves P001 one sheet short: listed, where a standby expert can help.
    await declareConflict(db, secretariat(), ROUND, 'P001', 'e1', '同单位');
    expect((await progressMatrix(db, ROUND)).shortfalls).toEqual([
      { packetId: 'P001', possible: 2 },
    ]);
  });
});
