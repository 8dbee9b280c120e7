import { useServices } from '../../app/AppServices';
import { useExpertSession } from '../../app/Sessions';
import { ReasonForm } from '../../app/components/ReasonForm';
import { declareConflict } from '../../data/repositories/panelRepository';
import { useI18n } from '../../i18n/I18nProvider';

interface Props {
  roundId: string;
  packetId: string;
  expertId: string;
  onDone(): void;
}

/** The inline form an expert uses to declare 回避 on one packet; the reason is required. */
export function ConflictDeclaration({ roundId, packetId, expertId, onDone }: Props) {
  const { t } = useI18n();
  const { db } = useServices();
  const session = useExpertSession(roundId, expertId);
  return (
    <ReasonForm
      ariaLabel={t.conflict.declare}
      label={t.conflict.reasonLabel}
      placeholder={t.conflict.reasonPlaceholder}
      submitLabel={t.conflict.confirm}
      cancelLabel={t.conflict.cancel}
      onSubmit={async (reason) => {
        await declareConflict(db, session, roundId, packetId, expertId, reason);
        onDone();
      }}
      onCancel={onDone}
    />
  );
}
