import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomicWrite';
import { parseJsonFile } from '../jsonFile';

/**
 * auto-backup.json in the userData folder: the folder the user chose for automatic backups.
 * Kept by main, not in the renderer's database, because main must know it synchronously when
 * the window's 'close' event fires, and so the renderer can never point writes elsewhere.
 */
const settingsSchema = z
  .object({
    version: z.literal(1),
    folder: z
      .string()
      .min(1)
      .max(4096)
      .refine((folder) => path.isAbsolute(folder), 'folder must be an absolute path')
      .nullable(),
  })
  .strict();

export type ParsedFolderSettings =
  { ok: true; folder: string | null } | { ok: false; reason: string };

export function parseFolderSettings(text: string): ParsedFolderSettings {
  const parsed = parseJsonFile(settingsSchema, text);
  return parsed.ok ? { ok: true, folder: parsed.value.folder } : parsed;
}

export function serializeFolderSettings(folder: string | null): string {
  return `${JSON.stringify(settingsSchema.parse({ version: 1, folder }), null, 2)}\n`;
}

export interface BackupFolderStore {
  /** Synchronous, for the close guard: the folder as last loaded or saved. */
  current(): string | null;
  /** Reads the file; a missing file means no folder, an unreadable one is logged and ignored. */
  load(): Promise<void>;
  set(folder: string): Promise<void>;
  clear(): Promise<void>;
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

export function createBackupFolderStore(options: {
  filePath: string;
  log?: (message: string, error?: unknown) => void;
}): BackupFolderStore {
  const log = options.log ?? (() => {});
  let folder: string | null = null;

  // Disk first, memory second: what the guard sees is what the next start will load.
  const save = async (next: string | null) => {
    await writeFileAtomic(
      options.filePath,
      new TextEncoder().encode(serializeFolderSettings(next)),
    );
    folder = next;
  };

  return {
    current: () => folder,
    async load() {
      let text: string;
      try {
        text = await readFile(options.filePath, 'utf8');
      } catch (error) {
        // Without its settings the app still works: it just does not back up on close, which
        // the 备份与恢复 page shows (no folder), so the user can choose one again.
        if (!isMissing(error)) log('auto-backup settings unreadable', error);
        folder = null;
        return;
      }
      const parsed = parseFolderSettings(text);
      if (!parsed.ok) log(`auto-backup settings ignored: ${parsed.reason}`);
      folder = parsed.ok ? parsed.folder : null;
    },
    set: (next) => save(next),
    clear: () => save(null),
  };
}
