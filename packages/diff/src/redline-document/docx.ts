/**
 * Redline → DOCX with real tracked changes. With the built-in DOCX writer (the default engine) the
 * tracked document is written directly (docx-redline/): both rounds through the writer's own model,
 * paired paragraph by paragraph and row by row by the redline's structure-anchored alignment, word
 * changes marked inside — no comparison engine, milliseconds instead of seconds. When pandoc renders
 * the rounds (`docxEngine: 'pandoc'`, or Markdown beyond the writer's subset), its DOCX is not the
 * writer's model, so both rounds are rendered as `render --to docx` renders them and compared as OOXML
 * by `@contracts/docx-compare` (docxodus). Either way *accept all* gives the later round's document and
 * *reject all* the earlier one's, every change carries the redline's author and date, and render's
 * normalisation makes identical inputs give identical bytes.
 */
import { compareDocx, warmUpDocxCompare } from '@contracts/docx-compare';
import { normalizeDocx, normalizeEntries, referenceDocPath, renderDocxMany, resolveDocxEngine, warmUpDocx, type RenderDocxOptions } from '@contracts/render';
import { trackedDocxEntries } from '../docx-redline/index.js';
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
 * The two rounds rendered to DOCX, earlier first: what the redline must reproduce on *reject all* and
 * *accept all* (and the comparison engine's inputs when it makes the redline).
 */
export function renderRounds(redline: Redline, options: RedlineDocxOptions): Promise<Uint8Array[]> {
  return renderPairs([redline], options);
}

/**
 * Starts what a DOCX redline needs without waiting: pandoc (when pandoc renders: pandoc-wasm compiles)
 * and then also the comparison engine's thread, which only a pandoc-rendered redline uses. The built-in
 * writer needs neither. Never rejects.
 */
export function warmUpRedlineDocx(options: Pick<RedlineDocxOptions, 'backend' | 'docxEngine'> = {}): void {
  warmUpDocx(options);
  if (engineOf(options) === 'pandoc') warmUpDocxCompare();
}

/** Both rounds, redlined: normalised DOCX bytes with the changes tracked. */
export async function redlineDocx(redline: Redline, options: RedlineDocxOptions): Promise<Uint8Array> {
  return (await redlineDocxMany([redline], options))[0]!;
}

/** Options for {@link redlineDocxMany}. */
export interface RedlineDocxManyOptions extends RedlineDocxOptions {
  /** Contracts rendered together when the comparison engine makes the redlines (one pandoc run when pandoc renders). Default 4. */
  chunk?: number;
}

/**
 * Many redlines, in input order, each the same bytes as {@link redlineDocx} would give. Written
 * directly where the built-in writer renders the rounds; the others (pandoc) compared as in
 * {@link compareRedlines}.
 */
export async function redlineDocxMany(redlines: readonly Redline[], options: RedlineDocxManyOptions): Promise<Uint8Array[]> {
  const out = new Array<Uint8Array>(redlines.length);
  const compared: number[] = [];
  const builtin = engineOf(options) === 'builtin';
  for (const [i, redline] of redlines.entries()) {
    // pandoc's DOCX is not the writer's model: only the comparison engine can redline it.
    const tracked = builtin ? trackedDocxEntries(redline, options.referenceDoc ?? referenceDocPath(redline.templatesDir), options.epoch) : undefined;
    if (tracked && 'entries' in tracked) out[i] = normalizeEntries(tracked.entries, options.epoch, redline.provenance);
    else compared.push(i);
  }
  if (compared.length > 0) {
    const documents = await compareRedlines(
      compared.map((i) => redlines[i]!),
      options,
    );
    compared.forEach((i, k) => {
      out[i] = documents[k]!;
    });
  }
  return out;
}

const engineOf = (options: Pick<RedlineDocxOptions, 'docxEngine'>) => {
  try {
    return resolveDocxEngine(options.docxEngine);
  } catch {
    return undefined; // a bad CONTRACTS_DOCX_ENGINE is reported by the render that reads it
  }
};

/**
 * Redlines made by the comparison engine: the rounds are rendered a few contracts per pandoc run
 * (pandoc's start-up paid once per run), and each run overlaps the comparison of the previous one:
 * pandoc (or pandoc-wasm) keeps one core busy, the comparison engine's thread the other. The engine
 * starts at once, so it initialises during the first run.
 */
async function compareRedlines(redlines: readonly Redline[], options: RedlineDocxManyOptions): Promise<Uint8Array[]> {
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
      out.push(normalizeDocx(tracked, options.epoch, redline.provenance));
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
