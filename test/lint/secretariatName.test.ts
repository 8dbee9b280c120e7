import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../renderer/src/i18n/zh-CN';
import { actorLabel, SECRETARIAT_ACTOR } from '../../renderer/src/data/session/session';

// The audit log is signed data read by people: it names the secretariat one way, 秘书处, from
// SECRETARIAT_ACTOR, both as the actor and inside the text of an entry's detail.

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the secretariat is named one way', () => {
  it('records 秘书处 as the actor of a secretariat action', () => {
    expect(SECRETARIAT_ACTOR).toBe('秘书处');
    expect(actorLabel({ kind: 'secretariat' })).toBe(SECRETARIAT_ACTOR);
  });

  it('writes audit detail that names the secretariat through SECRETARIAT_ACTOR only', () => {
    const literal = sources('renderer/src/data').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${file}:${i + 1}`, line }))
        .filter(({ line }) => /\bdetail:/.test(line) && line.includes('秘书')),
    );
    expect(literal.map((l) => l.where)).toEqual([]);
  });

  it('never shortens 秘书处 to 秘书 on screen', () => {
    const text = JSON.stringify(zhCN, (_k, v: unknown) =>
      typeof v === 'function' ? String(v) : v,
    );
    expect(text.match(/秘书(?!处|长)/g) ?? []).toEqual([]);
  });
});
