/**
 * The engine as bytes (snapshots): a header then length-prefixed sections, each a typed array
 * written raw (little-endian, 8-byte aligned) or a string column (all values in one UTF-16LE blob
 * plus an Int32Array of UTF-16 lengths, −1 for absent). Removed documents are dropped and doc
 * numbers compacted on the way out. Loading re-analyzes nothing and rebuilds only the id/url/hash
 * maps: typed arrays that are never modified in place (postings, titles, text offsets) are views
 * into the given bytes, not copies, so the engine keeps those bytes alive and they must not be
 * changed; article text is decoded only when an article is read (stored-articles.ts); the term
 * dictionaries' hash tables and the near-duplicate band table are stored, not rebuilt.
 *
 * The sections come in three regions, so that a loader reading a file can keep only what the
 * engine needs (src/store/snapshot-format.ts):
 *   1. [0, keptFrom): everything the loader copies or decodes (ids, urls, per-doc columns,
 *      dictionaries, hash and band tables, signatures): read, used, then garbage;
 *   2. [keptFrom, diskFrom): what the engine views in place (postings, titles, text offsets);
 *   3. [diskFrom, end): the articles' text other than titles (the last section's bytes): may stay
 *      in the file and be read on demand (EngineBytes.textFile).
 *
 *   "FAHRASIX" u32 version u32 sectionCount f64 keptFrom f64 diskFrom, then per section:
 *   u32 kind, u32 pad, f64 byteLength, bytes, pad to 8.
 * Version 5: near-duplicate signatures by one-permutation MinHash (not comparable with
 * version 4's, so a version 4 index is rebuilt: fahras reindex). Version 4: regions, titles apart
 * from the rest of the text. Version 3: lazily decoded article
 * text, stored hash tables and value keys (version 2 decoded everything).
 */
import { closeSync } from 'node:fs';
import { NearDuplicateIndex } from '../dedupe/near-duplicates.ts';
import { ValidationError } from '../errors.ts';
import { DocTable, VALUE_FIELDS, type ValueField } from './doc-table.ts';
import type { SearchEngine } from './engine.ts';
import { GrowableArray } from './growable.ts';
import { PostingIndex } from './postings.ts';
import { FileTextSource, memoryTextSource, type ArticleTextSource, type FileRange } from './article-text-source.ts';
import { REST_FIELDS, StoredArticles, textFieldsOf } from './stored-articles.ts';
import { ValueDict } from './value-dict.ts';

const MAGIC = 'FAHRASIX';
export const FORMAT_VERSION = 5;
const HEADER_SIZE = 32;
/** Strings written one byte per code unit (Writer.strings). */
const ONE_BYTE = /^[\u0000-\u00ff]*$/;

/**
 * Engine bytes split into consecutive regions, each in its own buffer and starting at a section
 * boundary (8-aligned), and optionally the text section's bytes left in a file: what a snapshot
 * loader hands over. The engine takes ownership of `textFile.fd` (SearchEngine.close releases it).
 */
export interface EngineBytes {
  regions: readonly Uint8Array[];
  textFile?: FileRange;
}

/** Where regions 2 and 3 start in engine bytes (see the top of this file). */
export interface EngineRegions {
  keptFrom: number;
  diskFrom: number;
}

export interface EngineParts {
  docs: DocTable;
  stems: PostingIndex;
  exacts: PostingIndex;
  dedupe: NearDuplicateIndex;
}

type Typed = Int32Array | Uint32Array | Uint8Array | Uint16Array | Float64Array;

/** A part of the output filled at the end (article text copied from a snapshot file). */
interface LazyPart {
  byteLength: number;
  fill(dst: Uint8Array): void;
}
type Part = Uint8Array | LazyPart;

