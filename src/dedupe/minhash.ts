/**
 * MinHash signatures over word shingles of the analyzed (normalized, unstemmed) body.
 * Shingle = K_WORDS consecutive exact forms; each shingle is a 32-bit hash; one-permutation
 * MinHash (signatureInto): the hash's top bits pick one of SIGNATURE_SIZE bins, each bin keeps
 * the minimum of the other bits, stored as its low 16 bits ("b-bit MinHash": two bins agree with
 * probability J + (1 − J)/65536).
 */
import { analyze } from '../analysis/analyzer.ts';

/** Bins per signature (2^BIN_BITS). */
export const SIGNATURE_SIZE = 64;
export const K_WORDS = 3;

/** murmur3 fmix32: a fast, well-mixing 32-bit finalizer. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Distinct shingle hashes of a text (exact forms; stopwords kept, they carry word order). */
export function shingleHashes(text: string): Uint32Array {
  return shingleHashesOf(analyze(text));
}

/** As shingleHashes, from tokens the caller already has (`analyze(body)`). */
export function shingleHashesOf(tokens: readonly { exact: string }[]): Uint32Array {
  const n = tokens.length;
  const words = new Uint32Array(n);
  for (let i = 0; i < n; i++) words[i] = hashString(tokens[i]!.exact);
  return shingleHashesOfWords(words, n);
}

/**
 * As shingleHashes, from the first `n` word hashes (hashString of each token's exact form, in
 * token order), e.g. kept by the index path's vocabulary. `scratch`: a buffer to reuse (no
 * allocation per document when it is large enough).
 */
export function shingleHashesOfWords(words: Uint32Array, n: number, scratch?: Uint32Array): Uint32Array {
  const m = Math.max(0, n - K_WORDS + 1);
  // With room in `scratch` the result is a view of it (valid until the caller's next use).
  const all = scratch !== undefined && scratch.length >= m ? scratch.subarray(0, m) : new Uint32Array(m);
  for (let i = 0; i < m; i++) {
    let h = 0x2545f491;
    for (let k = 0; k < K_WORDS; k++) h = fmix32(h ^ words[i + k]!) ^ Math.imul(k + 1, 0x27d4eb2d);
    all[i] = fmix32(h);
  }
  // Distinct values (sorted; the signature does not depend on order): cheaper than a Set.
  all.sort();
  let u = 0;
  for (let i = 0; i < m; i++) if (i === 0 || all[i] !== all[i - 1]) all[u++] = all[i]!;
  return all.subarray(0, u);
}

/** log2(SIGNATURE_SIZE): a shingle hash's top BIN_BITS bits pick its bin. */
const BIN_BITS = 6;
const VALUE_MASK = (1 << (32 - BIN_BITS)) - 1;
/** Mixed into the densification's (bin, attempt) hash. */
const DENSIFY_SEED = 0x3c6ef372;

/**
 * The b-bit one-permutation MinHash signature of a set of shingle hashes, written into `out` at
 * `offset` (Li, Owen & Zhang 2012; densified as in Shrivastava 2017, "Optimal densification for
 * fast and accurate minwise hashing"). Each shingle is hashed once: the top BIN_BITS bits of its
 * hash pick one of the SIGNATURE_SIZE bins, the other bits compete for the bin's minimum, so two
 * sets agree in a bin with probability their Jaccard similarity, as with SIGNATURE_SIZE
 * independent permutations but one mix per shingle instead of 64 (71k build: 1.45 s → ~0.05 s).
 * An empty bin (short bodies) takes the minimum of the first non-empty bin met along its own
 * fixed pseudo-random sequence of bins, which keeps the agreement probability exact. Order and
 * repeats of the shingles do not matter. `shingles` must not be empty.
 */
export function signatureInto(shingles: Uint32Array, out: Uint16Array, offset: number): void {
  const mins = binScratch.fill(-1);
  for (let j = 0; j < shingles.length; j++) binMin(mins, shingles[j]!);
  densifyInto(mins, out, offset);
}

