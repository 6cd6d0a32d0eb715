/**
 * The engine as bytes (snapshots): a header then length-prefixed sections, each a typed array
 * written raw (little-endian, 8-byte aligned) or a string column (all values in one UTF-16LE blob
 * plus an Int32Array of UTF-16 lengths, −1 for absent). Removed documents are dropped and doc
 * numbers compacted on the way out. Loading re-analyzes nothing and rebuilds only the id/url/hash
 * maps: typed arrays that are never modified in place (postings, article text) are views into the
 * given bytes, not copies, so the engine keeps those bytes alive and they must not be changed;
 * article text is decoded only when an article is read (stored-articles.ts); the term
 * dictionaries' hash tables and the near-duplicate band table are stored, not rebuilt.
 *
 *   "FAHRASIX" u32 version u32 sectionCount, then per section: u32 kind, u32 pad, f64 byteLength, bytes, pad to 8.
 * Version 3: lazily decoded article text, stored hash tables and value keys (version 2 decoded everything).
 */
import { NearDuplicateIndex } from '../dedupe/near-duplicates.ts';
import { ValidationError } from '../errors.ts';
import { DocTable, VALUE_FIELDS, type ValueField } from './doc-table.ts';
import type { SearchEngine } from './engine.ts';
import { GrowableArray } from './growable.ts';
import { PostingIndex } from './postings.ts';
import { StoredArticles, TEXT_FIELDS, textFieldsOf } from './stored-articles.ts';
import { ValueDict } from './value-dict.ts';

const MAGIC = 'FAHRASIX';
export const FORMAT_VERSION = 3;

export interface EngineParts {
  docs: DocTable;
  stems: PostingIndex;
  exacts: PostingIndex;
  dedupe: NearDuplicateIndex;
}

type Typed = Int32Array | Uint32Array | Uint8Array | Uint16Array | Float64Array;

