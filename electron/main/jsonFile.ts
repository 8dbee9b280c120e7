import type { z } from 'zod';

/** A small JSON file main keeps under userData, read back: its value, or why it is unusable. */
export type ParsedJsonFile<T> = { ok: true; value: T } | { ok: false; reason: string };

export function parseJsonFile<S extends z.ZodType>(
  schema: S,
  text: string,
): ParsedJsonFile<z.infer<S>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, reason: parsed.error.issues.map((issue) => issue.message).join('; ') };
  }
  return { ok: true, value: parsed.data };
}
