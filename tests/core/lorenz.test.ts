import fc from 'fast-check';
import { CurvePoint, lorenzCurve, paretoCurve } from '../../src/core/lorenz';
import { sortedPositiveDesc } from '../../src/core/ranking';

const first80 = (desc: ArrayLike<number>) => {
  let total = 0;
  for (let i = 0; i < desc.length; i++) total += desc[i];
  let cum = 0;
  for (let k = 1; k <= desc.length; k++) {
    cum += desc[k - 1];
    if (cum / total >= 0.8 - 1e-12) return { x: k / desc.length, y: k === desc.length ? 1 : cum / total };
  }
  return undefined;
};

const nonDecreasing = (pts: CurvePoint[]) => pts.every((p, i) => i === 0 || (p.x > pts[i - 1].x && p.y >= pts[i - 1].y - 1e-15));

describe('paretoCurve', () => {
  it('every point of a short curve', () => {
    expect(paretoCurve([50, 30, 10, 5, 5])).toEqual([
      { x: 0, y: 0 },
      { x: 0.2, y: 0.5 },
      { x: 0.4, y: 0.8 },
      { x: 0.6, y: 0.9 },
      { x: 0.8, y: 0.95 },
      { x: 1, y: 1 },
    ]);
  });

  it('an empty curve is the diagonal endpoints', () => {
    expect(paretoCurve([])).toEqual([
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ]);
  });

  it('downsampling keeps (0,0), (1,1) and the exact 80% crossing', () => {
    const desc = sortedPositiveDesc(Array.from({ length: 1000 }, (_, i) => 1000 - i));
    const pts = paretoCurve(desc, 20);
    expect(pts.length).toBeLessThanOrEqual(20);
    expect(pts[0]).toEqual({ x: 0, y: 0 });
    expect(pts[pts.length - 1]).toEqual({ x: 1, y: 1 });
    const cross = first80(desc)!;
    expect(pts).toContainEqual(cross);
    expect(cross.x).toBe(0.554);
    expect(nonDecreasing(pts)).toBe(true);
  });

  it('properties on random data', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 4, max: 300 }), (values, maxPoints) => {
        const desc = sortedPositiveDesc(values);
        const pts = paretoCurve(desc, maxPoints);
        expect(pts[0]).toEqual({ x: 0, y: 0 });
        expect(pts[pts.length - 1]).toEqual({ x: 1, y: 1 });
        expect(pts.length).toBeLessThanOrEqual(Math.max(maxPoints, 2));
        expect(pts).toContainEqual(first80(desc));
        expect(nonDecreasing(pts)).toBe(true);
        // a Pareto curve lies on or above the diagonal
        for (const p of pts) expect(p.y).toBeGreaterThanOrEqual(p.x - 1e-12);
      }),
      { numRuns: 150 },
    );
  });
});

describe('lorenzCurve', () => {
  it('every point of a short curve (from the smallest)', () => {
    expect(lorenzCurve([50, 30, 10, 5, 5])).toEqual([
      { x: 0, y: 0 },
      { x: 0.2, y: 0.05 },
      { x: 0.4, y: 0.1 },
      { x: 0.6, y: 0.2 },
      { x: 0.8, y: 0.5 },
      { x: 1, y: 1 },
    ]);
  });

  it('keeps endpoints, stays on or below the diagonal', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 2000 }), (values) => {
        const pts = lorenzCurve(sortedPositiveDesc(values), 50);
        expect(pts[0]).toEqual({ x: 0, y: 0 });
        expect(pts[pts.length - 1]).toEqual({ x: 1, y: 1 });
        expect(pts.length).toBeLessThanOrEqual(50);
        expect(nonDecreasing(pts)).toBe(true);
        for (const p of pts) expect(p.y).toBeLessThanOrEqual(p.x + 1e-12);
      }),
      { numRuns: 100 },
    );
  });

  it('equal clients give the diagonal', () => {
    for (const p of lorenzCurve([3, 3, 3, 3])) expect(p.y).toBeCloseTo(p.x, 12);
  });
});
