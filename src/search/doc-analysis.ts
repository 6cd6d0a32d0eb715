/**
 * Turns one article into what the two inverted indexes store: per stem and per exact form the
 * body term frequency, the field word (title tf, meta-field bits, lead bit) and, for exact forms,
 * virtual positions (FIELD_BASE keeps fields apart so phrases never cross them).
 */
import { analyze, analyzeIds, beginIds, DEFAULT_VOCABULARY } from '../analysis/analyzer.ts';
import { type Vocabulary, WordIds } from '../analysis/vocabulary.ts';
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

/** hashExacts over vocabulary words given by id (the same value for the same words). */
function hashExactIds(ids: Int32Array, n: number, vocab: Vocabulary): number {
  const chars = vocab.chars;
  const charStart = vocab.charStart;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let k = 0; k < n; k++) {
    const w = ids[k]!;
    const end = charStart[w + 1]!;
    for (let i = charStart[w]!; i < end; i++) {
      const c = chars[i]!;
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    h1 = Math.imul(h1 ^ 32, 0x01000193);
    h2 = Math.imul(h2 ^ 32, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0) * 0x100000 + ((h2 >>> 0) & 0xfffff);
}

/** Scratch token ids of the field being indexed (reused: indexing is synchronous). */
const fieldIds = new WordIds();

/** What indexArticle learned besides the postings; `bodyWords` is valid until the next call. */
export interface IndexedArticle {
  titleLen: number;
  bodyLen: number;
  bodyHash: number;
  /** Vocabulary ids (DEFAULT_VOCABULARY) of the body's exact forms, in token order. */
  bodyWords: Int32Array;
}

/** The tokens of one field into both indexes: stems without positions, exact forms with. */
function hitField(text: string, bodyTf: number, bits: number, base: number, stems: PostingIndex, exacts: PostingIndex): number {
  const ids = fieldIds;
  ids.length = 0;
  analyzeIds(text, ids);
  const words = DEFAULT_VOCABULARY.words;
  const hashes = DEFAULT_VOCABULARY.hashes;
  const n = ids.length;
  const exact = ids.exact;
  const term = ids.term;
  // Body tokens set the lead bit among the first LEAD_TOKENS (bits is only the lead bit there).
  const bitsEnd = bodyTf === 1 ? Math.min(n, LEAD_TOKENS) : n;
  stems.hitWords(term, n, words, hashes, bodyTf, bits, bitsEnd, 0);
  exacts.hitWords(exact, n, words, hashes, bodyTf, bits, bitsEnd, base);
  return n;
}

/**
 * Indexes an article into both indexes as doc number `doc` in one pass over its tokens (the
 * fast path of put; analyzeArticle below builds the same data as maps, for remove and related).
 * Tokens come as vocabulary ids (analyzeIds), so a token costs array lookups, not string hashing.
 */
export function indexArticle(a: Article, doc: number, stems: PostingIndex, exacts: PostingIndex): IndexedArticle {
  const epoch = beginIds();
  stems.useWordEpoch(epoch);
  exacts.useWordEpoch(epoch);
  const titleLen = hitField(a.title ?? '', 0, 1, FIELD_BASE.title, stems, exacts);
  for (let f = 0; f < META_FIELDS.length; f++) {
    const [field, bit, base] = META_FIELDS[f]!;
    const text = a[field];
    if (text) hitField(text, 0, bit, base, stems, exacts);
  }
  const tags = a.tags ?? [];
  for (let i = 0; i < tags.length; i++) if (tags[i]) hitField(tags[i]!, 0, FieldBits.tag, FIELD_BASE.tag + i * TAG_GAP, stems, exacts);
  const bodyLen = hitField(a.body ?? '', 1, FieldBits.lead, FIELD_BASE.body, stems, exacts);
  stems.commit(doc);
  exacts.commit(doc);
  const bodyWords = fieldIds.exact;
  return { titleLen, bodyLen, bodyHash: hashExactIds(bodyWords, bodyLen, DEFAULT_VOCABULARY), bodyWords };
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