class Writer {
  chunks: Part[] = [];
  count = 0;
  /** Bytes written so far (header included). */
  pos = HEADER_SIZE;
  keptFrom = 0;
  diskFrom = 0;
  private push(p: Part) {
    this.chunks.push(p);
    this.pos += p.byteLength;
  }
  private header(len: number) {
    const h = new DataView(new ArrayBuffer(16));
    h.setUint32(0, this.count++, true);
    h.setFloat64(8, len, true);
    this.push(new Uint8Array(h.buffer));
  }
  private pad(len: number) {
    const pad = (8 - (len % 8)) % 8;
    if (pad) this.push(new Uint8Array(pad));
  }
  bytes(b: Uint8Array) {
    this.byteParts([b], b.byteLength);
  }
  /** One section made of several parts (not concatenated here: result() copies them once). */
  byteParts(parts: readonly Part[], byteLength: number) {
    this.header(byteLength);
    for (const p of parts) this.push(p);
    this.pad(byteLength);
  }
  /** The last section, whose bytes (region 3) a file loader may leave on disk. */
  diskSection(parts: readonly Part[], byteLength: number) {
    this.header(byteLength);
    this.diskFrom = this.pos;
    for (const p of parts) this.push(p);
    this.pad(byteLength);
  }
  /** Region 2 starts here. */
  markKept() {
    this.keptFrom = this.pos;
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
    // surrogates survive the round trip. A column with no code unit above U+00FF (urls, most ids)
    // is written one byte per code unit instead: it loads as a one-byte string, half the memory.
    // The reader tells them apart by the byte length (total length vs twice it).
    const all = parts.join('');
    this.bytes(Buffer.from(all, ONE_BYTE.test(all) ? 'latin1' : 'utf16le'));
  }
  json(v: unknown) {
    this.bytes(Buffer.from(JSON.stringify(v), 'utf8'));
  }
  result(): Uint8Array {
    const out = Buffer.allocUnsafe(this.pos);
    out.write(MAGIC, 0, 'latin1');
    out.writeUInt32LE(FORMAT_VERSION, 8);
    out.writeUInt32LE(this.count, 12);
    out.writeDoubleLE(this.keptFrom || this.pos, 16);
    out.writeDoubleLE(this.diskFrom || this.pos, 24);
    let at = HEADER_SIZE;
    for (const p of this.chunks) {
      if (p instanceof Uint8Array) out.set(p, at);
      else p.fill(out.subarray(at, at + p.byteLength));
      at += p.byteLength;
    }
    return out;
  }
}

/** keptFrom / diskFrom of engine bytes (the whole bytes as region 2 when they are not engine format 4). */
export function engineRegions(bytes: Uint8Array): EngineRegions {
  const whole = { keptFrom: 0, diskFrom: bytes.byteLength };
  if (bytes.byteLength < HEADER_SIZE) return whole;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, HEADER_SIZE);
  if (b.toString('latin1', 0, 8) !== MAGIC || b.readUInt32LE(8) !== FORMAT_VERSION) return whole;
  const keptFrom = b.readDoubleLE(16);
  const diskFrom = b.readDoubleLE(24);
  if (!(keptFrom % 8 === 0 && diskFrom % 8 === 0 && HEADER_SIZE <= keptFrom && keptFrom <= diskFrom && diskFrom <= bytes.byteLength)) return whole;
  return { keptFrom, diskFrom };
}

