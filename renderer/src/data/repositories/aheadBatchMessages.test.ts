import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { isBlobWriteFailure, isQuotaExceeded, storageFailureMessage } from '../storageErrors';
import { crossedError, crossingError } from './aheadBatchMessages';

/** An error as it crosses from the batch worker to the page (structured clone, as postMessage). */
const crossed = (error: unknown) => crossedError(structuredClone(crossingError(error)));

describe('errors of the batch-writing worker, on the page', () => {
  it('are still recognised as refused blobs or a full disk, nested as Dexie nests them', () => {
    const blobs = new DOMException('Failed to write blobs (InvalidBlob)', 'DataError');
    const bulk = new Dexie.BulkError('attachments.bulkPut(): 1 of 10 operations failed', [blobs]);
    expect(isBlobWriteFailure(bulk)).toBe(true);
    expect(isBlobWriteFailure(crossed(bulk))).toBe(true);
    expect(isBlobWriteFailure(crossed(new Dexie.AbortError('aborted', blobs)))).toBe(true);

    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(isQuotaExceeded(crossed(new Dexie.AbortError('aborted', full)))).toBe(true);
    expect(isQuotaExceeded(crossed(bulk))).toBe(false);
  });

  it('keep their message for anything else', () => {
    const other = crossed(new TypeError('something else'));
    expect(other.name).toBe('TypeError');
    expect(storageFailureMessage(other, '磁盘空间不足')).toBe('something else');
  });
});
