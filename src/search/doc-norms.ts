/**
 * BM25F length-normalization denominators per document, cached between writes:
 *   normT[d] = 1 − bT + bT·titleLen[d]/avgT,   normB[d] = 1 − bB + bB·bodyLen[d]/avgB
 * computed with exactly the expression the scorer used inline, so scores stay bit-identical.
 * They change whenever a write moves the averages, so the cache is keyed on the table's counts.
 */
import type { DocTable } from './doc-table.ts';

export interface DocNorms {
  title: Float64Array;
  body: Float64Array;
}

interface Entry {
  slots: number;
  avgT: number;
  avgB: number;
  bT: number;
  bB: number;
  norms: DocNorms;
}

const cache = new WeakMap<DocTable, Entry>();

export function docNorms(docs: DocTable, avgT: number, avgB: number, bT: number, bB: number): DocNorms {
  // Compared as numbers (a key string built per call cost more than the lookup).
  const hit = cache.get(docs);
  if (hit && hit.slots === docs.slots && hit.avgT === avgT && hit.avgB === avgB && hit.bT === bT && hit.bB === bB) return hit.norms;
  const n = docs.slots;
  const tl = docs.titleLen.data;
  const bl = docs.bodyLen.data;
  const title = new Float64Array(n);
  const body = new Float64Array(n);
  for (let d = 0; d < n; d++) {
    title[d] = 1 - bT + (bT * tl[d]!) / avgT;
    body[d] = 1 - bB + (bB * bl[d]!) / avgB;
  }
  const norms = { title, body };
  cache.set(docs, { slots: n, avgT, avgB, bT, bB, norms });
  return norms;
}
