import { describe, expect, it } from 'vitest';
import {
  readTextSize,
  TEXT_SIZE_STORAGE_KEY,
  textSizeFromStorageEvent,
  writeTextSize,
} from './textSize';

const storageWith = (value: string | null) => ({ getItem: () => value });

describe('text size on this laptop', () => {
  it('reads a stored size, and 标准 for nothing, an unknown value or a refusing profile', () => {
    expect(readTextSize(storageWith('xlarge'))).toBe('xlarge');
    expect(readTextSize(storageWith('large'))).toBe('large');
    expect(readTextSize(storageWith(null))).toBe('standard');
    expect(readTextSize(storageWith('huge'))).toBe('standard');
    expect(readTextSize(undefined)).toBe('standard');
    const refusing = {
      getItem: (): string | null => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(readTextSize(refusing)).toBe('standard');
  });

  it('writes under its own key, and a full or refusing storage does not throw', () => {
    const written = new Map<string, string>();
    writeTextSize({ setItem: (k, v) => void written.set(k, v) }, 'large');
    expect(written.get(TEXT_SIZE_STORAGE_KEY)).toBe('large');
    const full = {
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(() => writeTextSize(full, 'xlarge')).not.toThrow();
  });

  it('follows another window only for its own key', () => {
    expect(textSizeFromStorageEvent({ key: TEXT_SIZE_STORAGE_KEY, newValue: 'large' })).toBe(
      'large',
    );
    expect(textSizeFromStorageEvent({ key: TEXT_SIZE_STORAGE_KEY, newValue: null })).toBe(
      'standard',
    );
    expect(textSizeFromStorageEvent({ key: 'review-desk.language', newValue: 'en' })).toBeNull();
  });
});
