import { describe, expect, it } from 'vitest';
import { add, ceil, ceilTo, cmp, div, fraction, parseDecimal, parseExact, toDecimalString } from '../../server/domain/exact.ts';

describe('exact arithmetic', () => {
  it('parses decimals exactly, where binary floats do not', () => {
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(cmp(add(parseDecimal('0.1'), parseDecimal('0.2')), parseDecimal('0.3'))).toBe(0);
    expect(cmp(div(parseDecimal('0.18'), parseDecimal('3')), parseDecimal('0.06'))).toBe(0);
  });

  it.each([
    ['-120.50', -241n, 2n],
    ['+3', 3n, 1n],
    ['0.000001', 1n, 1000000n],
  ])('parseDecimal(%s)', (s, n, d) => expect(parseDecimal(s)).toEqual({ n, d }));

  it.each(['1e5', '1,000', '', '.5', '5.', 'abc', '--1'])('rejects %j', (s) => expect(() => parseDecimal(s)).toThrow());

  it('parses rule shares written as fractions', () => expect(parseExact('2/3')).toEqual({ n: 2n, d: 3n }));

  it.each([
    [fraction(1, 3), 4, false, '0.3333'],
    [fraction(2, 3), 4, false, '0.6667'],
    [fraction(5, 1000), 2, false, '0.01'],
    [fraction(-5, 1000), 2, false, '-0.01'],
    [fraction(-1, 1000), 2, false, '0.00'],
    [fraction(179, 4), 6, true, '44.75'],
    [fraction(7, 1), 2, true, '7'],
  ])('rounds %o to %i places half-up', (f, places, trim, out) => expect(toDecimalString(f, places, trim)).toBe(out));

  it('rounds up for "how much more" figures', () => {
    expect(ceil(fraction(7, 2))).toBe(4n);
    expect(ceil(fraction(-7, 2))).toBe(-3n);
    expect(ceil(fraction(8, 2))).toBe(4n);
    expect(toDecimalString(ceilTo(parseDecimal('12.341'), 2), 2)).toBe('12.35');
    expect(toDecimalString(ceilTo(parseDecimal('12.34'), 2), 2)).toBe('12.34');
  });
});
