/**
 * 评审设置: the round's title, year and batch, programme, aggregation, veto rules, quotas,
 * tie-break and grouping, stored on the round row (the fields compile reads stay where they
 * are: `aggregation`, `quotas`, the rubric's vetoes; the rest in `settings`). Only the
 * secretariat writes them. Free until the first sheet is submitted; after that every change
 * needs a reason and is kept on the round (`settingsChanges`) for the results page.
 */
import type { ReviewDeskDb } from '../db';
import type { RoundRow } from '../rows';
import { actorLabel, requireSecretariat, type Session } from '../session/session';
import { appendAudit } from './auditLog';
import { assertResultsOpen } from './resultsLock';
import {
  changesText,
  groupUnder,
  resolvedVetoRules,
  rubricWithVetoRules,
  settingsChanges,
  settingsProblems,
  type LocalRoundSettings,
  type RoundSettings,
  type SettingChange,
  type SettingsChangeRecord,
} from '@shared/rounds/roundSettings';
import type { RoundKind } from '@shared/model/roundPackage';
import type { Rubric } from '@shared/model/rubric';

export class RoundSettingsError extends Error {
  override name = 'RoundSettingsError';
  constructor(
    message: string,
    /** Problems by field key (shared/rounds/roundSettings.ts settingsProblems). */
    readonly problems: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface RoundSettingsView {
  roundId: string;
  kind: RoundKind;
  rubric: Rubric;
  settings: RoundSettings;
  /** The packets' group and 类别, for the groups a grouping gives. */
  packets: { id: string; group: string; category: string }[];
  panelSize: number;
  /** A sheet has been submitted: changes now need a reason. */
  scoringStarted: boolean;
}

/** The panel page kept the minimum under this key before 评审设置 existed. */
const legacyPanelKey = (roundId: string) => `panel:${roundId}`;

function isSubmittedOnce(sheet: { status: string; submittedAt: string | null }): boolean {
  return sheet.status === 'submitted' || sheet.submittedAt !== null;
}

/** The stored settings, or their defaults for a round saved before 评审设置 existed. */
function localSettings(round: RoundRow, legacyMin: unknown): LocalRoundSettings {
  if (round.settings) return round.settings;
  return {
    year: null,
    batch: null,
    minValidSheets:
      typeof legacyMin === 'number' && Number.isInteger(legacyMin) && legacyMin >= 1
        ? legacyMin
        : round.aggregation.trimWhenAtLeast,
    splitByCategory: false,
  };
}

function settingsOf(round: RoundRow, local: LocalRoundSettings): RoundSettings {
  return {
    ...local,
    title: round.title,
    programme: round.programme,
    aggregation: { ...round.aggregation, tieBreak: [...round.aggregation.tieBreak] },
    vetoRules: resolvedVetoRules(round.rubric, round.aggregation),
    quotas: round.quotas.map((q) => ({ group: q.group, count: q.count, reserve: q.reserve ?? 0 })),
  };
}

/** What the 评审设置 page shows. Reads one request at a time (the live-query rule in queries.ts). */
export async function readRoundSettings(
  db: ReviewDeskDb,
  roundId: string,
): Promise<RoundSettingsView | undefined> {
  const round = await db.rounds.get(roundId);
  if (!round) return undefined;
  const legacy = await db.settings.get(legacyPanelKey(roundId));
  const packets = await db.packets.where('roundId').equals(roundId).toArray();
  const experts = await db.experts.where('roundId').equals(roundId).toArray();
  const sheets = await db.sheets.where('roundId').equals(roundId).toArray();
  const legacyMin = (legacy?.value as { minSheets?: unknown } | undefined)?.minSheets;
  return {
    roundId,
    kind: round.kind,
    rubric: round.rubric,
    settings: settingsOf(round, localSettings(round, legacyMin)),
    packets: packets
      .filter((p) => !p.withdrawn)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((p) => ({ id: p.id, group: p.group, category: p.category })),
    panelSize: experts.filter((e) => !e.removed).length,
    scoringStarted: sheets.some(isSubmittedOnce),
  };
}

/** The minimum valid sheets per packet in force (评审组 lists packets short of it). */
export async function minValidSheets(db: ReviewDeskDb, roundId: string): Promise<number> {
  const view = await readRoundSettings(db, roundId);
  return view?.settings.minValidSheets ?? 5;
}

/** Changes made after scoring began, oldest first (the results page lists them). */
export async function settingsChangesAfterScoring(
  db: ReviewDeskDb,
  roundId: string,
): Promise<SettingsChangeRecord[]> {
  return (await db.rounds.get(roundId))?.settingsChanges ?? [];
}

export interface SavedSettings {
  changes: SettingChange[];
  /** Whether the change was made after scoring began (and so carries its reason). */
  afterScoring: boolean;
}

/**
 * Saves the settings in one transaction with its audit entry. Refused, with nothing written:
 * without the secretariat's session; while the results are confirmed; with any invalid field
 * (RoundSettingsError lists them); after the first submission without a reason. Saving
 * settings equal to the stored ones writes nothing.
 */
export async function saveRoundSettings(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  next: RoundSettings,
  reason = '',
): Promise<SavedSettings> {
  const actor = actorLabel(requireSecretariat(session).actor);
  return db.transaction(
    'rw',
    [db.rounds, db.packets, db.experts, db.sheets, db.settings, db.confirmations, db.audit],
    async () => {
      const view = await readRoundSettings(db, roundId);
      const round = await db.rounds.get(roundId);
      if (!view || !round) throw new RoundSettingsError(`找不到评审 ${roundId}`);
      await assertResultsOpen(db, roundId);
      const wanted: RoundSettings = { ...next, title: next.title.trim() };
      const problems = settingsProblems(wanted, {
        kind: round.kind,
        rubric: round.rubric,
        panelSize: view.panelSize,
      });
      if (Object.keys(problems).length > 0) {
        throw new RoundSettingsError(
          `评审设置有 ${Object.keys(problems).length} 处需要修改：${Object.values(problems).join('；')}`,
          problems,
        );
      }
      const changes = settingsChanges(view.settings, wanted, round.rubric);
      if (changes.length === 0) return { changes, afterScoring: view.scoringStarted };
      const why = reason.trim();
      if (view.scoringStarted && why === '') {
        throw new RoundSettingsError(
          '已有专家提交评分，修改评审设置须填写理由（例如“经主管部门同意调整名额”），理由记入审计记录并显示在结果汇总页',
          { reason: '请填写修改理由' },
        );
      }
      const at = new Date();
      const local: LocalRoundSettings = {
        year: wanted.year,
        batch: wanted.batch,
        minValidSheets: wanted.minValidSheets,
        splitByCategory: wanted.splitByCategory,
      };
      const record: SettingsChangeRecord = { at: at.toISOString(), actor, reason: why, changes };
      await db.rounds.put({
        ...round,
        title: wanted.title,
        programme: wanted.programme,
        rubric: rubricWithVetoRules(round.rubric, round.aggregation, wanted.vetoRules),
        aggregation: { ...wanted.aggregation, vetoRule: round.aggregation.vetoRule },
        quotas: wanted.quotas.map((q) => ({ ...q })),
        settings: local,
        ...(view.scoringStarted
          ? { settingsChanges: [...(round.settingsChanges ?? []), record] }
          : {}),
      });
      if (wanted.splitByCategory !== view.settings.splitByCategory) {
        const packets = await db.packets.where('roundId').equals(roundId).toArray();
        for (const p of packets) {
          const group = groupUnder(p, wanted.splitByCategory);
          if (group !== p.group) await db.packets.update(p.key, { group });
        }
      }
      await appendAudit(
        db,
        {
          roundId,
          actor,
          action: 'round.settings',
          subject: roundId,
          detail: view.scoringStarted
            ? `评分开始后修改：${changesText(changes)}；理由：${why}`
            : changesText(changes),
        },
        at,
      );
      return { changes, afterScoring: view.scoringStarted };
    },
  );
}
