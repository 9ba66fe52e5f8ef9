// The contrast stretch that replaced sharp's normalise() (server/extract/core/contrast.ts).
import { describe, expect, it } from 'vitest';
import { stretchContrast } from '../../server/extract/core/contrast.ts';

/** `n` pixels of each listed gray level. */
const page = (levels: [gray: number, n: number][]) => Uint8Array.from(levels.flatMap(([g, n]) => Array<number>(n).fill(g)));

describe('stretchContrast', () => {
  it('leaves a page whose 1 % and 99 % levels are black and white as it is (the L* round trip is exact)', () => {
    const ramp = page([[0, 300], ...Array.from({ length: 256 }, (_, g): [number, number] => [g, 40]), [255, 300]]);
    expect([...stretchContrast(ramp)]).toEqual([...ramp]);
  });

  it('sends the 1 % level to black and the 99 % level to white, the levels between in L* order: grey print on grey paper', () => {
    const out = stretchContrast(page([[120, 30], [160, 20], [200, 50]]));
    expect([out[0], out[49], out[99]]).toEqual([0, expect.any(Number), 255]);
    expect(out[49]).toBeGreaterThan(0);
    expect(out[49]).toBeLessThan(255);
  });

  it('keeps the order of gray levels (no level overtakes another)', () => {
    const levels = Array.from({ length: 60 }, (_, i): [number, number] => [40 + i * 3, 1 + (i % 5)]);
    const out = stretchContrast(page(levels));
    let i = 0, last = -1;
    for (const [, n] of levels) {
      expect(out[i]!).toBeGreaterThanOrEqual(last);
      last = out[i]!;
      i += n;
    }
  });

  it('leaves a blank page alone (no range to stretch) and returns a copy', () => {
    const blank = new Uint8Array(1000).fill(230);
    const out = stretchContrast(blank);
    expect([...out]).toEqual([...blank]);
    out[0] = 0;
    expect(blank[0]).toBe(230);
  });
});
