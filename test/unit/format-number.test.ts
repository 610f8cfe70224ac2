// formatNumber writes a number exactly as toLocaleString('en-GB') does (grouped thousands, at most
// three decimals, rounded from the shortest decimal form, "-0" kept), without Intl: compared with
// Intl on hand-picked edge cases and on 20,000 seeded random integers and decimals of every size.
import { describe, expect, it } from 'vitest';
import { formatNumber } from '@/domain/rules/values';
import { seededRandom } from '../helpers/storage-fixtures';

const intl = (value: number) => value.toLocaleString('en-GB');

describe('formatNumber', () => {
  it.each([
    [200_000, '200,000'],
    [1234.5, '1,234.5'],
    [-1234.5678, '-1,234.568'],
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
  ])('writes %d as %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('agrees with Intl on edge cases', () => {
    const edges = [
      0,
      -0,
      1,
      -1,
      12,
      123,
      1234,
      12345,
      123456,
      1234567,
      1e15,
      1e21,
      1.5e300,
      5e-324,
      1e-7,
      0.1 + 0.2,
      0.5,
      0.0005,
      0.0004,
      -0.0004,
      1.2345,
      1.2355,
      2.675,
      1.005,
      999.9995,
      999.9994,
      9999999.9999,
      0.9995,
      123.4565,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      Number.MAX_VALUE,
      Infinity,
      -Infinity,
      NaN,
    ];
    expect(edges.map(formatNumber)).toEqual(edges.map(intl));
  });

  it('agrees with Intl on 20,000 random numbers', () => {
    const random = seededRandom(20261207);
    const values = Array.from({ length: 20_000 }, () => {
      const scale = 10 ** Math.floor(random() * 13);
      const decimals = 10 ** Math.floor(random() * 7);
      const sign = random() < 0.2 ? -1 : 1;
      return (sign * Math.round(random() * scale * decimals)) / decimals;
    });
    const differing = values.filter((v) => formatNumber(v) !== intl(v));
    expect(differing.slice(0, 5).map((v) => [v, formatNumber(v), intl(v)])).toEqual([]);
  });
});
