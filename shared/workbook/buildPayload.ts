/**
 * Compiled results → the signed payload. Takes what compileRound produced (the one code path
 * for numbers) and the inputs it was compiled from; computes nothing new, it only selects and
 * normalises text (cellText) so the payload says exactly what the cells will say.
 */
import type { AuditContent } from '../audit/chain';
import { cityRanking } from '../compile/cityRanking';
import type { CompileResult, CompileSheet } from '../compile/types';
import type { Packet, Round } from '../model/roundPackage';
import type { EvidenceEntry } from '../evidence/format';
import { decodeBase64 } from '../signing/base64';
import { keyFingerprint } from '../signing/hash';
import { cellText } from './cellText';
import { RESULT_FORMAT } from './format';
import type { FindingSeverity } from './format';
import type { ResultPayload, SheetRecord } from './payload';

export type AuditInput = Pick<AuditContent, 'at' | 'actor' | 'action' | 'subject' | 'detail'>;

export interface ResultWorkbookInput {
  round: Round;
  packets: readonly Packet[];
  /** The sheets that were compiled: comments and veto reasons are taken from here. */
  sheets: readonly CompileSheet[];
  /** compileRound's result for exactly these inputs. */
  result: CompileResult;
  /** Expert id → fingerprint of the key that signed their scores, when known. */
  expertKeys?: Readonly<Record<string, string>>;
  /**
   * Expert id → the expert's registered public key (canonical base64). Recorded with its
   * fingerprint in the payload and on 专家名单, so the central system can check every score
   * file against the key the secretariat registered; takes precedence over `expertKeys`.
   */
  expertPublicKeys?: Readonly<Record<string, string>>;
  /** Audit entries to list in 审计记录 (the CLI has none). */
  audit?: readonly AuditInput[];
  /** ISO 8601 with offset. */
  generatedAt: string;
  /** The writing program and version, e.g. `review-desk 0.1.0`. */
  generator: string;
  /** 问题清单 (inspection rounds): given → the sheet is written, even when empty. */
  findings?: readonly FindingInput[];
  /** 动态调整 records: given → the sheet is written, even when empty. */
  adjustments?: readonly AdjustmentInput[];
  /** The evidence archive's files (writeEvidenceArchive's entries); none or empty → no `evidence`. */
  evidence?: readonly EvidenceEntry[];
  /** 专家组意见 by packet (any order; written in result order). The 专家组意见 sheet is always written. */
  opinions?: readonly OpinionInput[];
}

/** The panel's opinion on a packet, as the chair wrote it. */
export interface OpinionInput {
  packetId: string;
  text: string;
  /** 姓名（专家编号） of the chair who wrote it. */
  chair: string;
  /** ISO 8601 with offset. */
  at: string;
}

/** An inspection finding as the app stores it; the site title comes from the packet. */
export interface FindingInput {
  packetId: string;
  severity: FindingSeverity;
  description: string;
  owner: string;
  dueDate: string;
  status: 'open' | 'closed';
  recordedBy: string;
  recordedAt: string;
  closedAt: string | null;
}

/** A 动态调整 decision on a body (packet); title and applicant come from the packet. */
export interface AdjustmentInput {
  packetId: string;
  action: 'cancel' | 'add';
  basis: string;
  reason: string;
  decidedOn: string;
  decidedBy: string;
}

const t = cellText;

