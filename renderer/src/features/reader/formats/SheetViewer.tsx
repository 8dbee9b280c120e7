import { useId, useMemo, useState } from 'react';
import type { CsvEncoding } from '@shared/roster/rosterCsv';
import { useI18n } from '../../../i18n/I18nProvider';
import type { Merge, SheetTable } from './readSheets';

/** For each cell: its span when a merged area starts there, 'covered' when one covers it. */
function spans(merges: Merge[]) {
  const starts = new Map<string, Merge>();
  const covered = new Set<string>();
  for (const m of merges) {
    starts.set(`${m.row}:${m.column}`, m);
    for (let r = m.row; r < m.row + m.rows; r++)
      for (let c = m.column; c < m.column + m.columns; c++)
        if (r !== m.row || c !== m.column) covered.add(`${r}:${c}`);
  }
  return { starts, covered };
}

function SheetTableView({ sheet }: { sheet: SheetTable }) {
  const { t } = useI18n();
  const f = t.formats.sheet;
  const { starts, covered } = useMemo(() => spans(sheet.merges), [sheet.merges]);
  if (sheet.rows.length === 0) return <p className="format-note">{f.empty}</p>;
  const shownColumns = sheet.columnNames.length;
  const cut = sheet.rows.length < sheet.totalRows || shownColumns < sheet.totalColumns;
  return (
    <>
      {cut && (
        <p className="format-note warn" role="note" data-testid="sheet-cut">
          {f.cut(sheet.rows.length, sheet.totalRows, shownColumns, sheet.totalColumns)}
        </p>
      )}
      <div className="format-table-scroll">
        <table className="format-table" data-testid="format-sheet">
          <thead>
            <tr>
              <th scope="col" />
              {sheet.columnNames.map((name) => (
                <th key={name} scope="col">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((row, r) => (
              <tr key={r}>
                <th scope="row">{sheet.firstRow + r}</th>
                {row.map((value, c) => {
                  const key = `${r}:${c}`;
                  if (covered.has(key)) return null;
                  const merge = starts.get(key);
                  return (
                    <td key={c} rowSpan={merge?.rows} colSpan={merge?.columns}>
                      {value}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** A workbook or CSV as read-only tables, one tab per sheet. */
export function SheetViewer({
  sheets,
  encoding,
}: {
  sheets: SheetTable[];
  encoding?: CsvEncoding;
}) {
  const { t } = useI18n();
  const f = t.formats.sheet;
  const id = useId();
  const [current, setCurrent] = useState(0);
  const sheet = sheets[Math.min(current, sheets.length - 1)];
  return (
    <div className="format-sheets">
      <p className="format-note">
        {f.readOnly}
        {encoding && ` ${f.encoding(encoding)}`}
      </p>
      {sheets.length > 1 && (
        <div className="format-tabs" role="tablist" aria-label={f.tabs}>
          {sheets.map((s, i) => (
            <button
              key={`${i}-${s.name}`}
              type="button"
              role="tab"
              id={`${id}-tab-${i}`}
              aria-selected={i === current}
              aria-controls={`${id}-panel`}
              tabIndex={i === current ? 0 : -1}
              className={i === current ? 'format-tab current' : 'format-tab'}
              onClick={() => setCurrent(i)}
              onKeyDown={(e) => {
                const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : null;
                if (next === null || next < 0 || next >= sheets.length) return;
                e.preventDefault();
                setCurrent(next);
                document.getElementById(`${id}-tab-${next}`)?.focus();
              }}
            >
              {s.name}
              {s.hidden && f.hidden}
            </button>
          ))}
        </div>
      )}
      <div
        id={`${id}-panel`}
        role={sheets.length > 1 ? 'tabpanel' : undefined}
        aria-labelledby={sheets.length > 1 ? `${id}-tab-${current}` : undefined}
      >
        {sheet && <SheetTableView key={current} sheet={sheet} />}
      </div>
    </div>
  );
}
