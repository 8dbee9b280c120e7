import { useI18n } from '../../i18n/I18nProvider';
import { AssignmentEditor } from './AssignmentEditor';
import { AuditLogPanel } from './AuditLogPanel';
import { ConflictsPanel } from './ConflictsPanel';
import { PanelMembers } from './PanelMembers';
import { ProgressMatrixView } from './ProgressMatrixView';

/** The secretariat's page for preparing and watching the panel. */
export function PanelPage({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  return (
    <main className="page">
      <h1>{t.panel.title}</h1>
      <ProgressMatrixView roundId={roundId} />
      <PanelMembers roundId={roundId} />
      <AssignmentEditor roundId={roundId} />
      <ConflictsPanel roundId={roundId} />
      <AuditLogPanel roundId={roundId} />
    </main>
  );
}
