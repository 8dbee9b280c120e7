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

export interface KeyCustody {
  /** The device key, or null when none was created yet. */
  info(): Promise<DeviceKeyInfo | null>;
  /** Create the device key if there is none; returns the existing one otherwise. */
  create(): Promise<DeviceKeyInfo>;
  /** Ed25519 signature (64 raw bytes) by the device key. Fails when there is no key. */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

export interface PrintToPdfRequest {
  suggestedName: string;
}

export interface Platform {
  readonly kind: 'electron' | 'web';
  appVersion(): Promise<string>;
  /** Resolves to [] when the user cancels. */
  openFiles(request: OpenFilesRequest): Promise<PickedFile[]>;
  saveFile(request: SaveFileRequest): Promise<SaveOutcome>;
  readonly keys: KeyCustody;
  /** Print the current view to a PDF the user saves. */
  printToPdf(request: PrintToPdfRequest): Promise<SaveOutcome>;
}