class Writer {
  chunks: Uint8Array[] = [];
  count = 0;
  private header(len: number) {
    const h = new DataView(new ArrayBuffer(16));
    h.setUint32(0, this.count++, true);
    h.setFloat64(8, len, true);
    this.chunks.push(new Uint8Array(h.buffer));
  }
  bytes(b: Uint8Array) {
    this.header(b.byteLength);
    this.chunks.push(b);
    const pad = (8 - (b.byteLength % 8)) % 8;
    if (pad) this.chunks.push(new Uint8Array(pad));
  }
  /** One section made of several byte arrays (not concatenated here: result() copies them once). */
  byteParts(parts: readonly Uint8Array[], byteLength: number) {
    this.header(byteLength);
    for (const p of parts) this.chunks.push(p);
    const pad = (8 - (byteLength % 8)) % 8;
    if (pad) this.chunks.push(new Uint8Array(pad));
  }
  typed(a: Typed) {
    this.bytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  strings(values: readonly (string | undefined)[]) {
    const lens = new Int32Array(values.length);
    const parts: string[] = [];
    values.forEach((v, i) => {
      if (v === undefined) lens[i] = -1;
      else {
        lens[i] = v.length;
        parts.push(v);
      }
    });
    this.typed(lens);
    // UTF-16LE, not UTF-8: decoding is a copy (7× faster on Arabic text, ~5 % larger) and lone
    // surrogates survive the round trip.
    this.bytes(Buffer.from(parts.join(''), 'utf16le'));
  }
  json(v: unknown) {
    this.bytes(Buffer.from(JSON.stringify(v), 'utf8'));
  }
  result(): Uint8Array {
    const head = Buffer.alloc(16);
    head.write(MAGIC, 0, 'latin1');
    head.writeUInt32LE(FORMAT_VERSION, 8);
    head.writeUInt32LE(this.count, 12);
    return Buffer.concat([head, ...this.chunks]);
  }
}

class Reader {
  private at = 16;
  private n = 0;
  constructor(private readonly buf: Uint8Array) {
    const magic = Buffer.from(buf.buffer, buf.byteOffset, Math.min(8, buf.byteLength)).toString('latin1');
    if (buf.byteLength < 16 || magic !== MAGIC) throw bad('not a Fahras index (wrong magic bytes)');
    const v = new DataView(buf.buffer, buf.byteOffset + 8, 4).getUint32(0, true);
    if (v !== FORMAT_VERSION) throw bad(`format version ${v}, this build reads ${FORMAT_VERSION}`);
  }
  bytes(): Uint8Array {
    if (this.at + 16 > this.buf.byteLength) throw bad('truncated');
    const h = new DataView(this.buf.buffer, this.buf.byteOffset + this.at, 16);
    if (h.getUint32(0, true) !== this.n++) throw bad('sections out of order');
    const len = h.getFloat64(8, true);
    this.at += 16;
    if (this.at + len > this.buf.byteLength) throw bad('truncated');
    const out = this.buf.subarray(this.at, this.at + len);
    this.at += len + ((8 - (len % 8)) % 8);
    return out;
  }
  /** The next section as a typed array: a view into the input when aligned, else a copy. */
  private view<T>(ctor: { new (b: ArrayBufferLike, o: number, n: number): T; BYTES_PER_ELEMENT: number }): T {
    const b = this.bytes();
    const size = ctor.BYTES_PER_ELEMENT;
    if (b.byteLength % size !== 0) throw bad('section length is not a whole number of elements');
    const n = b.byteLength / size;
    if (b.byteOffset % size === 0) return new ctor(b.buffer, b.byteOffset, n);
    const copy = new Uint8Array(b.byteLength);
    copy.set(b);
    return new ctor(copy.buffer, 0, n);
  }
  i32 = () => this.view(Int32Array);
  u32 = () => this.view(Uint32Array);
  u8 = () => this.view(Uint8Array);
  u16 = () => this.view(Uint16Array);
  f64 = () => this.view(Float64Array);
  strings(): (string | undefined)[] {
    const lens = this.i32();
    const b = this.bytes();
    const all = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf16le');
    const out: (string | undefined)[] = new Array(lens.length);
    let p = 0;
    for (let i = 0; i < lens.length; i++) {
      const l = lens[i]!;
      if (l < 0) out[i] = undefined;
      else {
        out[i] = all.slice(p, p + l);
        p += l;
      }
    }
    return out;
  }
  json(): unknown {
    return JSON.parse(Buffer.from(this.bytes()).toString('utf8'));
  }
}

function bad(what: string): ValidationError {
  return new ValidationError(`index snapshot is unreadable: ${what}`, 'Rebuild the index from the articles (the file is damaged or from another version).');
}

function writeIndex(w: Writer, ix: PostingIndex, dead: Uint8Array, remap: Int32Array) {
  const m = ix.build(dead, remap);
  // Live df is recomputed from the compacted postings (equal to ix.df for live docs).
  const df = new Int32Array(m.terms);
  for (let i = 0; i < m.terms; i++) df[i] = ix.df.data[i]!;
  w.strings(ix.terms);
  w.typed(ix.dict.hashTable);
  w.typed(df);
  w.typed(Int32Array.of(m.postings));
  w.typed(m.off);
  w.typed(m.data);
  w.typed(m.posOff);
  w.typed(m.pos);
}

function readIndex(r: Reader, withPositions: boolean): PostingIndex {
  const terms = r.strings() as string[];
  const table = r.i32().slice(); // the dictionary adds terms to it: its own copy
  const df = r.i32();
  const postings = r.i32()[0]!;
  const off = r.i32();
  const data = r.u8();
  const posOff = r.i32();
  const pos = r.u8();
  if (off.length !== terms.length + 1 || data.length !== off[terms.length] || df.length !== terms.length) throw bad('postings do not match the dictionary');
  if (withPositions && (posOff.length !== terms.length + 1 || pos.length !== posOff[terms.length])) throw bad('positions do not match the dictionary');
  return PostingIndex.restore(withPositions, terms, table, df, { postings, off, data, posOff, pos });
}

/** The live docs' text fields as one UTF-16LE blob with end offsets and present bits (see stored-articles.ts). */
function writeArticleText(w: Writer, docs: DocTable, live: readonly number[]) {
  const F = TEXT_FIELDS.length;
  const ends = new Int32Array(live.length * F);
  const present = new Uint16Array(live.length);
  const stored = docs.storedArticles;
  // Articles of the loaded snapshot are copied as bytes (no decoding); others are encoded.
  const chunks: Uint8Array[] = [];
  let at = 0;
  live.forEach((d, i) => {
    if (stored && d < stored.size) {
      const bytes = stored.copyTo(d, ends, i * F, at);
      chunks.push(bytes);
      present[i] = stored.presentBits(d);
      at += bytes.byteLength / 2;
    } else {
      const values = textFieldsOf(docs.article(d)!);
      let bits = 0;
      let text = '';
      values.forEach((v, f) => {
        if (v !== undefined) {
          bits |= 1 << f;
          text += v;
        }
        ends[i * F + f] = at + text.length;
      });
      present[i] = bits;
      // UTF-16LE, not UTF-8: decoding is a copy (7× faster on Arabic text, ~5 % larger) and lone
      // surrogates survive the round trip.
      chunks.push(Buffer.from(text, 'utf16le'));
      at += text.length;
    }
    if (at > 0x7fffffff) throw new ValidationError('index snapshot: the article text exceeds 2^31 characters', 'split the archive into several indexes');
  });
  w.typed(ends);
  w.typed(present);
  w.byteParts(chunks, at * 2);
}

export function serializeEngine(e: SearchEngine): Uint8Array {
  const docs = e.docs;
  const dead = docs.dead.data;
  const remap = new Int32Array(docs.slots).fill(-1);
  const live: number[] = [];
  for (let d = 0; d < docs.slots; d++) if (dead[d] === 0) remap[d] = live.push(d) - 1;
  const w = new Writer();
  const stored = docs.storedArticles;
  w.strings(live.map((d) => docs.idOf(d)));
  w.strings(live.map((d) => (stored && d < stored.size ? stored.urls[d] : docs.article(d)!.url)));
  writeArticleText(w, docs, live);
  const pick = (g: GrowableArray<Int32Array> | GrowableArray<Float64Array>) => live.map((d) => g.data[d]!);
  w.typed(Int32Array.from(pick(docs.date)));
  w.typed(Int32Array.from(pick(docs.titleLen)));
  w.typed(Int32Array.from(pick(docs.bodyLen)));
  w.typed(Float64Array.from(pick(docs.bodyHash)));
  for (const f of [...VALUE_FIELDS, 'tag'] as const) {
    w.strings(docs.dicts[f].display);
    w.strings(docs.dicts[f].keys);
  }
  for (const f of VALUE_FIELDS) w.typed(Int32Array.from(pick(docs.values[f])));
  const tagStart = new Int32Array(live.length + 1);
  live.forEach((d, i) => (tagStart[i + 1] = tagStart[i]! + docs.tags[d]!.length));
  w.typed(tagStart);
  w.typed(Int32Array.from(live.flatMap((d) => [...docs.tags[d]!])));
  writeIndex(w, e.stems, dead, remap);
  writeIndex(w, e.exacts, dead, remap);
  const nd = e.dups.index.toSections();
  w.json(nd.options);
  w.strings(nd.ids);
  for (const a of [nd.sigs, nd.sizes, nd.days, nd.banded, nd.next, nd.tableKeys, nd.tableHeads, nd.edges]) w.typed(a);
  return w.result();
}

/** The engine's parts from serializeEngine's bytes; the parts keep views into `bytes` (do not modify them afterwards). */
export function deserializeParts(bytes: Uint8Array): EngineParts {
  const r = new Reader(bytes);
  try {
    const ids = r.strings() as string[];
    const urls = r.strings();
    const ends = r.i32();
    const present = r.u16();
    const text = r.u8();
    const stored = new StoredArticles(ids, urls, text, ends, present);
    const date = r.i32();
    const titleLen = r.i32();
    const bodyLen = r.i32();
    const bodyHash = r.f64();
    const dicts = Object.fromEntries([...VALUE_FIELDS, 'tag'].map((f) => [f, ValueDict.restore(r.strings() as string[], r.strings() as string[])])) as DocTable['dicts'];
    const values = Object.fromEntries(VALUE_FIELDS.map((f) => [f, r.i32()])) as Record<ValueField, Int32Array>;
    const tagStart = r.i32();
    const tagIds = r.i32();
    const docs = DocTable.restore({ stored, date, titleLen, bodyLen, bodyHash, dicts, values, tagStart, tagIds });
    const stems = readIndex(r, false);
    const exacts = readIndex(r, true);
    const dedupe = NearDuplicateIndex.fromSections({
      options: r.json(),
      ids: r.strings() as string[],
      sigs: r.u16(),
      sizes: r.u32(),
      days: r.u16(),
      banded: r.u8(),
      next: r.i32(),
      tableKeys: r.u32(),
      tableHeads: r.i32(),
      edges: r.i32(),
    });
    return { docs, stems, exacts, dedupe };
  } catch (err) {
    if (err instanceof ValidationError) throw err;
    throw bad((err as Error).message);
  }
}
