import { FINDING_SEVERITIES, type FindingSeverity } from '@shared/workbook/format';
import type { ReviewDeskDb } from '../db';
import type { FindingRow, PacketRow, RouteSiteRow, SheetStatus, SitePhotoRow } from '../rows';
import { actorLabel, requireSecretariatOrExpertOf, type Session } from '../session/session';
import { appendAudit } from './auditLog';
import { packetKey } from './keys';

/**
 * 拉练: an inspection round's route (the sites in visiting order, set by the
 * secretariat), each site's notes, photos and findings (问题清单). The on-site checklist is the
 * round's rubric on the ordinary scoring sheets (sheetRepository), one per inspector.
 */

export class InspectionError extends Error {
  override name = 'InspectionError';
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const newId = () => crypto.randomUUID();

export interface InspectorSheet {
  expertId: string;
  name: string;
  status: SheetStatus | 'todo';
}

export interface RouteStop {
  packet: PacketRow;
  /** 1-based stop number. */
  stop: number;
  notes: string;
  /** Every assigned inspector has submitted (or declared 回避), at least one submitted. */
  done: boolean;
  sheets: InspectorSheet[];
  photos: number;
  findingsOpen: number;
  findingsTotal: number;
}

export interface RouteProgress {
  sites: number;
  done: number;
  toDo: number;
  findingsOpen: number;
  findingsClosed: number;
}

export interface RouteView {
  stops: RouteStop[];
  progress: RouteProgress;
}

/** Packet ids in visiting order: stored positions first, then any site without one, by id. */
function orderSites(packets: readonly PacketRow[], sites: readonly RouteSiteRow[]): PacketRow[] {
  const position = new Map(sites.map((s) => [s.packetId, s.position]));
  return [...packets].sort((a, b) => {
    const pa = position.get(a.id) ?? Number.MAX_SAFE_INTEGER;
    const pb = position.get(b.id) ?? Number.MAX_SAFE_INTEGER;
    return pa - pb || byId(a.id, b.id);
  });
}

/** The route with each stop's sheets, photos and findings, and the day's progress. */
export async function routeView(db: ReviewDeskDb, roundId: string): Promise<RouteView> {
  // One read after another: see resultsRepository's note on Dexie zones in live queries.
  const packets = (await db.packets.where('roundId').equals(roundId).toArray()).filter(
    (p) => !p.withdrawn,
  );
  const sites = await db.routeSites.where('roundId').equals(roundId).toArray();
  const experts = await db.experts.where('roundId').equals(roundId).toArray();
  const assignments = await db.assignments.where('roundId').equals(roundId).toArray();
  const sheets = await db.sheets.where('roundId').equals(roundId).toArray();
  const findings = await db.findings.where('roundId').equals(roundId).toArray();
  const photoKeys = await db.sitePhotos.where('roundId').equals(roundId).toArray();

  const notes = new Map(sites.map((s) => [s.packetId, s.notes]));
  const active = new Map(experts.filter((e) => !e.removed).map((e) => [e.id, e]));
  const sheetOf = new Map(sheets.map((s) => [`${s.packetId}:${s.expertId}`, s.status]));
  const stops = orderSites(packets, sites).map((packet, i): RouteStop => {
    const inspectors = assignments
      .filter((a) => a.packetId === packet.id && active.has(a.expertId))
      .map((a) => a.expertId)
      .sort(byId);
    const own = inspectors.map((expertId) => ({
      expertId,
      name: active.get(expertId)!.name,
      status: sheetOf.get(`${packet.id}:${expertId}`) ?? ('todo' as const),
    }));
    const siteFindings = findings.filter((f) => f.packetId === packet.id);
    return {
      packet,
      stop: i + 1,
      notes: notes.get(packet.id) ?? '',
      done:
        own.some((s) => s.status === 'submitted') &&
        own.every((s) => s.status === 'submitted' || s.status === 'conflict'),
      sheets: own,
      photos: photoKeys.filter((p) => p.packetId === packet.id).length,
      findingsOpen: siteFindings.filter((f) => f.status === 'open').length,
      findingsTotal: siteFindings.length,
    };
  });
  const done = stops.filter((s) => s.done).length;
  return {
    stops,
    progress: {
      sites: stops.length,
      done,
      toDo: stops.length - done,
      findingsOpen: findings.filter((f) => f.status === 'open').length,
      findingsClosed: findings.filter((f) => f.status === 'closed').length,
    },
  };
}

/**
 * Field records (route, site notes, photos, findings) are made by whoever is on site with the
 * laptop unlocked: the secretariat, or an expert of this round with their PIN. The audit and
 * the record name them from the session.
 */
function fieldActor(session: Session | null, roundId: string): string {
  return actorLabel(requireSecretariatOrExpertOf(session, roundId).actor);
}

/** Store a visiting order: every site of the round, each once. */
export async function setRouteOrder(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  packetIds: readonly string[],
): Promise<void> {
  const actor = fieldActor(session, roundId);
  await db.transaction('rw', [db.packets, db.routeSites, db.audit], async () => {
    const packets = (await db.packets.where('roundId').equals(roundId).toArray()).filter(
      (p) => !p.withdrawn,
    );
    const known = new Set(packets.map((p) => p.id));
    if (
      packetIds.length !== known.size ||
      new Set(packetIds).size !== packetIds.length ||
      packetIds.some((id) => !known.has(id))
    ) {
      throw new InspectionError('路线必须包含本轮每个点位，且每个点位只出现一次');
    }
    const existing = new Map(
      (await db.routeSites.where('roundId').equals(roundId).toArray()).map((s) => [s.packetId, s]),
    );
    const now = new Date().toISOString();
    await db.routeSites.bulkPut(
      packetIds.map((packetId, position) => ({
        key: packetKey(roundId, packetId),
        roundId,
        packetId,
        position,
        notes: existing.get(packetId)?.notes ?? '',
        updatedAt: now,
      })),
    );
    await appendAudit(db, {
      roundId,
      actor,
      action: 'route.order',
      subject: roundId,
      detail: `设定拉练路线：${packetIds.join(' → ')}`,
    });
  });
}

/** Move one site a place earlier (-1) or later (+1) in the route. */
export async function moveSite(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  packetId: string,
  delta: -1 | 1,
): Promise<void> {
  fieldActor(session, roundId);
  const order = (await routeView(db, roundId)).stops.map((s) => s.packet.id);
  const from = order.indexOf(packetId);
  const to = from + delta;
  if (from === -1 || to < 0 || to >= order.length) return;
  [order[from], order[to]] = [order[to]!, order[from]!];
  await setRouteOrder(db, session, roundId, order);
}

/** A site's notes, saved as typed (like a sheet draft, not audited keystroke by keystroke). */
export async function saveSiteNotes(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  packetId: string,
  notes: string,
): Promise<void> {
  fieldActor(session, roundId);
  await db.transaction('rw', db.routeSites, async () => {
    const key = packetKey(roundId, packetId);
    const current = await db.routeSites.get(key);
    await db.routeSites.put({
      key,
      roundId,
      packetId,
      position: current?.position ?? Number.MAX_SAFE_INTEGER,
      notes,
      updatedAt: new Date().toISOString(),
    });
  });
}

export interface NewPhoto {
  roundId: string;
  packetId: string;
  blob: Blob;
  name: string;
  source: SitePhotoRow['source'];
  takenAt: Date;
}

export const PHOTO_MAX_BYTES = 20 * 1024 * 1024;

export async function addSitePhoto(
  db: ReviewDeskDb,
  session: Session | null,
  photo: NewPhoto,
): Promise<SitePhotoRow> {
  const addedBy = fieldActor(session, photo.roundId);
  const mime = photo.blob.type;
  if (!mime.startsWith('image/')) throw new InspectionError(`“${photo.name}”不是图片`);
  if (photo.blob.size === 0) throw new InspectionError(`“${photo.name}”是空文件`);
  if (photo.blob.size > PHOTO_MAX_BYTES) {
    throw new InspectionError(`“${photo.name}”超过 20 MB，请压缩后再添加`);
  }
  const row: SitePhotoRow = {
    id: newId(),
    roundId: photo.roundId,
    packetId: photo.packetId,
    name: photo.name,
    mime,
    size: photo.blob.size,
    blob: photo.blob,
    source: photo.source,
    takenAt: photo.takenAt.toISOString(),
    addedBy,
  };
  await db.transaction('rw', [db.sitePhotos, db.audit], async () => {
    await db.sitePhotos.add(row);
    await appendAudit(db, {
      roundId: photo.roundId,
      actor: addedBy,
      action: 'site.photo',
      subject: photo.packetId,
      detail: `${photo.source === 'camera' ? '拍摄' : '添加'}现场照片“${photo.name}”（${row.size} 字节）`,
    });
  });
  return row;
}

export async function photosForSite(
  db: ReviewDeskDb,
  roundId: string,
  packetId: string,
): Promise<SitePhotoRow[]> {
  const photos = await db.sitePhotos
    .where('[roundId+packetId]')
    .equals([roundId, packetId])
    .toArray();
  return photos.sort((a, b) => (a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : 0));
}

export async function deleteSitePhoto(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  id: string,
): Promise<void> {
  const actor = fieldActor(session, roundId);
  await db.transaction('rw', [db.sitePhotos, db.audit], async () => {
    const photo = await db.sitePhotos.get(id);
    if (!photo || photo.roundId !== roundId) return;
    await db.sitePhotos.delete(id);
    await appendAudit(db, {
      roundId: photo.roundId,
      actor,
      action: 'site.photo.delete',
      subject: photo.packetId,
      detail: `删除现场照片“${photo.name}”`,
    });
  });
}

export interface NewFinding {
  roundId: string;
  packetId: string;
  severity: FindingSeverity;
  description: string;
  owner: string;
  dueDate: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Problems with a finding, for the form; empty when it can be recorded. */
export function findingProblems(f: Omit<NewFinding, 'roundId' | 'packetId'>): string[] {
  const problems: string[] = [];
  if (!(FINDING_SEVERITIES as readonly string[]).includes(f.severity))
    problems.push('请选择严重程度');
  if (f.description.trim() === '') problems.push('请填写问题描述');
  if (f.owner.trim() === '') problems.push('请填写整改责任单位/人');
  if (f.dueDate !== '' && !DATE.test(f.dueDate)) problems.push('整改期限须为 YYYY-MM-DD');
  return problems;
}

export async function recordFinding(
  db: ReviewDeskDb,
  session: Session | null,
  finding: NewFinding,
): Promise<FindingRow> {
  const recordedBy = fieldActor(session, finding.roundId);
  const problems = findingProblems(finding);
  if (problems.length > 0) throw new InspectionError(problems.join('；'));
  const row: FindingRow = {
    id: newId(),
    roundId: finding.roundId,
    packetId: finding.packetId,
    severity: finding.severity,
    description: finding.description.trim(),
    owner: finding.owner.trim(),
    dueDate: finding.dueDate,
    status: 'open',
    recordedBy,
    recordedAt: new Date().toISOString(),
    closedAt: null,
  };
  await db.transaction('rw', [db.findings, db.audit], async () => {
    await db.findings.add(row);
    await appendAudit(db, {
      roundId: finding.roundId,
      actor: recordedBy,
      action: 'finding.record',
      subject: finding.packetId,
      detail: `记录问题（${row.severity}）：${row.description}；整改责任：${row.owner}${row.dueDate ? `，期限 ${row.dueDate}` : ''}`,
    });
  });
  return row;
}

/** Close a finding (整改到位) or open it again. */
export async function setFindingStatus(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  id: string,
  status: FindingRow['status'],
): Promise<void> {
  const actor = fieldActor(session, roundId);
  await db.transaction('rw', [db.findings, db.audit], async () => {
    const finding = await db.findings.get(id);
    if (!finding || finding.roundId !== roundId) throw new InspectionError('找不到该问题');
    if (finding.status === status) return;
    const now = new Date().toISOString();
    await db.findings.put(
      status === 'closed'
        ? { ...finding, status, closedAt: now, closedBy: actor }
        : { ...finding, status, closedAt: null, closedBy: undefined },
    );
    await appendAudit(db, {
      roundId: finding.roundId,
      actor,
      action: status === 'closed' ? 'finding.close' : 'finding.reopen',
      subject: finding.packetId,
      detail: `${status === 'closed' ? '问题已整改' : '问题重新打开'}：${finding.description}`,
    });
  });
}

/** A round's findings in route order, then the time they were recorded. */
export async function findingsForRound(db: ReviewDeskDb, roundId: string): Promise<FindingRow[]> {
  const packets = await db.packets.where('roundId').equals(roundId).toArray();
  const sites = await db.routeSites.where('roundId').equals(roundId).toArray();
  const findings = await db.findings.where('roundId').equals(roundId).toArray();
  const order = new Map(orderSites(packets, sites).map((p, i) => [p.id, i]));
  return findings.sort(
    (a, b) =>
      (order.get(a.packetId) ?? Number.MAX_SAFE_INTEGER) -
        (order.get(b.packetId) ?? Number.MAX_SAFE_INTEGER) ||
      (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0),
  );
}

export async function findingsForSite(
  db: ReviewDeskDb,
  roundId: string,
  packetId: string,
): Promise<FindingRow[]> {
  const rows = await db.findings.where('[roundId+packetId]').equals([roundId, packetId]).toArray();
  return rows.sort((a, b) =>
    a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0,
  );
}
