import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CanonicalJsonError, canonicalBytes, canonicalize } from './canonicalJson';

/** A double from its IEEE 754 bit pattern, as RFC 8785 Appendix B lists them. */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalize: RFC 8785 number serialisation (Appendix B)', () => {
  const vectors: [string, string][] = [
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ];
  it.each(vectors)('bits %s → %s', (bits, expected) => {
    expect(canonicalize(fromBits(bits))).toBe(expected);
  });

  it('writes the literals the brief names', () => {
    expect(canonicalize(1e21)).toBe('1e+21');
    expect(canonicalize(1e-7)).toBe('1e-7');
    expect(canonicalize(-0)).toBe('0');
    // The RFC's own example literal: it is not exactly representable, which is the point.
    // eslint-disable-next-line no-loss-of-precision
    expect(canonicalize(333333333.33333329)).toBe('333333333.3333333');
    expect(canonicalize(4.5)).toBe('4.5');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'refuses the non-finite number %s',
    (value) => {
      expect(() => canonicalize({ score: value })).toThrow(CanonicalJsonError);
      expect(() => canonicalize({ score: value })).toThrow(/\$\.score/);
    },
  );
});

describe('canonicalize: RFC 8785 examples', () => {
  it('§3.2.2 sample: numbers, string escapes and literals', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        '"literals": [null, true, false]}',
    ) as unknown;
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('§3.2.3 sample: keys sorted by UTF-16 code units, surrogate pair before U+FB33', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalize(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control",' +
        '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",' +
        '"\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('keeps non-BMP characters literal and encodes them as 4-byte UTF-8', () => {
    expect(canonicalize('测试𪚥')).toBe('"测试𪚥"');
    expect(Array.from(canonicalBytes('𪚥'))).toEqual([0x22, 0xf0, 0xaa, 0x9a, 0xa5, 0x22]);
  });

  it('escapes only what JSON requires', () => {
    expect(canonicalize('\u0000\u001f\b\t\n\f\r"\\/\u007f\u2028')).toBe(
      '"\\u0000\\u001f\\b\\t\\n\\f\\r\\"\\\\/\u007f\u2028"',
    );
  });

  it('sorts nested objects and keeps array order', () => {
    expect(canonicalize({ b: [3, { z: 1, a: 2 }], a: { y: null, x: true } })).toBe(
      '{"a":{"x":true,"y":null},"b":[3,{"a":2,"z":1}]}',
    );
  });
});

describe('canonicalize: refusals', () => {
  it('refuses undefined, functions, bigint and symbols with the path', () => {
    expect(() => canonicalize({ a: [1, undefined] })).toThrow(/\$\.a\[1\]/);
    expect(() => canonicalize({ f: () => 1 })).toThrow(CanonicalJsonError);
    expect(() => canonicalize(10n)).toThrow(CanonicalJsonError);
    expect(() => canonicalize(Symbol('x'))).toThrow(CanonicalJsonError);
  });

  it('refuses cycles but accepts shared, acyclic references', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => canonicalize(cyclic)).toThrow(/循环引用/);
    const shared = { x: 1 };
    expect(canonicalize({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('refuses lone surrogates, in values and keys', () => {
    expect(() => canonicalize('a\ud800b')).toThrow(/代理项/);
    expect(() => canonicalize('\udc00')).toThrow(/代理项/);
    expect(() => canonicalize({ ['\ud83d']: 1 })).toThrow(/代理项/);
  });

  it('refuses non-plain objects and sparse arrays', () => {
    expect(() => canonicalize(new Date(0))).toThrow(CanonicalJsonError);
    expect(() => canonicalize(new Map())).toThrow(CanonicalJsonError);
    expect(() => canonicalize(new Array(2))).toThrow(/空位/);
    expect(canonicalize(Object.create(null) as object)).toBe('{}');
  });
});

describe('canonicalize: properties', () => {
  // JSON-representable values; 'grapheme' strings include non-BMP characters but never lone
  // surrogates (which canonicalize rightly refuses).
  const json = fc.jsonValue({ stringUnit: 'grapheme' });

  it('is a fixed point through JSON.parse', () => {
    fc.assert(
      fc.property(json, (value) => {
        const once = canonicalize(value);
        expect(canonicalize(JSON.parse(once))).toBe(once);
      }),
    );
  });

  it('agrees with JSON.parse: the canonical text denotes the same value', () => {
    fc.assert(
      fc.property(json, (value) => {
        // -0 is the one value JSON cannot keep apart; JCS writes it as 0 on purpose.
        expect(JSON.parse(canonicalize(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('does not depend on key insertion order', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'grapheme' }), json),
        fc.integer(),
        (record, seed) => {
          const entries = Object.entries(record);
          // Deterministic shuffle driven by fast-check's seed.
          const shuffled = entries
            .map((entry, i) => ({ entry, key: Math.imul(i + 1, seed | 1) >>> 0 }))
            .sort((a, b) => a.key - b.key)
            .map(({ entry }) => entry);
          expect(canonicalize(Object.fromEntries(shuffled))).toBe(canonicalize(record));
        },
      ),
    );
  });
});
