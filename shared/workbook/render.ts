/**
 * The visible sheets of a result workbook, rendered from the payload alone. The writer writes
 * them and the verifier re-renders them to compare, so this is the one definition of what each
 * visible cell must say. The optional sheets (问题清单, 动态调整, 城市排名, and 专家组意见 of @3) appear only when the
 * payload has their section.
 */
import type { ResultPayload } from './payload';
import { renderDetail } from './renderDetail';
import { renderOpinions } from './renderOpinions';
import { renderAdjustments, renderCityRanking, renderFindings } from './renderFieldSheets';
import { renderAudit, renderConflicts, renderExperts } from './renderLists';
import { renderSummary } from './renderSummary';
import type { SheetTable } from './table';

export function renderVisibleSheets(payload: ResultPayload): SheetTable[] {
  const optional = (table: SheetTable | null) => (table ? [table] : []);
  return [
    renderSummary(payload),
    ...optional(renderCityRanking(payload)),
    ...optional(renderOpinions(payload)),
    renderDetail(payload),
    renderExperts(payload),
    renderConflicts(payload),
    ...optional(renderFindings(payload)),
    ...optional(renderAdjustments(payload)),
    renderAudit(payload),
  ];
}
