import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every repository path the docs name must exist, so a reader who follows one finds the file.
// A path counts when it starts with one of the repository's own top-level folders (build output
// such as dist/ is not one); fenced code blocks are skipped (the layout sketch in README.md uses
// paths relative to its own lines). Markdown links are resolved from the document's folder.

const ROOT = process.cwd();
const TOP = [
  '.ci',
  'bench',
  'build',
  'cli',
  'docs',
  'electron',
  'renderer',
  'scripts',
  'shared',
  'test',
];
const PATH_IN_TEXT = new RegExp(
  `(?<![\\w./@-])(?:${TOP.map((d) => d.replace('.', '\\.')).join('|')})/[\\w.*{},/@-]*`,
  'g',
);
const LINK = /\]\(([^)\s#]+)(?:#[^)]*)?\)/g;

const documents = ['README.md', ...readdirSync('docs').map((f) => `docs/${f}`)].filter((f) =>
  f.endsWith('.md'),
);

/** The text outside ``` fences, with each line's number. */
function proseLines(text: string): { line: number; text: string }[] {
  let fenced = false;
  return text.split('\n').flatMap((line, i) => {
    if (line.trimStart().startsWith('```')) {
      fenced = !fenced;
      return [];
    }
    return fenced ? [] : [{ line: i + 1, text: line }];
  });
}

/** A mention as written: trailing punctuation and a :line or :line-line suffix dropped. */
function cleaned(mention: string): string {
  return mention.replace(/[.,;:)]+$/, '').replace(/:\d+(-\d+)?$/, '');
}

/** One path segment with `*` and `{a,b}` as a pattern. */
function segmentPattern(segment: string): RegExp {
  const source = segment
    .replace(/[.+?^$()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\{([^}]*)\}/g, (_, list: string) => `(?:${list.split(',').join('|')})`);
  return new RegExp(`^${source}$`);
}

/** Whether a path, or at least one match of a `*` / `{a,b}` pattern, exists in the repository. */
function exists(repoPath: string, from = ROOT): boolean {
  const [segment, ...rest] = repoPath.split('/').filter(Boolean);
  if (segment === undefined) return true;
  if (!/[*{]/.test(segment)) {
    const next = path.join(from, segment);
    return (
      existsSync(next) &&
      (rest.length === 0 || (statSync(next).isDirectory() && exists(rest.join('/'), next)))
    );
  }
  const pattern = segmentPattern(segment);
  return readdirSync(from).some(
    (entry) => pattern.test(entry) && exists([entry, ...rest].join('/'), from),
  );
}

export function missingPaths(file: string, text: string): string[] {
  const missing: string[] = [];
  for (const { line, text: prose } of proseLines(text)) {
    for (const [mention] of prose.matchAll(PATH_IN_TEXT)) {
      const target = cleaned(mention);
      if (!exists(target)) missing.push(`${file}:${line} ${target}`);
    }
    for (const [, link] of prose.matchAll(LINK)) {
      if (link === undefined || /^[a-z]+:/.test(link)) continue;
      const target = path.relative(ROOT, path.join(ROOT, path.dirname(file), link));
      if (!exists(target)) missing.push(`${file}:${line} ${link}`);
    }
  }
  return [...new Set(missing)];
}

describe('paths named in README.md and docs/', () => {
  it('finds the docs to check', () => {
    expect(documents).toContain('README.md');
    expect(documents).toContain('docs/formats.md');
  });

  for (const file of documents) {
    it(`${file}: every repository path and relative link exists`, () => {
      expect(missingPaths(file, readFileSync(file, 'utf8'))).toEqual([]);
    });
  }

  it('refuses a missing file, a missing link and a glob that matches nothing', () => {
    const text = [
      'See `shared/no/such/file.ts` and renderer/src/data/db.ts.',
      'Details: [formats](docs/nowhere.md), tests in `electron/main/*.nothing.ts`.',
      '```',
      'shared/     only a sketch inside a fence',
      '```',
      'Fine: `shared/workbook/`, electron/main/*.test.ts, [ok](docs/formats.md#result-workbook).',
    ].join('\n');
    expect(missingPaths('README.md', text)).toEqual([
      'README.md:1 shared/no/such/file.ts',
      'README.md:2 docs/nowhere.md',
      'README.md:2 electron/main/*.nothing.ts',
    ]);
  });
});
