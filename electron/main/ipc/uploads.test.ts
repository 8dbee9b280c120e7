import { describe, expect, it } from 'vitest';
import { createUploads } from './uploads';

describe('uploads', () => {
  it('collects the pieces in order and hands the whole over once', () => {
    const uploads = createUploads();
    const id = uploads.begin(5);
    uploads.piece(id, 0, Uint8Array.from([1, 2]));
    uploads.piece(id, 2, Uint8Array.from([3, 4, 5]));
    expect([...uploads.take({ upload: id })]).toEqual([1, 2, 3, 4, 5]);
    expect(() => uploads.take({ upload: id })).toThrow(/已失效/);
  });

  it('passes bytes sent in the message straight through', () => {
    const bytes = Uint8Array.from([9]);
    expect(createUploads().take(bytes)).toBe(bytes);
  });

  it('refuses pieces out of order or too long, an incomplete upload, and a replaced one', () => {
    const uploads = createUploads();
    const gap = uploads.begin(4);
    expect(() => uploads.piece(gap, 1, Uint8Array.from([1]))).toThrow(/顺序或长度/);
    expect(() => uploads.take({ upload: gap })).toThrow(/已失效/);

    const long = uploads.begin(2);
    expect(() => uploads.piece(long, 0, Uint8Array.from([1, 2, 3]))).toThrow(/顺序或长度/);

    const partial = uploads.begin(3);
    uploads.piece(partial, 0, Uint8Array.from([1]));
    expect(() => uploads.take({ upload: partial })).toThrow(/不完整/);

    const first = uploads.begin(1);
    const second = uploads.begin(1);
    expect(() => uploads.piece(first, 0, Uint8Array.from([1]))).toThrow(/已失效/);
    uploads.piece(second, 0, Uint8Array.from([7]));
    expect([...uploads.take({ upload: second })]).toEqual([7]);
  });
});
