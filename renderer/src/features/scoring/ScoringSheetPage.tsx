import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/AppServices';
import { hrefFor } from '../../app/router';
import { getExpert, getPacket, getRound, listAttachments } from '../../data/repositories/queries';
import { useI18n } from '../../i18n/I18nProvider';
import { AttachmentList } from '../packets/AttachmentList';
import { PacketDetails } from '../packets/PacketDetails';
import { ExpertProgressBar } from './ExpertProgressBar';
import { SheetForm } from './SheetForm';
import { useSheetDraft } from './useSheetDraft';

interface Props {
  roundId: string;
  expertId: string;
  packetId: string;
}

export function ScoringSheetPage({ roundId, expertId, packetId }: Props) {
  const { t } = useI18n();
  const { db } = useServices();
  const round = useLiveQuery(() => getRound(db, roundId), [db, roundId]);
  const expert = useLiveQuery(() => getExpert(db, roundId, expertId), [db, roundId, expertId]);
  const packet = useLiveQuery(() => getPacket(db, roundId, packetId), [db, roundId, packetId]);
  const attachments = useLiveQuery(
    () => listAttachments(db, roundId, packetId),
    [db, roundId, packetId],
  );
  const { sheet, save, update, submit } = useSheetDraft(db, roundId, packetId, expertId);

  if (!round || !expert || !packet || !attachments || !sheet)
    return <main className="page" aria-busy="true" />;

  return (
    <main className="page sheet-page">
      <div className="page-title">
        <a className="back" href={hrefFor({ name: 'expertSheets', roundId, expertId })}>
          ← {t.scoring.backToList}
        </a>
        <span className="muted">{expert.name}</span>
      </div>
      <ExpertProgressBar roundId={roundId} expertId={expertId} />
      <h1>
        <span className="mono muted">{packet.id}</span> {packet.title}
      </h1>
      <div className="sheet-layout">
        <aside className="packet-pane">
          <PacketDetails packet={packet} />
          <h2>{t.packets.attachments}</h2>
          <AttachmentList attachments={attachments} />
        </aside>
        <SheetForm
          rubric={round.rubric}
          sheet={sheet}
          save={save}
          onInput={(criterionId, text) =>
            update((s) => ({ inputs: { ...s.inputs, [criterionId]: text } }))
          }
          onVeto={(vetoId, ticked) =>
            update((s) => ({ vetoes: { ...s.vetoes, [vetoId]: ticked } }))
          }
          onVetoReason={(vetoId, text) =>
            update((s) => ({ vetoReasons: { ...s.vetoReasons, [vetoId]: text } }))
          }
          onComment={(text) => update(() => ({ comment: text }))}
          onSubmit={() => submit(round.rubric, expert.name)}
        />
      </div>
    </main>
  );
}
