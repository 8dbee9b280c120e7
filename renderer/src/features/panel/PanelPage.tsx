import { useI18n } from '../../i18n/I18nProvider';
import { SecretariatGate } from '../secretariat/SecretariatGate';
import { AssignmentEditor } from './AssignmentEditor';
import { AuditLogPanel } from './AuditLogPanel';
import { ConflictsPanel } from './ConflictsPanel';
import { PanelMembers } from './PanelMembers';
import { ProgressMatrixView } from './ProgressMatrixView';

/**
 * The secretariat's page for preparing and watching the panel: behind the secretariat's
 * passphrase, and every change on it passes the secretariat's session to the repository.
 */
export function PanelPage({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  return (
    <SecretariatGate title={t.panel.title} reason={t.panel.gateReason}>
      {(session) => (
        <main className="page">
          <h1>{t.panel.title}</h1>
          <ProgressMatrixView roundId={roundId} session={session} />
          <PanelMembers roundId={roundId} session={session} />
          <AssignmentEditor roundId={roundId} session={session} />
          <ConflictsPanel roundId={roundId} session={session} />
          <AuditLogPanel roundId={roundId} />
        </main>
      )}
    </SecretariatGate>
  );
}
