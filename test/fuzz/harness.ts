/**
 * Byte-level mutation fuzzing for the readers. Every case mutates a valid file and
 * feeds it to a reader, which must return its result type (loaded, or refused with messages):
 * no exception, no case slower than CASE_TIME_LIMIT_MS, and Object.prototype untouched.
 * `npm test` runs a bounded number of cases; `npm run fuzz` sets FUZZ_RUNS for a longer run.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/** Multiplies every suite's default number of cases (npm run fuzz sets it). */
export const FUZZ_SCALE = Math.max(1, Number(process.env.FUZZ_RUNS ?? '1') || 1);
/** Generous for a 2-core CI machine; a hang or a quadratic blow-up is far beyond it. */
export const CASE_TIME_LIMIT_MS = Number(process.env.FUZZ_CASE_MS ?? '3000');
export const fuzzTimeout = (defaultRuns: number, msPerCase: number) =>
  Math.max(30_000, defaultRuns * FUZZ_SCALE * msPerCase * 3);

export type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'int32'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'duplicate'; at: number; length: number };

const position = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  // ZIP directories and JSON tails sit at the end: aim there too.
  fc.double({ min: 0.8, max: 1, noNaN: true, maxExcluded: true }),
);
const interesting32 = fc.constantFrom(0, 1, 0x7f, 0xff, 0xffff, 0x7fffffff, 0xffffffff, 0x80000000);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: position,
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({
    kind: fc.constant('set' as const),
    at: position,
    value: fc.oneof(
      fc.constantFrom(0, 0xff, 0x7f, 0x80, 0x22, 0x5c, 0x7b, 0x2e),
      fc.integer({ min: 0, max: 255 }),
    ),
  }),
  fc.record({ kind: fc.constant('int32' as const), at: position, value: interesting32 }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: position,
    length: fc.integer({ min: 1, max: 64 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: position,
    length: fc.integer({ min: 1, max: 256 }),
  }),
);

export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 });

export function mutate(input: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes = input.slice();
  for (const m of mutations) {
    if (bytes.length === 0) break;
    const at = Math.min(bytes.length - 1, Math.floor(m.at * bytes.length));
    switch (m.kind) {
      case 'flip':
        bytes[at] = bytes[at]! ^ (1 << m.bit);
        break;
      case 'set':
        bytes[at] = m.value;
        break;
      case 'int32':
        for (let k = 0; k < 4 && at + k < bytes.length; k++)
          bytes[at + k] = (m.value >>> (8 * k)) & 0xff;
        break;
      case 'truncate':
        bytes = bytes.slice(0, at);
        break;
      case 'delete':
        bytes = Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + m.length)]);
        break;
      case 'insert':
        bytes = Uint8Array.from([...bytes.subarray(0, at), ...m.bytes, ...bytes.subarray(at)]);
        break;
      case 'duplicate':
        bytes = Uint8Array.from([
          ...bytes.subarray(0, at + m.length),
          ...bytes.subarray(at, at + m.length),
          ...bytes.subarray(at + m.length),
        ]);
        break;
    }
  }
  return bytes;
}

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

/** Object.prototype has exactly its own standard members, and `{}` carries nothing extra. */
export function expectPrototypeClean() {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
}

export interface FuzzStats {
  tried: number;
  loaded: number;
  refused: number;
  failures: number;
  /** Per reader rule: crafted inputs refused by it, and mutated cases it refused. */
  rules: Record<string, { crafted: number; mutated: number }>;
}

/**
 * A rule of the reader, proven on crafted inputs that break only it: each must be refused with
 * a message matching `message`. Mutated cases refused with such a message are counted too.
 */
export interface ReaderRule {
  /** As the summary line names it, e.g. `duplicate member`. */
  name: string;
  inputs: Uint8Array[];
  message: RegExp;
}

/**
 * Run `defaultRuns × FUZZ_SCALE` mutated cases of `valid` through `read`. `classify` checks the
 * reader's contract and says whether the input loaded or was refused; it throws on a breach.
 */
