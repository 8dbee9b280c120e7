import Dexie, { type EntityTable } from 'dexie';
import { keyFingerprint } from '@shared/signing/hash';
import { encodeBase64 } from '@shared/signing/base64';
import type {
  DeviceKeyInfo,
  OpenFilesRequest,
  PickedFile,
  PickedSource,
  Platform,
  PrintToPdfRequest,
  SaveFileRequest,
  SaveOutcome,
} from '@shared/platform/Platform';

/**
 * The Platform for a plain browser (`npm run web`, the end-to-end tests, and laptops where
 * installing software is not allowed). Files go through the browser's pickers and downloads; the
 * device key is a non-extractable WebCrypto key kept in IndexedDB, so page script can use it to
 * sign but can never read it out.
 */

interface StoredKey {
  id: 'device';
  keyPair: CryptoKeyPair;
  info: DeviceKeyInfo;
}

class KeyStore extends Dexie {
  keys!: EntityTable<StoredKey, 'id'>;
  constructor() {
    super('review-desk-keys', { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ keys: '&id' });
  }
}

/** The browser's file picker: resolves to the chosen files, or [] when cancelled. */
function chooseFiles(request: OpenFilesRequest): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = request.multiple;
    input.accept = request.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.style.display = 'none';
    input.addEventListener('cancel', () => {
      input.remove();
      resolve([]);
    });
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []);
      input.remove();
      resolve(files);
    });
    document.body.append(input);
    input.click();
  });
}

async function pickFiles(request: OpenFilesRequest): Promise<PickedFile[]> {
  return Promise.all(
    (await chooseFiles(request)).map(async (file) => ({
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
}

/** A File is read in slices; only the slices asked for come into memory. */
async function pickFileSource(
  request: Omit<OpenFilesRequest, 'multiple'>,
): Promise<PickedSource | null> {
  const [file] = await chooseFiles({ ...request, multiple: false });
  if (!file) return null;
  return {
    name: file.name,
    size: file.size,
    read: async (offset, length) => {
      // The browser refuses (NotReadableError) once the file was moved, changed or deleted.
      const changed = new Error(
        `读取“${file.name}”失败：文件在读取时被移动、修改或删除，请重新选择。`,
      );
      const bytes = await file
        .slice(offset, offset + length)
        .arrayBuffer()
        .then(
          (buffer) => new Uint8Array(buffer),
          () => {
            throw changed;
          },
        );
      if (bytes.length !== length) throw changed;
      return bytes;
    },
  };
}

function download(request: SaveFileRequest): SaveOutcome {
  const url = URL.createObjectURL(new Blob([request.bytes as Uint8Array<ArrayBuffer>]));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = request.suggestedName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke later: the download starts asynchronously from the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { saved: true, location: request.suggestedName };
}

export function createWebPlatform(version: string): Platform {
  let store: KeyStore | undefined;
  const keyStore = () => (store ??= new KeyStore());

  return {
    kind: 'web',
    appVersion: async () => version,
    openFiles: pickFiles,
    openFileSource: pickFileSource,
    saveFile: async (request) => download(request),
    printToPdf: async (_request: PrintToPdfRequest) => {
      // The browser's print dialog offers “Save as PDF”; it does not tell us what the user chose.
      window.print();
      return { saved: false };
    },
    keys: {
      async info() {
        return (await keyStore().keys.get('device'))?.info ?? null;
      },
      // A non-extractable WebCrypto key needs no passphrase: the options are ignored.
      async create() {
        const existing = await keyStore().keys.get('device');
        if (existing) return existing.info;
        const keyPair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
          'sign',
          'verify',
        ])) as CryptoKeyPair;
        const raw = new Uint8Array(await crypto.subtle.exportKey('raw', keyPair.publicKey));
        const info: DeviceKeyInfo = {
          algorithm: 'Ed25519',
          publicKey: encodeBase64(raw),
          fingerprint: keyFingerprint(raw),
          protection: 'webcrypto-non-extractable',
          createdAt: new Date().toISOString(),
        };
        await keyStore().keys.put({ id: 'device', keyPair, info });
        return info;
      },
      async unlock() {
        // Nothing to open: the browser holds the key and never hands it out.
      },
      async sign(message) {
        const stored = await keyStore().keys.get('device');
        if (!stored) throw new Error('本机还没有签名密钥，请先在“密钥”页面创建。');
        const signature = await crypto.subtle.sign(
          { name: 'Ed25519' },
          stored.keyPair.privateKey,
          message as Uint8Array<ArrayBuffer>,
        );
        return new Uint8Array(signature);
      },
    },
  };
}
