/** Clustered synthetic embeddings for tests and benchmarks: real embeddings cluster; uniform noise misleads. */

/** A small seeded generator (mulberry32), so every run builds the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function normalise(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  return vector.map((value) => value / norm);
}

/** `clusters` random unit centres; `sample(cluster)` gives a unit vector near one of them. */
export function clusteredVectors(options: {
  dimensions: number;
  clusters: number;
  spread: number;
  seed: number;
}) {
  const random = seededRandom(options.seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
  const centres = Array.from({ length: options.clusters }, () =>
    normalise(Array.from({ length: options.dimensions }, gaussian)),
  );
  return {
    centres,
    random,
    sample(cluster: number): number[] {
      const centre = centres[cluster % centres.length] ?? [];
      return normalise(
        centre.map((value) => value + (options.spread * gaussian()) / Math.sqrt(options.dimensions)),
      );
    },
  };
}
