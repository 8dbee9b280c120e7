/**
 * The visible sheets of a result workbook, rendered from the payload alone. The writer writes
 * them and the verifier re-renders them to compare, so this is the one definition of what each
 * visible cell must say.
 */
import type { ResultPayload } from './payload';
import { renderDetail } from './renderDetail';
import { renderAudit, renderConflicts, renderExperts } from './renderLists';
import { renderSummary } from './renderSummary';
import type { SheetTable } from './table';

export function renderVisibleSheets(payload: ResultPayload): SheetTable[] {
  return [
    renderSummary(payload),
    renderDetail(payload),
    renderExperts(payload),
    renderConflicts(payload),
    renderAudit(payload),
  ];
}
