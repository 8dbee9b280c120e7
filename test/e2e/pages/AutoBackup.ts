import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The desktop bridge's automatic backup as the tests drive it: installDesktopBridge() puts a
 * window.reviewDesk with the preload's contract into the page, with an in-page folder that
 * records the archives written, and a stand-in for main's close guard.
 */
export interface BridgeRecord {
  folder: string | null;
  /** Every AutoBackupHost call and close request, in order: 'closeAck', 'write <name>', … */
  calls: string[];
  files: { name: string; base64: string }[];
}

export const FOLDER = '/home/expert/评审备份';

/**
 * Mirrors main: the folder is kept by "main"; a close request goes to the page only when a
 * folder is set; write() is refused (Error name = main's code) unless the close was
 * acknowledged; closeNow/closeCancel end the held close. The page stays open after closeNow
 * here, so the test can look, and close again.
 */
export async function installDesktopBridge(page: Page, folder = FOLDER) {
  await page.addInitScript((chosen: string) => {
    const failure = (name: string, message: string) => Object.assign(new Error(message), { name });
    const record = {
      folder: null as string | null,
      calls: [] as string[],
      files: [] as { name: string; bytes: Uint8Array }[],
    };
    let guard: 'open' | 'awaiting-ack' | 'backing-up' = 'open';
    let failNextWrite: string | null = null;
    const handlers = new Set<() => void>();
    const test = {
      requestClose() {
        record.calls.push('close');
        // Main closes at once without a folder, and ignores a close while one is held.
        if (record.folder === null || guard !== 'open') return;
        guard = 'awaiting-ack';
        handlers.forEach((handler) => handler());
      },
      failNextWrite(message: string) {
        failNextWrite = message;
      },
      record() {
        const b64 = (bytes: Uint8Array) => {
          let text = '';
          for (let i = 0; i < bytes.length; i += 0x8000) {
            text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          }
          return btoa(text);
        };
        return {
          folder: record.folder,
          calls: [...record.calls],
          files: record.files.map((f) => ({ name: f.name, base64: b64(f.bytes) })),
        };
      },
    };
    (window as unknown as { __autoBackupTest: typeof test }).__autoBackupTest = test;
    (window as unknown as { reviewDesk: unknown }).reviewDesk = {
      kind: 'electron',
      appVersion: async () => 'e2e',
      openFiles: async () => [],
      openFileSource: async () => null,
      saveFile: async () => ({ saved: false }),
      printToPdf: async () => ({ saved: false }),
      keys: {
        info: async () => null,
        create: async () => {
          throw failure('failed', '测试桥不提供密钥');
        },
        unlock: async () => undefined,
        sign: async () => {
          throw failure('no-key', '尚未创建设备密钥，无法签名。');
        },
      },
      autoBackup: {
        folder: async () => record.folder,
        chooseFolder: async () => {
          record.folder = chosen;
          return chosen;
        },
        clearFolder: async () => {
          record.folder = null;
        },
        write: async (name: string, bytes: Uint8Array) => {
          record.calls.push(`write ${name}`);
          if (guard !== 'backing-up')
            throw failure('not-closing', '自动备份只在关闭评审台时写入。');
          if (record.folder === null) throw failure('no-backup-folder', '尚未选择自动备份文件夹。');
          if (failNextWrite !== null) {
            const message = failNextWrite;
            failNextWrite = null;
            throw failure('backup-folder-missing', message);
          }
          record.files.push({ name, bytes: new Uint8Array(bytes) });
          return { location: `${record.folder}/${name}` };
        },
        onCloseRequested: (handler: () => void) => {
          const call = () => handler();
          handlers.add(call);
          return () => handlers.delete(call);
        },
        closeAck: async () => {
          record.calls.push('closeAck');
          if (guard === 'awaiting-ack') guard = 'backing-up';
        },
        closeNow: async () => {
          record.calls.push('closeNow');
          guard = 'open';
        },
        closeCancel: async () => {
          record.calls.push('closeCancel');
          guard = 'open';
        },
      },
    };
  }, folder);
}

type TestHooks = {
  __autoBackupTest: {
    requestClose(): void;
    failNextWrite(message: string): void;
    record(): BridgeRecord;
  };
};

export const bridge = {
  requestClose: (page: Page) =>
    page.evaluate(() => (window as unknown as TestHooks).__autoBackupTest.requestClose()),
  failNextWrite: (page: Page, message: string) =>
    page.evaluate(
      (m) => (window as unknown as TestHooks).__autoBackupTest.failNextWrite(m),
      message,
    ),
  record: (page: Page): Promise<BridgeRecord> =>
    page.evaluate(() => (window as unknown as TestHooks).__autoBackupTest.record()),
  /** Resolves once the page has called closeNow `times` times in all. */
  async closedTimes(page: Page, times: number) {
    await expect
      .poll(async () => (await bridge.record(page)).calls.filter((c) => c === 'closeNow').length)
      .toBe(times);
  },
};

/** 关闭时自动备份 on the 备份与恢复 page, and the dialog shown on close. */
export class AutoBackupSection {
  readonly section: Locator;
  readonly dialog: Locator;

  constructor(page: Page) {
    this.section = page.getByRole('region', { name: '关闭时自动备份' });
    this.dialog = page.getByRole('dialog', { name: '关闭前自动备份' });
  }

  async chooseFolder() {
    await this.section.getByRole('button', { name: '选择文件夹…' }).click();
    await expect(this.section.getByTestId('auto-backup-folder')).toHaveText(
      `备份文件夹：${FOLDER}`,
    );
  }

  /** Types the passphrase twice in `form` and presses Enter (the keyboard path). */
  static async enterPassphrase(form: Locator, passphrase: string, confirmation = passphrase) {
    await form.getByLabel('备份口令（至少 8 个字符）').fill(passphrase);
    await form.getByLabel('再次输入口令').fill(confirmation);
    await form.getByLabel('再次输入口令').press('Enter');
  }

  async setPassphrase(passphrase: string, confirmation = passphrase) {
    const form = this.section.getByRole('form', { name: '设置本次口令' });
    await AutoBackupSection.enterPassphrase(form, passphrase, confirmation);
  }
}
