/**
 * Ingest progress on stderr: a cli-progress bar (bytes done, articles, articles/s, ETA) when
 * stderr is a terminal; otherwise a plain line every `everySeconds` (logs, CI, pipes).
 * Progress is measured in bytes of input (compressed bytes for .gz), the only total known
 * before reading.
 */
import cliProgress from 'cli-progress';
import type { IngestProgress } from '../ingest/ingest.ts';

export interface ProgressReporter {
  update(p: IngestProgress): void;
  stop(): void;
}

const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;

function eta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${Math.round(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}

export function createProgress(opts: { tty: boolean; everySeconds: number; out?: NodeJS.WritableStream }): ProgressReporter {
  const out = opts.out ?? process.stderr;
  const started = Date.now();
  const rate = (p: IngestProgress) => p.articles / Math.max((Date.now() - started) / 1000, 1e-3);
  const remaining = (p: IngestProgress) => {
    const elapsed = (Date.now() - started) / 1000;
    return p.bytesRead > 0 ? (elapsed * (p.bytesTotal - p.bytesRead)) / p.bytesRead : Infinity;
  };

  if (opts.tty) {
    const bar = new cliProgress.SingleBar(
      {
        stream: out as NodeJS.WriteStream,
        format: 'ingest [{bar}] {percentage}% | {articles} articles | {rate}/s | ETA {etaText}',
        hideCursor: true,
        clearOnComplete: false,
        barsize: 30,
      },
      cliProgress.Presets.shades_classic,
    );
    let startedBar = false;
    return {
      update(p) {
        const payload = { articles: p.articles, rate: Math.round(rate(p)), etaText: eta(remaining(p)) };
        if (!startedBar) {
          bar.start(Math.max(p.bytesTotal, 1), p.bytesRead, payload);
          startedBar = true;
        } else bar.update(p.bytesRead, payload);
      },
      stop() {
        if (startedBar) bar.stop();
      },
    };
  }

  let last = started;
  let latest: IngestProgress | undefined;
  const line = (p: IngestProgress) => {
    const pct = p.bytesTotal ? ((100 * p.bytesRead) / p.bytesTotal).toFixed(0) : '100';
    out.write(`ingest: ${p.articles} articles, ${Math.round(rate(p))}/s, ${pct}% of ${mb(p.bytesTotal)}, ETA ${eta(remaining(p))}\n`);
  };
  return {
    update(p) {
      latest = p;
      const now = Date.now();
      if (now - last >= opts.everySeconds * 1000) {
        last = now;
        line(p);
      }
    },
    stop() {
      if (latest && Date.now() - started >= opts.everySeconds * 1000) line(latest);
    },
  };
}
