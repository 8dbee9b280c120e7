/**
 * Everything the renderer needs from the outside world. The Electron preload and the web build
 * each implement it; the renderer sees only this type (window.reviewDesk in the desktop app).
 */

export interface FileFilter {
  /** Shown in the dialog, e.g. “评审包 (*.zip)”. */
  name: string;
  /** Without the dot: ['zip']. */
  extensions: string[];
}

export interface OpenFilesRequest {
  title: string;
  filters: FileFilter[];
  multiple: boolean;
}

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * A picked file read in pieces, as needed: a round package can be 2 GiB, which is never held
 * in memory whole. `read` gives exactly `length` bytes at `offset`, within `size`.
 */
export interface PickedSource {
  name: string;
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface SaveFileRequest {
  title: string;
  suggestedName: string;
  filters: FileFilter[];
  bytes: Uint8Array;
}

export type SaveOutcome = { saved: true; location: string } | { saved: false };

/** How the device key is protected at rest. */
export type KeyProtection = 'os-keystore' | 'passphrase' | 'webcrypto-non-extractable';

export interface DeviceKeyInfo {
  algorithm: 'Ed25519';
  /** Base64 of the 32 raw public-key bytes. */
  publicKey: string;
  /** First 16 hex digits of SHA-256 over the raw public key, grouped in fours. */
  fingerprint: string;
  protection: KeyProtection;
  createdAt: string;
}

export interface CreateKeyOptions {
  /**
   * Protects the key where the OS has no key store (desktop on Linux without a secret service).
   * Ignored where the key store or WebCrypto protects it.
   */
  passphrase?: string;
}

/**
 * Failures carry a stable code in Error.name (see KEY_ERROR): 'passphrase-required' from create()
 * when the OS has no key store and no passphrase was given; 'passphrase-locked' from sign() until
 * unlock(); 'wrong-passphrase' from unlock().
 */
export interface KeyCustody {
  /** The device key, or null when none was created yet. */
  info(): Promise<DeviceKeyInfo | null>;
  /** Create the device key if there is none; returns the existing one otherwise. */
  create(options?: CreateKeyOptions): Promise<DeviceKeyInfo>;
  /** Open a passphrase-protected key for this run of the app; resolves at once for other keys. */
  unlock(passphrase: string): Promise<void>;
  /** Ed25519 signature (64 raw bytes) by the device key. Fails when there is no key. */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

/** Shortest passphrase main accepts for a passphrase-protected key; the renderer checks it first. */
export const PASSPHRASE_MIN_LENGTH = 8;

export const KEY_ERROR = {
  passphraseRequired: 'passphrase-required',
  passphraseLocked: 'passphrase-locked',
  wrongPassphrase: 'wrong-passphrase',
} as const;

export interface PrintToPdfRequest {
  suggestedName: string;
}

/**
 * Whole-round backups written automatically when the desktop app closes (docs/formats.md,
 * Backup archive). Main keeps the folder and holds the window open while the renderer backs up;
 * the renderer decides what changed, encrypts, and hands main finished archives.
 *
 * The close handshake: main calls the onCloseRequested handler; the renderer answers closeAck()
 * at once (otherwise main closes after a few seconds, in case the page is hung), then either
 * closeNow() (backed up, or the user chose to skip) or closeCancel() (the user keeps the app
 * open; the next close asks again).
 */
export interface AutoBackupHost {
  /** The chosen folder (an absolute path), or null when none is chosen. */
  folder(): Promise<string | null>;
  /** The native folder dialog; the new folder, or null when cancelled (the old one stays). */
  chooseFolder(): Promise<string | null>;
  /** No folder: closing no longer backs up. */
  clearFolder(): Promise<void>;
  /**
   * Writes one archive into the folder, atomically, then prunes that round's oldest automatic
   * archives (see AUTO_BACKUPS_KEPT_PER_ROUND). `name` must be an autoBackupName(); only allowed
   * while a close is held for a backup.
   */
  write(name: string, bytes: Uint8Array): Promise<{ location: string }>;
  /** Called when the window is about to close and a folder is set; returns an unsubscribe. */
  onCloseRequested(handler: () => void): () => void;
  closeAck(): Promise<void>;
  closeNow(): Promise<void>;
  closeCancel(): Promise<void>;
}

export interface Platform {
  readonly kind: 'electron' | 'web';
  appVersion(): Promise<string>;
  /** Resolves to [] when the user cancels. */
  openFiles(request: OpenFilesRequest): Promise<PickedFile[]>;
  /** One file, to be read in pieces (round packages); null when the user cancels. */
  openFileSource(request: Omit<OpenFilesRequest, 'multiple'>): Promise<PickedSource | null>;
  saveFile(request: SaveFileRequest): Promise<SaveOutcome>;
  readonly keys: KeyCustody;
  /** Print the current view to a PDF the user saves. */
  printToPdf(request: PrintToPdfRequest): Promise<SaveOutcome>;
  /** Desktop only: a page cannot write files while it unloads, so the web build has none. */
  readonly autoBackup?: AutoBackupHost;
}