/** Scratch bins of signatureInto / the fused paths (−1 = empty; values are ≥ 0). */
const binScratch = new Int32Array(SIGNATURE_SIZE);

/** Bins of one signature being filled: call binMin per shingle hash, then densifyInto. */
export function emptyBins(): Int32Array {
  return binScratch.fill(-1);
}

/** Offers shingle hash `x` to its bin. */
export function binMin(mins: Int32Array, x: number): void {
  const b = x >>> (32 - BIN_BITS);
  const v = x & VALUE_MASK;
  const m = mins[b]!;
  if (m < 0 || v < m) mins[b] = v;
}

/** Writes the bins' minima (low 16 bits) into out[offset…], each empty bin densified. */
export function densifyInto(mins: Int32Array, out: Uint16Array, offset: number): void {
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    let m = mins[i]!;
    // Optimal densification: bin i's own sequence of bins (the same in every signature), tried
    // until one is non-empty (some bin is: the set is not empty).
    for (let attempt = 1; m < 0; attempt++) m = mins[fmix32(DENSIFY_SEED ^ (i << 16) ^ attempt) >>> (32 - BIN_BITS)]!;
    out[offset + i] = m & 0xffff;
  }
}

/** Math.imul(k + 1, 0x27d4eb2d) of shingleHashesOfWords' step k. */
const SHINGLE_STEP_1 = 0x27d4eb2d;
const SHINGLE_STEP_2 = Math.imul(2, 0x27d4eb2d);
const SHINGLE_STEP_3 = Math.imul(3, 0x27d4eb2d);
if (K_WORDS !== 3) throw new Error('signatureOfWords writes out three shingle steps');

/** Open-addressing set of one document's shingle hashes (signatureOfWords): keys and, per cell, the document's stamp. */
let setKeys = new Uint32Array(4096);
let setStamps = new Uint32Array(4096);
let setStamp = 0;

/**
 * signatureInto(shingleHashesOfWords(words, n)) written into out[offset…] in one pass over the
 * words (no sort: the bins do not need the shingles distinct or in order); returns the number of
 * distinct shingles (0 writes nothing: fewer than K_WORDS words).
 */
export function signatureOfWords(words: Uint32Array, n: number, out: Uint16Array, offset: number): number {
  const m = n - K_WORDS + 1;
  if (m <= 0) return 0;
  if (setKeys.length < 2 * m) {
    let size = setKeys.length;
    while (size < 2 * m) size *= 2;
    setKeys = new Uint32Array(size);
    setStamps = new Uint32Array(size);
    setStamp = 0;
  }
  if (++setStamp === 0xffffffff) {
    setStamps.fill(0);
    setStamp = 1;
  }
  const keys = setKeys;
  const stamps = setStamps;
  const stamp = setStamp;
  const mask = keys.length - 1;
  const mins = emptyBins();
  let distinct = 0;
  // The shingle hash of shingleHashesOfWords, its K_WORDS = 3 steps written out and each word
  // read once (w1, w2 roll along): the same values.
  let w1 = words[0]!;
  let w2 = words[1]!;
  for (let i = 0; i < m; i++) {
    const w0 = w1;
    w1 = w2;
    w2 = words[i + 2]!;
    const x = fmix32(fmix32(fmix32(fmix32(0x2545f491 ^ w0) ^ SHINGLE_STEP_1 ^ w1) ^ SHINGLE_STEP_2 ^ w2) ^ SHINGLE_STEP_3);
    binMin(mins, x);
    // Count x once (the containment estimate needs the distinct count).
    for (let c = x & mask; ; c = (c + 1) & mask) {
      if (stamps[c] !== stamp) {
        stamps[c] = stamp;
        keys[c] = x;
        distinct++;
        break;
      }
      if (keys[c] === x) break;
    }
  }
  densifyInto(mins, out, offset);
  return distinct;
}
