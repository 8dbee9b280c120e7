import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildEvaluationRound, buildInspectionRound } from '@shared/demo/fieldRounds';
import { openDatabase, type ReviewDeskDb } from '../db';
import {
  AdjustmentError,
  adjustmentsForPacket,
  adjustmentsForRound,
  fieldWorkbookInput,
  markCancellation,
  recordAdjustment,
} from './adjustmentRepository';
import { auditForRound, checkAuditChain } from './auditLog';
import {
  InspectionError,
  addSitePhoto,
  deleteSitePhoto,
  findingsForRound,
  findingsForSite,
  moveSite,
  photosForSite,
  recordFinding,
  routeView,
  saveSiteNotes,
  setFindingStatus,
  setRouteOrder,
} from './inspectionRepository';
import { importRound } from './roundRepository';
import { saveDraft, submitSheet } from './sheetRepository';
import { chairSession, expertSession, secretariat } from '../session/testSessions';

let counter = 0;

async function freshDb(kind: 'inspection' | 'evaluation'): Promise<ReviewDeskDb> {
  const db = await openDatabase(`field-test-${Date.now()}-${counter++}`);
  await importRound(
    db,
    kind === 'inspection' ? buildInspectionRound() : buildEvaluationRound(),
    'demo',
  );
  return db;
}

const INSPECTION = 'LL-2026-Q1';
const EVALUATION = 'PG-2026-EV';

describe('拉练 route, photos and findings', () => {
  it('orders the sites (stored), moves one, refuses an incomplete order', async () => {
    const db = await freshDb('inspection');
    const order = async () => (await routeView(db, INSPECTION)).stops.map((s) => s.packet.id);
    expect(await order()).toEqual(['S01', 'S02', 'S03']);
    await setRouteOrder(db, secretariat(), INSPECTION, ['S03', 'S01', 'S02']);
    expect(await order()).toEqual(['S03', 'S01', 'S02']);
    await moveSite(db, secretariat(), INSPECTION, 'S02', -1);
    expect(await order()).toEqual(['S03', 'S02', 'S01']);
    await moveSite(db, secretariat(), INSPECTION, 'S03', -1); // already first: nothing
    expect(await order()).toEqual(['S03', 'S02', 'S01']);
    await expect(setRouteOrder(db, secretariat(), INSPECTION, ['S01', 'S02'])).rejects.toThrow(
      InspectionError,
    );
    await expect(
      setRouteOrder(db, secretariat(), INSPECTION, ['S01', 'S01', 'S02']),
    ).rejects.toThrow(InspectionError);
    // Notes keep the position; the order survives a reopen.
    await saveSiteNotes(db, secretariat(), INSPECTION, 'S02', '施工现场已封顶');
    const reopened = await openDatabase(db.name);
    const view = await routeView(reopened, INSPECTION);
    expect(view.stops.map((s) => [s.stop, s.packet.id, s.notes])).toEqual([
      [1, 'S03', ''],
      [2, 'S02', '施工现场已封顶'],
      [3, 'S01', ''],
    ]);
    expect(
      (await auditForRound(db, INSPECTION)).filter((a) => a.action === 'route.order'),
    ).toHaveLength(2);
  });

  it('stores photos as Blobs with the time taken, and deletes them with an audit entry', async () => {
    const db = await freshDb('inspection');
    const blob = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
    const takenAt = new Date('2026-11-20T07:04:05.000Z');
    const photo = await addSitePhoto(db, secretariat(), {
      roundId: INSPECTION,
      packetId: 'S01',
      blob,
      name: '现场.png',
      source: 'camera',
      takenAt,
    });
    const stored = await photosForSite(db, INSPECTION, 'S01');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      name: '现场.png',
      mime: 'image/png',
      size: 4,
      source: 'camera',
    });
    expect(stored[0]!.takenAt).toBe('2026-11-20T07:04:05.000Z');
    expect(new Uint8Array(await stored[0]!.blob.arrayBuffer())).toEqual(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    );
    expect((await routeView(db, INSPECTION)).stops[0]!.photos).toBe(1);
    await expect(
      addSitePhoto(db, secretariat(), {
        roundId: INSPECTION,
        packetId: 'S01',
        blob: new Blob(['x'], { type: 'text/plain' }),
        name: 'a.txt',
        source: 'file',
        takenAt,
      }),
    ).rejects.toThrow('不是图片');
    await deleteSitePhoto(db, secretariat(), INSPECTION, photo.id);
    expect(await photosForSite(db, INSPECTION, 'S01')).toEqual([]);
    const actions = (await auditForRound(db, INSPECTION)).map((a) => a.action);
    expect(actions).toContain('site.photo');
    expect(actions).toContain('site.photo.delete');
    expect((await checkAuditChain(db, INSPECTION)).intact).toBe(true);
  });

  it('records findings per site, validates them, closes them, and counts the day', async () => {
    const db = await freshDb('inspection');
    await expect(
      recordFinding(db, secretariat(), {
        roundId: INSPECTION,
        packetId: 'S02',
        severity: '严重',
        description: ' ',
        owner: '',
        dueDate: '31/12',
      }),
    ).rejects.toThrow('请填写问题描述；请填写整改责任单位/人；整改期限须为 YYYY-MM-DD');
    const f = await recordFinding(db, secretariat(), {
      roundId: INSPECTION,
      packetId: 'S02',
      severity: '较重',
      description: '消防通道堆放建材',
      owner: '绵阳市人社局',
      dueDate: '2026-12-31',
    });
    await recordFinding(db, secretariat(), {
      roundId: INSPECTION,
      packetId: 'S01',
      severity: '一般',
      description: '公示牌信息未更新',
      owner: '德阳市技师学院',
      dueDate: '',
    });
    expect((await findingsForSite(db, INSPECTION, 'S02')).map((x) => x.description)).toEqual([
      '消防通道堆放建材',
    ]);
    // Route order: S01 before S02.
    expect((await findingsForRound(db, INSPECTION)).map((x) => x.packetId)).toEqual(['S01', 'S02']);

    // Progress: S01 is done once both assigned inspectors (I1, I2) submitted.
    let view = await routeView(db, INSPECTION);
    expect(view.progress).toEqual({
      sites: 3,
      done: 0,
      toDo: 3,
      findingsOpen: 2,
      findingsClosed: 0,
    });
    const { round } = buildInspectionRound();
    const full = Object.fromEntries(
      round.rubric.sections.flatMap((s) => s.criteria).map((c) => [c.id, String(c.max - 1)]),
    );
    for (const expertId of ['I1', 'I2']) {
      await saveDraft(
        db,
        await expertSession(db, INSPECTION, expertId),
        INSPECTION,
        'S01',
        expertId,
        { inputs: full, comment: '进度正常' },
      );
      expect(
        (
          await submitSheet(
            db,
            await expertSession(db, INSPECTION, expertId),
            round.rubric,
            INSPECTION,
            'S01',
            expertId,
          )
        ).ok,
      ).toBe(true);
    }
    await setFindingStatus(db, secretariat(), INSPECTION, f.id, 'closed');
    view = await routeView(db, INSPECTION);
    expect(view.stops[0]!.done).toBe(true);
    expect(view.stops[0]!.sheets.map((s) => s.status)).toEqual(['submitted', 'submitted']);
    expect(view.progress).toEqual({
      sites: 3,
      done: 1,
      toDo: 2,
      findingsOpen: 1,
      findingsClosed: 1,
    });
    const closed = (await findingsForSite(db, INSPECTION, 'S02'))[0]!;
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();

    const field = await fieldWorkbookInput(db, INSPECTION);
    expect(field.adjustments).toBeUndefined();
    expect(field.findings!.map((x) => [x.packetId, x.severity, x.status])).toEqual([
      ['S01', '一般', 'open'],
      ['S02', '较重', 'closed'],
    ]);
  });
});

