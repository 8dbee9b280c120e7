import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { formatHundredths } from '@shared/compile';
import {
  PUBLIC_LIST_COLUMNS,
  publicListTitle,
  writePublicListWorkbook,
  type PublicList,
} from '@shared/publicList';
import { useServices } from '../../app/AppServices';
import { hrefFor } from '../../app/router';
import { publicListView } from '../../data/repositories/papersRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { messageOf } from '../keys/keyErrors';
import { PaperSection, PaperToolbar, paperDate } from './PaperFrame';

/**
 * 公示名单: the publishable list per group, from confirmed results only, printed and as its own
 * .xlsx. It names no expert and shows no points per criterion, comment or opinion.
 */
export function PublicListPaper({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const p = t.papers.publicList;
  const { db } = useServices();
  const view = useLiveQuery(() => publicListView(db, roundId), [db, roundId]);
  if (!view) return <main className="page" aria-busy="true" />;
  const back = hrefFor({ name: 'papers', roundId, paper: 'index' });
  if (!view.ok) {
    return (
      <main className="page narrow papers-page">
        <PaperToolbar backHref={back} backLabel={t.papers.back} pdfName={null} />
        <h1>{p.title}</h1>
        <p className="banner error" role="alert" data-testid="public-list-refused">
          {p.refused}：{view.message}
        </p>
      </main>
    );
  }
  const { list } = view;
  const empty = list.groups.length === 0;
  return (
    <main className="page papers-page">
      <PaperToolbar
        backHref={back}
        backLabel={t.papers.back}
        pdfName={empty ? null : `${roundId}-公示名单.pdf`}
      >
        {!empty && <DownloadButton list={list} roundId={roundId} />}
      </PaperToolbar>
      {empty ? (
        <p className="banner" role="status">
          {p.empty}
        </p>
      ) : (
        <PaperSection
          roundTitle={list.roundTitle}
          roundId={list.roundId}
          digest={view.digest}
          label={p.title}
        >
          <h1 className="papers-public-title">{publicListTitle(list)}</h1>
          <p className="muted small">
            {p.confirmed(view.confirmationVersion)} · {paperDate()}
          </p>
          {list.groups.map((group) => (
            <section key={group.group} className="papers-group">
              <h2>{p.group(group.group)}</h2>
              <table className="papers-table" data-testid={`public-group-${group.group}`}>
                <thead>
                  <tr>
                    {PUBLIC_LIST_COLUMNS.map((header) => (
                      <th key={header} scope="col">
                        {header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {group.rows.map((row, i) => (
                    <tr key={i}>
                      <td className="number nowrap">{row.rank ?? ''}</td>
                      <td>{row.title}</td>
                      <td>{row.applicant}</td>
                      <td className="nowrap">{row.city}</td>
                      <td className="number nowrap">
                        {row.score === null ? '' : formatHundredths(Math.round(row.score * 100))}
                      </td>
                      <td className="nowrap">{row.conclusion}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
          <p className="papers-note">{p.note}</p>
        </PaperSection>
      )}
    </main>
  );
}

function DownloadButton({ list, roundId }: { list: PublicList; roundId: string }) {
  const { t } = useI18n();
  const p = t.papers.publicList;
  const { platform } = useServices();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function download() {
    setMessage(null);
    try {
      const saved = await platform.saveFile({
        title: p.saveTitle,
        suggestedName: `${roundId}-公示名单.xlsx`,
        filters: [{ name: p.fileFilter, extensions: ['xlsx'] }],
        bytes: writePublicListWorkbook(list),
      });
      if (saved.saved) setMessage({ ok: true, text: p.saved(saved.location) });
    } catch (e) {
      setMessage({ ok: false, text: messageOf(e) });
    }
  }
  return (
    <>
      <button type="button" className="button" onClick={() => void download()}>
        {p.download}
      </button>
      {message && (
        <span
          className={message.ok ? 'muted small' : 'error-text'}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </span>
      )}
    </>
  );
}