class Reader {
  private at = HEADER_SIZE;
  private n = 0;
  /** Index into regions of the region holding `at`. */
  private r = 0;
  /** Payload offset where each region starts. */
  private readonly starts: number[] = [];
  private readonly regions: readonly Uint8Array[];
  private readonly textFile?: FileRange;
  constructor(input: Uint8Array | EngineBytes) {
    ({ regions: this.regions, textFile: this.textFile } = input instanceof Uint8Array ? { regions: [input] } : input);
    let start = 0;
    for (const b of this.regions) {
      this.starts.push(start);
      start += b.byteLength;
    }
    const first = this.regions.find((b) => b.byteLength > 0) ?? new Uint8Array(0);
    const magic = Buffer.from(first.buffer, first.byteOffset, Math.min(8, first.byteLength)).toString('latin1');
    if (first.byteLength < 16 || magic !== MAGIC) throw bad('not a Fahras index (wrong magic bytes)');
    const v = new DataView(first.buffer, first.byteOffset + 8, 4).getUint32(0, true);
    if (v !== FORMAT_VERSION) throw bad(`format version ${v}, this build reads ${FORMAT_VERSION}`);
    if (first !== this.regions[0] || first.byteLength < HEADER_SIZE) throw bad('truncated');
  }
  /** The region holding [at, at + len), as [bytes, offset of `at` in them]. */
  private region(len: number): [Uint8Array, number] {
    while (this.r < this.regions.length - 1 && this.at >= this.starts[this.r]! + this.regions[this.r]!.byteLength) this.r++;
    const b = this.regions[this.r]!;
    const rel = this.at - this.starts[this.r]!;
    if (rel < 0 || rel + len > b.byteLength) throw bad('truncated');
    return [b, rel];
  }
  /** Reads a section header; returns the section's byte length. */
  private head(): number {
    const [b, rel] = this.region(16);
    const h = new DataView(b.buffer, b.byteOffset + rel, 16);
    if (h.getUint32(0, true) !== this.n++) throw bad('sections out of order');
    this.at += 16;
    return h.getFloat64(8, true);
  }
  bytes(): Uint8Array {
    return this.bytes_(this.head());
  }
  /** The last section (article text): in memory, or read on demand from the file it was left in. */
  text(): ArticleTextSource {
    const len = this.head();
    const inMemory = this.starts.at(-1)! + this.regions.at(-1)!.byteLength;
    if (this.at < inMemory || !this.textFile) return memoryTextSource(this.bytes_(len));
    if (this.at !== inMemory || len > this.textFile.length) throw bad('truncated');
    return new FileTextSource(this.textFile, len);
  }
  private bytes_(len: number): Uint8Array {
    const [b, rel] = this.region(len);
    this.at += len + ((8 - (len % 8)) % 8);
    return b.subarray(rel, rel + len);
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
    let total = 0;
    for (const l of lens) if (l > 0) total += l;
    if (b.byteLength !== total && b.byteLength !== total * 2) throw bad('a string column does not match its lengths');
    const all = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString(b.byteLength === total ? 'latin1' : 'utf16le');
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

type Built = ReturnType<PostingIndex['build']>;

/** Region 1 part of a posting index: its dictionary (copied at load). */
function writeIndexDict(w: Writer, ix: PostingIndex, m: Built) {
  // Live df is recomputed from the compacted postings (equal to ix.df for live docs).
  const df = new Int32Array(m.terms);
  for (let i = 0; i < m.terms; i++) df[i] = ix.df.data[i]!;
  w.strings(ix.terms);
  w.typed(ix.dict.hashTable);
  w.typed(df);
  w.typed(Int32Array.of(m.postings));
}

/** Region 2 part of a posting index: the postings themselves (viewed at load). */
function writeIndexPostings(w: Writer, m: Built) {
  w.typed(m.off);
  w.typed(m.data);
  w.typed(m.posOff);
  w.typed(m.pos);
}

interface IndexDict {
  terms: string[];
  table: Int32Array;
  df: Int32Array;
  postings: number;
}

function readIndexDict(r: Reader): IndexDict {
  const terms = r.strings() as string[];
  const table = r.i32().slice(); // the dictionary adds terms to it: its own copy
  const df = r.i32();
  const postings = r.i32()[0]!;
  return { terms, table, df, postings };
}

function readIndexPostings(r: Reader, d: IndexDict, withPositions: boolean): PostingIndex {
  const { terms, table, df, postings } = d;
  const off = r.i32();
  const data = r.u8();
  const posOff = r.i32();
  const pos = r.u8();
  if (off.length !== terms.length + 1 || data.length !== off[terms.length] || df.length !== terms.length) throw bad('postings do not match the dictionary');
  if (withPositions && (posOff.length !== terms.length + 1 || pos.length !== posOff[terms.length])) throw bad('positions do not match the dictionary');
  return PostingIndex.restore(withPositions, terms, table, df, { postings, off, data, posOff, pos });
}

/**
 * The live docs' text: present bits, titles (one UTF-16LE blob + ends) and the other fields (a
 * second blob + ends, written last so that it can stay on disk; see stored-articles.ts).
 * Articles of the loaded snapshot are copied as bytes (no decoding; their rest text straight from
 * the snapshot file in runs of consecutive docs); others are encoded.
 */
function articleText(docs: DocTable, live: readonly number[]) {
  const present = new Uint16Array(live.length);
  const titleEnds = new Int32Array(live.length);
  const restEnds = new Int32Array(live.length * REST_FIELDS);
  const titleParts: Uint8Array[] = [];
  const restParts: Part[] = [];
  const stored = docs.storedArticles;
  let titleAt = 0;
  let restAt = 0;
  let run: [from: number, to: number] | undefined; // a run of stored rest text, in code units
  const flush = () => {
    if (!run) return;
    const [from, to] = run;
    restParts.push({ byteLength: (to - from) * 2, fill: (dst: Uint8Array) => stored!.readRestInto(dst, from * 2) });
    run = undefined;
  };
  live.forEach((d, i) => {
    if (stored && d < stored.size) {
      const t = stored.titleBytes(d);
      titleParts.push(t);
      titleAt += t.byteLength / 2;
      const [from, to] = stored.restRange(d);
      stored.copyRestEnds(d, restEnds, i * REST_FIELDS, restAt);
      if (run && run[1] === from) run[1] = to;
      else {
        flush();
        run = [from, to];
      }
      restAt += to - from;
      present[i] = stored.presentBits(d);
    } else {
      flush();
      const values = textFieldsOf(docs.article(d)!);
      let bits = 0;
      let text = '';
      values.forEach((v, f) => {
        if (v !== undefined) bits |= 1 << f;
        if (f === 0) {
          const title = v ?? '';
          titleParts.push(Buffer.from(title, 'utf16le'));
          titleAt += title.length;
        } else {
          text += v ?? '';
          restEnds[i * REST_FIELDS + f - 1] = restAt + text.length;
        }
      });
      present[i] = bits;
      restParts.push(Buffer.from(text, 'utf16le'));
      restAt += text.length;
    }
    titleEnds[i] = titleAt;
    if (restAt > 0x7fffffff || titleAt > 0x7fffffff) throw new ValidationError('index snapshot: the article text exceeds 2^31 characters', 'split the archive into several indexes');
  });
  flush();
  return { present, titleEnds, titleParts, titleBytes: titleAt * 2, restEnds, restParts, restBytes: restAt * 2 };
}

export function serializeEngine(e: SearchEngine): Uint8Array {
  const docs = e.docs;
  const dead = docs.dead.data;
  const remap = new Int32Array(docs.slots).fill(-1);
  const live: number[] = [];
  for (let d = 0; d < docs.slots; d++) if (dead[d] === 0) remap[d] = live.push(d) - 1;
  const w = new Writer();
  const stored = docs.storedArticles;
  // Region 1: copied or decoded at load.
  w.strings(live.map((d) => docs.idOf(d)));
  w.strings(live.map((d) => (stored && d < stored.size ? stored.urls[d] : docs.article(d)!.url)));
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
  const stems = e.stems.build(dead, remap);
  const exacts = e.exacts.build(dead, remap);
  writeIndexDict(w, e.stems, stems);
  writeIndexDict(w, e.exacts, exacts);
  const nd = e.dups.index.toSections();
  w.json(nd.options);
  w.strings(nd.ids);
  for (const a of [nd.sigs, nd.sizes, nd.days, nd.banded, nd.next, nd.tableKeys, nd.tableHeads, nd.edges]) w.typed(a);
  // Region 2: viewed in place.
  w.markKept();
  const text = articleText(docs, live);
  w.typed(text.present);
  w.typed(text.titleEnds);
  w.byteParts(text.titleParts, text.titleBytes);
  w.typed(text.restEnds);
  writeIndexPostings(w, stems);
  writeIndexPostings(w, exacts);
  // Region 3: the rest of the article text, possibly left on disk.
  w.diskSection(text.restParts, text.restBytes);
  return w.result();
}

/**
 * The engine's parts from serializeEngine's bytes (or its regions and the file holding its text);
 * the parts keep views into the bytes (do not modify them afterwards) and own `textFile.fd`.
 */
export function deserializeParts(input: Uint8Array | EngineBytes): EngineParts {
  let rest: ArticleTextSource | undefined;
  try {
    const r = new Reader(input);
    const ids = r.strings() as string[];
    const urls = r.strings();
    const date = r.i32();
    const titleLen = r.i32();
    const bodyLen = r.i32();
    const bodyHash = r.f64();
    const dicts = Object.fromEntries([...VALUE_FIELDS, 'tag'].map((f) => [f, ValueDict.restore(r.strings() as string[], r.strings() as string[])])) as DocTable['dicts'];
    const values = Object.fromEntries(VALUE_FIELDS.map((f) => [f, r.i32()])) as Record<ValueField, Int32Array>;
    const tagStart = r.i32();
    const tagIds = r.i32();
    const stemDict = readIndexDict(r);
    const exactDict = readIndexDict(r);
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
    const present = r.u16();
    const titleEnds = r.i32();
    const titles = r.u8();
    const restEnds = r.i32();
    const stems = readIndexPostings(r, stemDict, false);
    const exacts = readIndexPostings(r, exactDict, true);
    rest = r.text();
    const stored = new StoredArticles({ ids, urls, present, titleEnds, titles, restEnds, rest });
    const docs = DocTable.restore({ stored, date, titleLen, bodyLen, bodyHash, dicts, values, tagStart, tagIds });
    return { docs, stems, exacts, dedupe };
  } catch (err) {
    // The file is ours from the call on: released on failure too.
    if (rest) rest.close();
    else if (!(input instanceof Uint8Array) && input.textFile) closeSync(input.textFile.fd);
    if (err instanceof ValidationError) throw err;
    throw bad((err as Error).message);
  }
}
