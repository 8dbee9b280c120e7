import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useServices } from '../../app/AppServices';
import { useExpertSession } from '../../app/Sessions';
import { hrefFor } from '../../app/router';
import { getExpert, getPacket, getRound, listAttachments } from '../../data/repositories/queries';
import type { ExpertRow } from '../../data/rows';
import { useI18n } from '../../i18n/I18nProvider';
import { PacketDetails } from '../packets/PacketDetails';
import { ReaderPane } from '../reader/ReaderPane';
import { SplitView } from '../reader/SplitView';
import { ExpertProgressBar } from './ExpertProgressBar';
import { NextSheetButton } from './NextSheetButton';
import { PinGate } from './PinGate';
import { SheetForm } from './SheetForm';
import { useSheetDraft } from './useSheetDraft';

interface Props {
  roundId: string;
  expertId: string;
  packetId: string;
}

export function ScoringSheetPage({ roundId, expertId, packetId }: Props) {
  const { db } = useServices();
  const expert = useLiveQuery(() => getExpert(db, roundId, expertId), [db, roundId, expertId]);
  if (!expert) return <main className="page" aria-busy="true" />;
  return (
    <PinGate roundId={roundId} expert={expert}>
      {/* Keyed by packet: moving to another sheet starts afresh (focus, confirmation, drafts). */}
      <ScoringSheet key={packetId} roundId={roundId} expert={expert} packetId={packetId} />
    </PinGate>
  );
}

function ScoringSheet({
  roundId,
  expert,
  packetId,
}: {
  roundId: string;
  expert: ExpertRow;
  packetId: string;
}) {
  const { t } = useI18n();
  const { db } = useServices();
  const expertId = expert.id;
  const round = useLiveQuery(() => getRound(db, roundId), [db, roundId]);
  const packet = useLiveQuery(() => getPacket(db, roundId, packetId), [db, roundId, packetId]);
  const attachments = useLiveQuery(
    () => listAttachments(db, roundId, packetId),
    [db, roundId, packetId],
  );
  const session = useExpertSession(roundId, expertId);
  const { sheet, save, update, submit } = useSheetDraft(db, roundId, packetId, expertId, session);
  // Set once this sheet is submitted here: the way on to the next sheet then takes focus.
  const [justSubmitted, setJustSubmitted] = useState(false);
  // The same element while the packet and its attachments stay the same: a keystroke re-renders
  // the sheet, and React then skips the document pane (and its pages) altogether.
  const reader = useMemo(
    () =>
      packet && attachments ? (
        <ReaderPane attachments={attachments} details={<PacketDetails packet={packet} />} />
      ) : null,
    [packet, attachments],
  );

  if (!round || !packet || !attachments || !sheet)
    return <main className="page" aria-busy="true" />;

  const back = (
    <div className="page-title">
      <a className="back" href={hrefFor({ name: 'expertSheets', roundId, expertId })}>
        ← {t.scoring.backToList}
      </a>
      <span className="muted">{expert.name}</span>
    </div>
  );

  if (sheet.status === 'conflict') {
    // Fair by construction: after 回避 the expert sees the title and their own reason, nothing else.
    return (
      <main className="page narrow">
        {back}
        <h1>{packet.title}</h1>
        <p className="banner" role="status">
          {t.conflict.declared(sheet.conflictReason)}
        </p>
      </main>
    );
  }

  // The document on the left, the sheet on the right; each scrolls on its own.
  return (
    <main className="page sheet-page reader-page">
      <div className="reader-page-head">
        <a className="back" href={hrefFor({ name: 'expertSheets', roundId, expertId })}>
          ← {t.scoring.backToList}
        </a>
        <h1 title={packet.title}>
          <span className="mono muted">{packet.id}</span> {packet.title}
        </h1>
        <span className="muted">{expert.name}</span>
        <ExpertProgressBar roundId={roundId} expertId={expertId} />
      </div>
      {sheet.status === 'returned' && sheet.returnReason && (
        <p className="banner warning" role="status" data-testid="sheet-returned">
          {t.returned(sheet.returnReason)}
        </p>
      )}
      <SplitView
        reader={reader}
        sheet={
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
            onSubmit={async () => {
              const outcome = await submit(round.rubric);
              if (outcome.ok) setJustSubmitted(true);
              return outcome;
            }}
            afterSubmit={
              <NextSheetButton
                roundId={roundId}
                expertId={expertId}
                packetId={packetId}
                focusOnShow={justSubmitted}
              />
            }
          />
        }
      />
    </main>
  );
}
