/**
 * Shortest passphrase the UI accepts for a backup. Its own module so the close dialog, which is
 * in the app's first bundle, can check it without pulling in the archive code.
 */
export const BACKUP_PASSPHRASE_MIN_LENGTH = 8;
