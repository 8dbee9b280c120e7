import { parseAutoBackupName } from '@shared/backup/autoBackupName';

/**
 * Which files of the backup folder to delete after `written` was added: the automatic archives
 * of the same round beyond the newest `keep`, by the time in their names. Any other file in the
 * folder — the user's own backups, other rounds, other programs' files — is never listed, and
 * neither is `written` itself, even if the clock went back and it is not the newest.
 */
export function archivesToPrune(folderNames: string[], written: string, keep: number): string[] {
  const own = parseAutoBackupName(written);
  if (!own || keep < 1) return [];
  const sameRound = folderNames
    .filter((name) => name !== written)
    .map((name) => ({ name, parsed: parseAutoBackupName(name) }))
    .filter(({ parsed }) => parsed !== null && parsed.stem === own.stem)
    .sort((a, b) =>
      a.parsed!.stamp < b.parsed!.stamp ? 1 : a.parsed!.stamp > b.parsed!.stamp ? -1 : 0,
    )
    .map(({ name }) => name);
  // `written` always stays, so it takes one of the `keep` places.
  return sameRound.slice(keep - 1);
}