describe('评估验收: 取消资格 and 动态调整', () => {
  async function scoreAll(db: ReviewDeskDb) {
    const { round } = buildEvaluationRound();
    const criteria = round.rubric.sections.flatMap((s) => s.criteria);
    // B01 95, B02 75, B03 50 (不合格); E1 scores, E2 declares nothing and is left out.
    const totals: Record<string, number> = { B01: 95, B02: 75, B03: 50 };
    for (const [packetId, total] of Object.entries(totals)) {
      let left = total;
      const inputs: Record<string, string> = {};
      for (const c of criteria) {
        const v = Math.min(c.max, left);
        inputs[c.id] = String(v);
        left -= v;
      }
      await saveDraft(db, await expertSession(db, EVALUATION, 'E1'), EVALUATION, packetId, 'E1', {
        inputs,
        comment: '依据抽查复核',
      });
      expect(
        (
          await submitSheet(
            db,
            await expertSession(db, EVALUATION, 'E1'),
            round.rubric,
            EVALUATION,
            packetId,
            'E1',
          )
        ).ok,
      ).toBe(true);
    }
  }

  it('the chair marks a 不合格 body for 取消资格 with a reason; only a failed body, once', async () => {
    const db = await freshDb('evaluation');
    await scoreAll(db);
    await expect(
      markCancellation(db, await chairSession(db, EVALUATION, 'E2'), EVALUATION, 'B02', '理由'),
    ).rejects.toThrow('不是“不合格”');
    await expect(
      markCancellation(db, await chairSession(db, EVALUATION, 'E2'), EVALUATION, 'B03', '  '),
    ).rejects.toThrow('请填写理由');
    const now = new Date(2026, 10, 21, 10, 0, 0);
    const row = await markCancellation(
      db,
      await chairSession(db, EVALUATION, 'E2'),
      EVALUATION,
      'B03',
      '年度培训目标完成不足三成',
      now,
    );
    expect(row).toMatchObject({
      action: 'cancel',
      basis: '评估不合格',
      decidedOn: '2026-11-21',
      decidedBy: '吴刚',
    });
    await expect(
      markCancellation(db, await chairSession(db, EVALUATION, 'E2'), EVALUATION, 'B03', '再次'),
    ).rejects.toThrow(AdjustmentError);

    await recordAdjustment(db, secretariat(), {
      roundId: EVALUATION,
      packetId: 'B01',
      action: 'add',
      basis: '',
      reason: '基础条件良好，按程序增列为主基地',
      decidedOn: '2026-12-01',
      decidedBy: '省人社厅',
    });
    expect((await adjustmentsForPacket(db, EVALUATION, 'B03')).map((a) => a.reason)).toEqual([
      '年度培训目标完成不足三成',
    ]);
    expect((await adjustmentsForRound(db, EVALUATION)).map((a) => [a.packetId, a.action])).toEqual([
      ['B01', 'add'],
      ['B03', 'cancel'],
    ]);
    const field = await fieldWorkbookInput(db, EVALUATION);
    expect(field.findings).toBeUndefined();
    expect(field.adjustments).toHaveLength(2);
    const audit = await auditForRound(db, EVALUATION);
    expect(audit.filter((a) => a.action === 'adjustment.cancel')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'adjustment.add')).toHaveLength(1);
  });
});
