import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { officeWorkbook, OFFICE_TITLE } from '@shared/roster/officeRoster.fixture';
import { readRosterWorkbook } from '@shared/roster/readRosterWorkbook';
import { rosterToRound } from '@shared/roster/rosterToRound';
import { builtInRubric } from '@shared/rubrics/builtInRubrics';
import { openDatabase } from '../db';
import { importRound, storedRoundContent } from './roundRepository';

let counter = 0;
const freshDb = () => openDatabase(`roster-import-test-${Date.now()}-${counter++}`);

function officeRound() {
  const tables = readRosterWorkbook(officeWorkbook(), '汇总表.xlsx');
  if (!tables.ok) throw new Error(tables.problems.map((p) => p.message).join('\n'));
  const built = rosterToRound(
    tables.value,
    { title: OFFICE_TITLE, builtIn: builtInRubric('key-project-selection')! },
    '汇总表.xlsx',
  );
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('\n'));
  return built.value;
}

describe('a round from an office roster, stored', () => {
  it('keeps each expert’s 职称 apart from the 单位, and the same roster again is unchanged', async () => {
    const content = officeRound();
    const db = await freshDb();
    await importRound(db, content, '汇总表.xlsx');
    const stored = await storedRoundContent(db, content.round.id);
    expect(stored?.round.experts[1]).toEqual({
      id: 'E02',
      name: '吴志强',
      org: '四川建筑职业技术学院',
      city: '',
      title: '教授',
    });
    expect(stored?.round).toEqual(content.round);
    expect(await importRound(db, officeRound(), '汇总表.xlsx')).toEqual({
      kind: 'unchanged',
      roundId: content.round.id,
    });
  });
});