export function buildResultPayload(input: ResultWorkbookInput): ResultPayload {
  const { round, result } = input;
  const packets = new Map(input.packets.map((p) => [p.id, p]));
  const criteria = round.rubric.sections.flatMap((section) =>
    section.criteria.map((c) => ({
      id: c.id,
      section: t(section.title),
      title: t(c.title),
      max: c.max,
    })),
  );
  const vetoOrder = round.rubric.vetoes.map((v) => v.id);
  // The sheet a SheetResult came from: same packet, expert and revision.
  const sources = new Map(
    input.sheets.map((s) => [`${s.packetId}\u0000${s.expertId}\u0000${s.revision}`, s]),
  );

  const sheets: SheetRecord[] = [];
  for (const packet of result.packets) {
    for (const sheet of packet.sheets) {
      const source = sources.get(
        `${packet.packetId}\u0000${sheet.expertId}\u0000${sheet.revision}`,
      );
      const scores: Record<string, number> = {};
      for (const c of criteria) {
        const value = sheet.scores[c.id];
        if (typeof value === 'number') scores[c.id] = value;
      }
      const vetoReasons: Record<string, string> = {};
      for (const id of sheet.vetoes) {
        const reason = source?.vetoReasons?.[id];
        if (reason) vetoReasons[id] = t(reason);
      }
      sheets.push({
        packetId: packet.packetId,
        expertId: sheet.expertId,
        revision: sheet.revision,
        points: sheet.points,
        scores,
        vetoes: vetoOrder.filter((id) => sheet.vetoes.includes(id)),
        vetoReasons,
        comment: t(source?.comment ?? ''),
        trimmed: sheet.trimmed,
        deviation: {
          flagged: sheet.deviation.flagged,
          othersMean: sheet.deviation.othersMean,
          distance: sheet.deviation.distance,
          threshold: sheet.deviation.threshold,
          status: sheet.deviation.status,
          reason: sheet.deviation.reason === null ? null : t(sheet.deviation.reason),
        },
      });
    }
  }

  const ranking = cityRanking({ round, packets: input.packets, result });
  const optional: Pick<ResultPayload, 'findings' | 'adjustments' | 'cityRanking' | 'evidence'> = {};
  if (ranking) {
    optional.cityRanking = {
      quota: ranking.quota,
      cities: ranking.cities.map((c) => ({ ...c, city: t(c.city) })),
    };
  }
  if (input.findings) {
    optional.findings = input.findings.map((f) => ({
      packetId: f.packetId,
      title: t(packets.get(f.packetId)?.title ?? ''),
      severity: f.severity,
      description: t(f.description),
      owner: t(f.owner),
      dueDate: t(f.dueDate),
      status: f.status,
      recordedBy: t(f.recordedBy),
      recordedAt: t(f.recordedAt),
      closedAt: f.closedAt === null ? null : t(f.closedAt),
    }));
  }
  if (input.evidence && input.evidence.length > 0) {
    optional.evidence = input.evidence.map((e) => ({ ...e, of: { ...e.of } }));
  }
  if (input.adjustments) {
    optional.adjustments = input.adjustments.map((a) => ({
      packetId: a.packetId,
      title: t(packets.get(a.packetId)?.title ?? ''),
      applicant: t(packets.get(a.packetId)?.applicant.name ?? ''),
      action: a.action,
      basis: t(a.basis),
      reason: t(a.reason),
      decidedOn: t(a.decidedOn),
      decidedBy: t(a.decidedBy),
    }));
  }

  const opinionOf = new Map((input.opinions ?? []).map((o) => [o.packetId, o]));
  const opinions = result.packets.flatMap((p) => {
    const opinion = opinionOf.get(p.packetId);
    return opinion
      ? [
          {
            packetId: p.packetId,
            text: t(opinion.text),
            chair: t(opinion.chair),
            at: t(opinion.at),
          },
        ]
      : [];
  });

  return {
    format: RESULT_FORMAT,
    generatedAt: input.generatedAt,
    generator: input.generator,
    round: {
      id: round.id,
      title: t(round.title),
      kind: round.kind,
      programme: t(round.programme),
      aggregation: { ...round.aggregation, tieBreak: [...round.aggregation.tieBreak] },
      quotas: round.quotas.map((q) => ({ group: t(q.group), count: q.count, reserve: q.reserve })),
      passLine: round.rubric.passLine,
      bands: round.rubric.bands.map((b) => ({ label: t(b.label), min: b.min })),
      criteria,
      vetoes: round.rubric.vetoes.map((v) => ({
        id: v.id,
        title: t(v.title),
        ...(v.rule ? { rule: v.rule } : {}),
      })),
    },
    experts: round.experts.map((e) => {
      const publicKey = input.expertPublicKeys?.[e.id] ?? null;
      return {
        id: e.id,
        name: t(e.name),
        org: t(e.org),
        city: t(e.city),
        keyFingerprint:
          publicKey === null
            ? (input.expertKeys?.[e.id] ?? null)
            : keyFingerprint(decodeBase64(publicKey)),
        publicKey,
      };
    }),
    results: result.packets.map((p) => {
      const packet = packets.get(p.packetId);
      return {
        packetId: p.packetId,
        title: t(p.title),
        applicant: t(packet?.applicant.name ?? ''),
        city: t(packet?.applicant.city ?? ''),
        group: t(p.group),
        n: p.n,
        score: p.score,
        method: p.method,
        rank: p.rank,
        tied: p.tied,
        decision: p.decision === null ? null : t(p.decision),
        decisionSource: p.decisionSource,
        chairDecision: p.chairDecision
          ? { decision: p.chairDecision.decision, reason: t(p.chairDecision.reason) }
          : null,
        vetoes: p.vetoes.map((v) => ({ id: v.id, ticks: v.ticks, decisive: v.decisive })),
        tieAtQuota: p.tieAtQuota
          ? { lines: [...p.tieAtQuota.lines], packetIds: [...p.tieAtQuota.packetIds] }
          : null,
        flags: [...p.flags],
      };
    }),
    sheets,
    conflicts: result.packets.flatMap((p) =>
      p.excluded
        .filter((e) => e.reason === 'conflict')
        .map((e) => ({ packetId: p.packetId, expertId: e.expertId, reason: t(e.detail) })),
    ),
    audit: (input.audit ?? []).map((a) => ({
      at: t(a.at),
      actor: t(a.actor),
      action: t(a.action),
      subject: t(a.subject),
      detail: t(a.detail),
    })),
    ...optional,
    opinions,
  };
}
