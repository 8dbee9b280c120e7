/**
 * What changes when a newer version of an already-loaded round arrives. Pure, so the screen
 * that asks for confirmation and the repository that applies the change work from one answer.
 */
import { canonicalize } from '../canonical/canonicalJson';
import type { Expert, Packet, Round } from '../model/roundPackage';

export interface PacketChange {
  id: string;
  title: string;
  /** Human labels of what differs: 项目名称, 申报单位, 附件, or a label from `fields`. */
  fields: string[];
}

export interface RoundDiff {
  added: { id: string; title: string }[];
  removed: { id: string; title: string }[];
  changed: PacketChange[];
  /** Round settings that differ: 评审名称, 评审类型, 汇总规则, 名额 … */
  settings: string[];
  rubricChanged: boolean;
  expertsAdded: Expert[];
  expertsRemoved: Expert[];
  expertsChanged: Expert[];
}

export interface RoundSnapshot {
  round: Round;
  packets: readonly Packet[];
}

const same = (a: unknown, b: unknown) => canonicalize(a) === canonicalize(b);

/** Which parts of a packet differ, named as the packet view names them. */
export function packetFieldChanges(before: Packet, after: Packet): string[] {
  const changes: string[] = [];
  if (before.title !== after.title) changes.push('项目名称');
  if (before.applicant.name !== after.applicant.name) changes.push('申报单位');
  if (before.applicant.city !== after.applicant.city) changes.push('市(州)');
  if (before.applicant.county !== after.applicant.county) changes.push('区(县)');
  if (before.applicant.type !== after.applicant.type) changes.push('单位类型');
  if (before.category !== after.category) changes.push('类别');
  if (before.group !== after.group) changes.push('分组');
  const labels = new Set([...Object.keys(before.fields), ...Object.keys(after.fields)]);
  for (const label of labels) {
    if (before.fields[label] !== after.fields[label]) changes.push(label);
  }
  if (!same(before.attachments, after.attachments)) changes.push('附件');
  return changes;
}

export function diffRounds(stored: RoundSnapshot, incoming: RoundSnapshot): RoundDiff {
  const before = new Map(stored.packets.map((p) => [p.id, p]));
  const after = new Map(incoming.packets.map((p) => [p.id, p]));
  const diff: RoundDiff = {
    added: [],
    removed: [],
    changed: [],
    settings: [],
    rubricChanged: !same(stored.round.rubric, incoming.round.rubric),
    expertsAdded: [],
    expertsRemoved: [],
    expertsChanged: [],
  };
  for (const [id, packet] of after) {
    const old = before.get(id);
    if (!old) diff.added.push({ id, title: packet.title });
    else {
      const fields = packetFieldChanges(old, packet);
      if (fields.length > 0) diff.changed.push({ id, title: packet.title, fields });
    }
  }
  for (const [id, packet] of before) {
    if (!after.has(id)) diff.removed.push({ id, title: packet.title });
  }
  const a = stored.round;
  const b = incoming.round;
  if (a.title !== b.title) diff.settings.push('评审名称');
  if (a.kind !== b.kind) diff.settings.push('评审类型');
  if (a.programme !== b.programme) diff.settings.push('所属项目');
  if (!same(a.aggregation, b.aggregation)) diff.settings.push('汇总规则');
  if (!same(a.quotas, b.quotas)) diff.settings.push('名额');
  const expertsBefore = new Map(a.experts.map((e) => [e.id, e]));
  const expertsAfter = new Map(b.experts.map((e) => [e.id, e]));
  for (const [id, expert] of expertsAfter) {
    const old = expertsBefore.get(id);
    if (!old) diff.expertsAdded.push(expert);
    else if (!same(old, expert)) diff.expertsChanged.push(expert);
  }
  for (const [id, expert] of expertsBefore) {
    if (!expertsAfter.has(id)) diff.expertsRemoved.push(expert);
  }
  return diff;
}

export function isEmptyDiff(diff: RoundDiff): boolean {
  return (
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.changed.length === 0 &&
    diff.settings.length === 0 &&
    !diff.rubricChanged &&
    diff.expertsAdded.length === 0 &&
    diff.expertsRemoved.length === 0 &&
    diff.expertsChanged.length === 0
  );
}
