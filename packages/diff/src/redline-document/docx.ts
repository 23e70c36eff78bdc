/**
 * Redline → DOCX with real tracked changes, made from the two rounds' own documents: both versions are
 * rendered to DOCX exactly as `render --to docx` renders them (same templates, same reference document,
 * same DOCX engine; the comparison engine starts meanwhile on the other core), then compared as OOXML by `@contracts/docx-compare`. Tables, numbered
 * headings, bold runs and cross-references therefore reach Word as Word has them, and *accept all* gives
 * the later round's document, *reject all* the earlier one's. Every change carries the redline's
 * author and date; render's `normalizeDocx` then fixes the zip so identical inputs give identical bytes.
 */
import { compareDocx, warmUpDocxCompare } from '@contracts/docx-compare';
import { normalizeDocx, renderDocxMany, warmUpDocx, type RenderDocxOptions } from '@contracts/render';
import type { Redline } from './build-redline.js';

export interface RedlineDocxOptions {
  /** Seconds since 1970 for the documents' metadata and zip entries (not the changes: they carry `redline.by.date`). */
  epoch: number;
  backend?: RenderDocxOptions['backend'];
  /** Which writer renders the rounds (default: CONTRACTS_DOCX_ENGINE, else the built-in one). */
  docxEngine?: RenderDocxOptions['docxEngine'];
  referenceDoc?: RenderDocxOptions['referenceDoc'];
}

/**
 * The two rounds rendered to DOCX, earlier first: the inputs of the comparison (and what the redline
 * must reproduce).
 */
export function renderRounds(redline: Redline, options: RedlineDocxOptions): Promise<Uint8Array[]> {
  return renderPairs([redline], options);
}

/**
 * Starts what a DOCX redline needs — the comparison engine's thread, and pandoc when pandoc renders
 * (pandoc-wasm compiles; the built-in DOCX writer needs nothing) — without waiting, so both get ready
 * while the caller reads git and renders Markdown. Never rejects.
 */
export function warmUpRedlineDocx(options: Pick<RedlineDocxOptions, 'backend' | 'docxEngine'> = {}): void {
  warmUpDocxCompare();
  warmUpDocx(options);
}

/** Renders both rounds and compares them: normalised DOCX bytes with the changes tracked. */
export async function redlineDocx(redline: Redline, options: RedlineDocxOptions): Promise<Uint8Array> {
  return (await redlineDocxMany([redline], options))[0]!;
}

/** Options for {@link redlineDocxMany}. */
export interface RedlineDocxManyOptions extends RedlineDocxOptions {
  /** Contracts rendered together (one pandoc run when pandoc renders). Default 4. */
  chunk?: number;
}

/**
 * Many redlines, in input order, each the same bytes as {@link redlineDocx} would give. The rounds are
 * rendered a few contracts per pandoc run (pandoc's start-up paid once per run), and each run overlaps
 * the comparison of the previous one: pandoc (or pandoc-wasm) keeps one core busy, the comparison
 * engine's thread the other. The engine starts at once, so it initialises during the first run.
 */
export async function redlineDocxMany(redlines: readonly Redline[], options: RedlineDocxManyOptions): Promise<Uint8Array[]> {
  warmUpDocxCompare();
  const chunks = chunked(redlines, options.chunk ?? 4);
  const out: Uint8Array[] = [];
  let rendering = chunks.length > 0 ? renderPairs(chunks[0]!, options) : undefined;
  for (const [k, chunk] of chunks.entries()) {
    const documents = await rendering!;
    rendering = k + 1 < chunks.length ? renderPairs(chunks[k + 1]!, options) : undefined;
    rendering?.catch(() => undefined); // awaited on the next turn; not an unhandled rejection meanwhile
    for (const [i, redline] of chunk.entries()) {
      const tracked = await compareDocx(documents[2 * i]!, documents[2 * i + 1]!, {
        author: redline.by.author,
        date: redline.by.date,
        names: { before: redline.from, after: redline.to },
      });
      out.push(normalizeDocx(tracked, options.epoch));
    }
  }
  return out;
}

/**
 * Both rounds of every redline, earlier then later, in one pandoc run (the redlines share a templates
 * directory). A round that two redlines share (round 2 of 1→2 and of 2→3) is rendered once.
 */
async function renderPairs(redlines: readonly Redline[], options: RedlineDocxOptions): Promise<Uint8Array[]> {
  const templatesDir = redlines[0]?.templatesDir;
  const rounds = redlines.flatMap((r) => [r.fromMarkdown, r.toMarkdown]);
  const unique = [...new Set(rounds)];
  const documents = await renderDocxMany(unique, {
    epoch: options.epoch,
    concurrency: 1,
    batchSize: unique.length,
    ...(templatesDir ? { templatesDir } : {}),
    ...(options.backend ? { backend: options.backend } : {}),
    ...(options.docxEngine ? { docxEngine: options.docxEngine } : {}),
    ...(options.referenceDoc ? { referenceDoc: options.referenceDoc } : {}),
  });
  const byText = new Map(unique.map((text, i) => [text, documents[i]!]));
  return rounds.map((text) => byText.get(text)!);
}

/** Runs of at most `size` consecutive redlines that share a templates directory. */
function chunked(redlines: readonly Redline[], size: number): Redline[][] {
  const chunks: Redline[][] = [];
  for (const redline of redlines) {
    const last = chunks.at(-1);
    if (last && last.length < size && last[0]!.templatesDir === redline.templatesDir) last.push(redline);
    else chunks.push([redline]);
  }
  return chunks;
}
