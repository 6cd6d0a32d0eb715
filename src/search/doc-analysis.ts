/**
 * Turns one article into what the two inverted indexes store: per stem and per exact form the
 * body term frequency, the field word (title tf, meta-field bits, lead bit) and, for exact forms,
 * virtual positions (FIELD_BASE keeps fields apart so phrases never cross them).
 */
import { analyze } from '../analysis/analyzer.ts';
import type { Article } from '../types.ts';
import { FIELD_BASE, FieldBits, type PostingIndex, type PostingInput } from './postings.ts';
import { LEAD_TOKENS } from './ranking-params.ts';

export interface DocAnalysis {
  stems: Map<string, PostingInput>;
  exacts: Map<string, PostingInput>;
  titleLen: number;
  bodyLen: number;
  /** Hash of the body's exact forms (same-body detection). */
  bodyHash: number;
}

/** Meta fields: searchable short texts whose occurrence sets a bit. */
export const META_FIELDS = [
  ['author', FieldBits.author, FIELD_BASE.author],
  ['column', FieldBits.column, FIELD_BASE.column],
  ['source', FieldBits.source, FIELD_BASE.source],
  ['category', FieldBits.category, FIELD_BASE.category],
] as const;

/** Positions between two tags of one article (no phrase spans two tags). */
const TAG_GAP = 64;

function entry(map: Map<string, PostingInput>, key: string, positions: boolean): PostingInput {
  let p = map.get(key);
  if (!p) {
    p = positions ? { bodyTf: 0, bits: 0, positions: [] } : { bodyTf: 0, bits: 0 };
    map.set(key, p);
  }
  return p;
}

function addTitleTf(p: PostingInput): void {
  if ((p.bits & FieldBits.titleMask) < FieldBits.titleMask) p.bits++;
}

/** FNV-1a over the exact forms, folded into a 52-bit double-safe integer from two 32-bit lanes. */
export function hashExacts(exacts: readonly string[]): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const w of exacts) {
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    h1 = Math.imul(h1 ^ 32, 0x01000193);
    h2 = Math.imul(h2 ^ 32, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0) * 0x100000 + ((h2 >>> 0) & 0xfffff);
}

/**
 * Indexes an article into both indexes as doc number `doc` in one pass over its tokens (the
 * fast path of put; analyzeArticle below builds the same data as maps, for remove and related).
 */
export function indexArticle(a: Article, doc: number, stems: PostingIndex, exacts: PostingIndex): { titleLen: number; bodyLen: number; bodyHash: number } {
  const title = analyze(a.title ?? '');
  for (const t of title) {
    stems.hit(t.term, 0, 1, 0);
    exacts.hit(t.exact, 0, 1, FIELD_BASE.title + t.position);
  }
  const meta = (text: string | undefined, bit: number, base: number) => {
    if (!text) return;
    for (const t of analyze(text)) {
      stems.hit(t.term, 0, bit, 0);
      exacts.hit(t.exact, 0, bit, base + t.position);
    }
  };
  for (const [field, bit, base] of META_FIELDS) meta(a[field], bit, base);
  (a.tags ?? []).forEach((tag, i) => meta(tag, FieldBits.tag, FIELD_BASE.tag + i * TAG_GAP));
  const body = analyze(a.body ?? '');
  const bodyExacts: string[] = new Array(body.length);
  for (const t of body) {
    const lead = t.position < LEAD_TOKENS ? FieldBits.lead : 0;
    stems.hit(t.term, 1, lead, 0);
    exacts.hit(t.exact, 1, lead, FIELD_BASE.body + t.position);
    bodyExacts[t.position] = t.exact;
  }
  stems.commit(doc);
  exacts.commit(doc);
  return { titleLen: title.length, bodyLen: body.length, bodyHash: hashExacts(bodyExacts) };
}

export function analyzeArticle(a: Article): DocAnalysis {
  const stems = new Map<string, PostingInput>();
  const exacts = new Map<string, PostingInput>();
  const title = analyze(a.title ?? '');
  for (const t of title) {
    addTitleTf(entry(stems, t.term, false));
    const e = entry(exacts, t.exact, true);
    addTitleTf(e);
    e.positions!.push(FIELD_BASE.title + t.position);
  }
  const addMeta = (text: string | undefined, bit: number, base: number) => {
    if (!text) return;
    for (const t of analyze(text)) {
      entry(stems, t.term, false).bits |= bit;
      const e = entry(exacts, t.exact, true);
      e.bits |= bit;
      e.positions!.push(base + t.position);
    }
  };
  for (const [field, bit, base] of META_FIELDS) addMeta(a[field], bit, base);
  (a.tags ?? []).forEach((tag, i) => addMeta(tag, FieldBits.tag, FIELD_BASE.tag + i * TAG_GAP));
  const body = analyze(a.body ?? '');
  const bodyExacts: string[] = new Array(body.length);
  for (const t of body) {
    const s = entry(stems, t.term, false);
    s.bodyTf++;
    const e = entry(exacts, t.exact, true);
    e.bodyTf++;
    e.positions!.push(FIELD_BASE.body + t.position);
    if (t.position < LEAD_TOKENS) {
      s.bits |= FieldBits.lead;
      e.bits |= FieldBits.lead;
    }
    bodyExacts[t.position] = t.exact;
  }
  return { stems, exacts, titleLen: title.length, bodyLen: body.length, bodyHash: hashExacts(bodyExacts) };
}
