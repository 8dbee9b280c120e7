import { describe, expect, it } from 'vitest';
import { isBlobWriteFailure, isQuotaExceeded, storageFailureMessage } from './storageErrors';

describe('isQuotaExceeded', () => {
  it('finds the quota error however it is wrapped', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaExceeded(quota)).toBe(true);
    expect(isQuotaExceeded({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaExceeded({ name: 'BulkError', failures: [new Error('x'), quota] })).toBe(true);
    expect(isQuotaExceeded(new Error('other'))).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
    expect(isQuotaExceeded('QuotaExceededError')).toBe(false);
  });
});

describe('refused attachment Blobs', () => {
  // As Chromium reports it through Dexie when too many new Blob bytes are alive at once.
  const refused = new DOMException('Failed to write blobs (InvalidBlob)', 'DataError');

  it('is recognised however it is wrapped, and only that DataError', () => {
    expect(isBlobWriteFailure(refused)).toBe(true);
    expect(isBlobWriteFailure({ name: 'AbortError', inner: refused })).toBe(true);
    expect(
      isBlobWriteFailure(new DOMException('Data provided is not a valid key', 'DataError')),
    ).toBe(false);
    expect(isBlobWriteFailure(new Error('Failed to write blobs'))).toBe(false);
  });

  it('gets its own message where the caller writes attachments, the raw one elsewhere', () => {
    const wrapped = { name: 'AbortError', message: 'aborted', inner: refused };
    expect(storageFailureMessage(wrapped, 'disk full', 'blobs refused')).toBe('blobs refused');
    expect(
      storageFailureMessage(
        new DOMException('full', 'QuotaExceededError'),
        'disk full',
        'blobs refused',
      ),
    ).toBe('disk full');
    expect(storageFailureMessage(refused, 'disk full')).toBe('Failed to write blobs (InvalidBlob)');
  });
});
