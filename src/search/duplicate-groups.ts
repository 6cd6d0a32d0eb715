/**
 * Syndicated copies as the engine sees them: a wrapper over NearDuplicateIndex (src/dedupe) that
 * keeps a doc-number → group-number table, rebuilt lazily after changes, so collapsing a result
 * set of thousands of docs costs one array lookup per doc.
 */
import { DEFAULT_VOCABULARY } from '../analysis/analyzer.ts';
import { NearDuplicateIndex } from '../dedupe/near-duplicates.ts';

export class DuplicateGroups {
  /** Group number by doc number (−1: no copies); docs past the end have none. */
  private groupOfDoc = new Int32Array(0);
  private members: number[][] = [];
  private stale = true;

  constructor(
    public index: NearDuplicateIndex,
    private readonly docOf: (id: string) => number | undefined,
  ) {}

  add(id: string, body: string): void {
    this.index.add(id, body);
    this.stale = true;
  }

  /** As add, from the body's exact forms as vocabulary ids (indexArticle's bodyWords). */
  addWords(id: string, wordIds: Int32Array, n: number): void {
    if (this.hashes.length < n) this.hashes = new Uint32Array(Math.max(n, this.hashes.length * 2));
    const vocab = DEFAULT_VOCABULARY.hashes;
    for (let i = 0; i < n; i++) this.hashes[i] = vocab[wordIds[i]!]!;
    this.index.addWords(id, this.hashes, n);
    this.stale = true;
  }
  private hashes = new Uint32Array(1024);

  remove(id: string): void {
    this.index.remove(id);
    this.stale = true;
  }

  private refresh(): void {
    if (!this.stale) return;
    this.members = [];
    let maxDoc = -1;
    for (const ids of this.index.groups()) {
      const docs = ids.map((id) => this.docOf(id)).filter((d): d is number => d !== undefined);
      if (docs.length < 2) continue;
      this.members.push(docs);
      for (const d of docs) if (d > maxDoc) maxDoc = d;
    }
    this.groupOfDoc = new Int32Array(maxDoc + 1).fill(-1);
    this.members.forEach((docs, g) => {
      for (const d of docs) this.groupOfDoc[d] = g;
    });
    this.stale = false;
  }

  /** Group number of a doc, or −1 when it has no copies. */
  groupOf(doc: number): number {
    this.refresh();
    return this.groupOfDoc[doc] ?? -1;
  }

  /** Group number by doc number (−1: no copies; docs past the end have none), for tight loops. */
  table(): Int32Array {
    this.refresh();
    return this.groupOfDoc;
  }

  /** All docs of group `g`. */
  membersOf(g: number): readonly number[] {
    this.refresh();
    return this.members[g] ?? [];
  }

  get groupCount(): number {
    this.refresh();
    return this.members.length;
  }

  /** True when no doc has copies (collapsing can be skipped). */
  get empty(): boolean {
    this.refresh();
    return this.members.length === 0;
  }
}
