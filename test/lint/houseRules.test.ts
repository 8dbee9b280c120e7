import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Two house rules held by eslint.config.js (no-restricted-syntax): screens never touch Dexie
// tables (db.<table>, db.table, db.transaction outside renderer/src/data), and a useLiveQuery
// reader reads one request at a time (no Promise.all inside it). These cases lint source text
// under the project's own configuration, as `npm run lint` does.

const eslint = new ESLint({ cwd: process.cwd() });
const RULE_MESSAGE = /Screens never touch Dexie tables/;

// Loading the configuration and its plugins takes seconds on a busy machine: once, up front.
beforeAll(() => eslint.calculateConfigForFile('renderer/src/App.tsx'), 60_000);

async function tableMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error(`eslint returned no result for ${filePath}`);
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-syntax' && RULE_MESSAGE.test(m.message))
    .map((m) => `${m.line}:${m.column}`);
}

const screenSource = `import type { ReviewDeskDb } from '../../data/db';
export async function load(db: ReviewDeskDb, roundId: string) {
  const sheets = await db.sheets.where('roundId').equals(roundId).toArray();
  const experts = await db.table('experts').toArray();
  await db.transaction('rw', db.pins, async () => undefined);
  return { sheets, experts };
}
`;

describe('lint: screens never touch Dexie tables', () => {
  it('refuses db.<table>, db.table and db.transaction in a screen', async () => {
    const found = await tableMessages(screenSource, 'renderer/src/features/panel/Example.tsx');
    // db.sheets, db.table, db.transaction and db.pins: one message each.
    expect(found).toEqual(['3:24', '4:25', '5:9', '5:30']);
  });

  it('refuses them in the screens that once read tables directly', async () => {
    for (const screen of [
      'renderer/src/features/panel/ConflictsPanel.tsx',
      'renderer/src/features/panel/AssignmentEditor.tsx',
      'renderer/src/features/lostDatabase/LostDatabaseNotice.tsx',
      'renderer/src/App.tsx',
    ]) {
      expect(await tableMessages(screenSource, screen), screen).toHaveLength(4);
    }
  });

  it('lets the data layer and its tests use the tables', async () => {
    expect(await tableMessages(screenSource, 'renderer/src/data/repositories/example.ts')).toEqual(
      [],
    );
    expect(await tableMessages(screenSource, 'renderer/src/features/panel/x.test.ts')).toEqual([]);
  });
});

describe('lint: live queries read one request at a time', () => {
  const LIVE_MESSAGE = /Inside useLiveQuery, read one request at a time/;
  const screen = (reader: string) => `import { useLiveQuery } from 'dexie-react-hooks';
import { listExperts, listPackets } from '../../data/repositories/queries';
import type { ReviewDeskDb } from '../../data/db';
export function useBoth(db: ReviewDeskDb, roundId: string) {
  return useLiveQuery(${reader}, [db, roundId]);
}
`;

  async function liveMessages(code: string): Promise<number> {
    const [result] = await eslint.lintText(code, {
      filePath: 'renderer/src/features/panel/Example.tsx',
    });
    return result?.messages.filter((m) => LIVE_MESSAGE.test(m.message)).length ?? -1;
  }

  it('refuses reads side by side inside useLiveQuery', async () => {
    const sideBySide = `async () => {
    const [experts, packets] = await Promise.all([listExperts(db, roundId), listPackets(db, roundId)]);
    return { experts, packets };
  }`;
    expect(await liveMessages(screen(sideBySide))).toBe(1);
  });

  it('accepts the same reads one after another', async () => {
    const oneByOne = `async () => {
    const experts = await listExperts(db, roundId);
    const packets = await listPackets(db, roundId);
    return { experts, packets };
  }`;
    expect(await liveMessages(screen(oneByOne))).toBe(0);
  });
});
