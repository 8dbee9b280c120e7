import './i18nSetup';
import type { z } from 'zod';

/** One problem with an input, phrased for a secretary: where it is, what is wrong, what to do. */
export interface InputProblem {
  /** The file the problem is in, e.g. `round.json` or `packets/P001.json`. */
  file: string;
  /** The field, as a dotted path, e.g. `rubric.sections[0].criteria[2].max`; '' for the whole file. */
  field: string;
  message: string;
  /** Technical detail (file and folder names inside the package), shown one click away. */
  detail?: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/** Parse `input` with `schema`, turning zod's issues into located, human messages. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  file: string,
): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      file,
      field: fieldPath(issue.path),
      message: issue.message,
    })),
  };
}

export function formatProblem(problem: InputProblem): string {
  return problem.field
    ? `${problem.file} › ${problem.field}：${problem.message}`
    : `${problem.file}：${problem.message}`;
}
