import fc from 'fast-check';

/** A client as the Pareto and tier code sees it: a unique key and a total (ties likely). */
export interface TestClient {
  key: string;
  total: number;
  orders: number;
}

/**
 * Clients with distinct keys and totals drawn from a small pool (so ties are common), some zero
 * or negative. Integers keep every sum exact, so order can never change a result by rounding.
 */
export function clientsArb(maxLength = 60): fc.Arbitrary<TestClient[]> {
  return fc
    .uniqueArray(
      fc.record({
        key: fc.stringMatching(/^[a-zа-я0-9 ]{1,6}$/),
        total: fc.oneof(fc.constantFrom(0, -10, 100, 100, 250, 1000), fc.integer({ min: -1000, max: 100000 })),
        orders: fc.integer({ min: 0, max: 20 }),
      }),
      { selector: (c) => c.key, maxLength },
    )
    .map((cs) => cs);
}

/** A deterministic permutation of `xs` (Fisher–Yates driven by a seeded LCG). */
export function permute<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