export async function fuzzReader<R>(options: {
  name: string;
  valid: Uint8Array;
  defaultRuns: number;
  seed: number;
  read: (bytes: Uint8Array) => R | Promise<R>;
  classify: (result: R, input: Uint8Array) => 'loaded' | 'refused';
  extra?: Uint8Array[];
  rules?: ReaderRule[];
  /** The messages of a refusal, to tell which rule refused it (needed with `rules`). */
  messages?: (result: R) => string[];
}): Promise<FuzzStats> {
  const rules = options.rules ?? [];
  const stats: FuzzStats = {
    tried: 0,
    loaded: 0,
    refused: 0,
    failures: 0,
    rules: Object.fromEntries(rules.map((r) => [r.name, { crafted: 0, mutated: 0 }])),
  };
  const rulesHit = (result: R) => {
    const messages = options.messages?.(result) ?? [];
    return rules.filter((rule) => messages.some((m) => rule.message.test(m)));
  };
  const runOne = async (input: Uint8Array): Promise<R> => {
    stats.tried++;
    const started = performance.now();
    let result: R;
    try {
      result = await options.read(input);
    } catch (error) {
      stats.failures++;
      throw new Error(`${options.name}: the reader threw ${String(error)}`, { cause: error });
    }
    const elapsed = performance.now() - started;
    if (elapsed > CASE_TIME_LIMIT_MS) {
      stats.failures++;
      throw new Error(`${options.name}: one case took ${elapsed.toFixed(0)} ms`);
    }
    try {
      stats[options.classify(result, input)]++;
      expectPrototypeClean();
    } catch (error) {
      stats.failures++;
      throw error;
    }
    return result;
  };
  for (const input of options.extra ?? []) await runOne(input);
  for (const rule of rules) {
    for (const input of rule.inputs) {
      const result = await runOne(input);
      if (!rulesHit(result).includes(rule)) {
        stats.failures++;
        const got = options.messages?.(result).join('\n') || '（载入成功）';
        throw new Error(
          `${options.name}: rule “${rule.name}” did not refuse a crafted input:\n${got}`,
        );
      }
      stats.rules[rule.name]!.crafted++;
    }
  }
  await fc.assert(
    fc.asyncProperty(mutationsArb, async (mutations) => {
      const result = await runOne(mutate(options.valid, mutations));
      for (const rule of rulesHit(result)) stats.rules[rule.name]!.mutated++;
    }),
    { numRuns: options.defaultRuns * FUZZ_SCALE, seed: options.seed, endOnFailure: true },
  );
  const ruleSummary = rules
    .map(
      (r) =>
        `${r.name} ${stats.rules[r.name]!.crafted}/${r.inputs.length} crafted + ${stats.rules[r.name]!.mutated} mutated`,
    )
    .join(', ');
  console.log(
    `fuzz: ${options.name} — ${stats.tried} cases tried, ${stats.failures} failures ` +
      `(${stats.loaded} loaded, ${stats.refused} refused with a message)` +
      (ruleSummary ? `; refused by rule: ${ruleSummary}` : ''),
  );
  return stats;
}

/** The Parsed / InputProblem contract: ok with a value, or a non-empty list of located messages. */
export function classifyParsed(
  result:
    | { ok: true }
    | { ok: false; problems: readonly { file: string; field: string; message: string }[] },
): 'loaded' | 'refused' {
  if (result.ok) return 'loaded';
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(typeof p.file).toBe('string');
    expect(typeof p.field).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
  }
  return 'refused';
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** The messages of a Parsed refusal, located (`file › field：message`). */
export const parsedMessages = (
  result:
    | { ok: true }
    | { ok: false; problems: readonly { file: string; field: string; message: string }[] },
): string[] =>
  result.ok ? [] : result.problems.map((p) => `${p.file} › ${p.field}：${p.message}`);
