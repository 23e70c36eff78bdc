/**
 * PDF through a real engine on this machine: headless Chromium printing our HTML (print CSS applies),
 * else LibreOffice converting our DOCX. Neither present: `PdfEngineUnavailableError` (exit 2) saying
 * how to install one. PDF bytes are not promised to be reproducible (engines embed their own ids).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { EnvironmentError } from '@contracts/core';
import { renderDocx, type RenderDocxOptions } from './docx.js';
import { PdfEngineUnavailableError } from './errors.js';
import { renderHtml } from './html.js';

const run = promisify(execFile);
const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const LIBREOFFICE = ['soffice', 'libreoffice'];

function which(names: readonly string[]): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) if (existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

export type PdfEngine = { kind: 'chromium' | 'libreoffice'; path: string };

/** CONTRACTS_CHROMIUM_PATH, then Chromium/Chrome on PATH, then LibreOffice on PATH. */
export function findPdfEngine(env: NodeJS.ProcessEnv = process.env): PdfEngine | undefined {
  const explicit = env['CONTRACTS_CHROMIUM_PATH'];
  if (explicit && existsSync(explicit)) return { kind: 'chromium', path: explicit };
  const chromium = which(CHROMIUM);
  if (chromium) return { kind: 'chromium', path: chromium };
  const office = which(LIBREOFFICE);
  return office ? { kind: 'libreoffice', path: office } : undefined;
}

export const PDF_INSTALL_HINT =
  'No PDF engine found. Install Chromium (`apt-get install chromium`, `brew install --cask chromium`) or set ' +
  'CONTRACTS_CHROMIUM_PATH to a Chrome/Chromium binary, or install LibreOffice (`apt-get install libreoffice-writer`). ' +
  'Alternatively render --to html and print it from a browser, or --to docx.';

/** Markdown → PDF bytes. */
export async function renderPdf(markdown: string, options: RenderDocxOptions & { title?: string; engine?: PdfEngine } = {}): Promise<Uint8Array> {
  const engine = options.engine ?? findPdfEngine();
  if (!engine) throw new PdfEngineUnavailableError(PDF_INSTALL_HINT);
  const dir = await mkdtemp(join(tmpdir(), 'contracts-pdf-'));
  try {
    if (engine.kind === 'chromium') {
      const html = join(dir, 'agreement.html');
      const htmlOptions = { ...(options.title ? { title: options.title } : {}), ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}) };
      await writeFile(html, await renderHtml(markdown, htmlOptions));
      const pdf = join(dir, 'agreement.pdf');
      await run(
        engine.path,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          `--user-data-dir=${join(dir, 'profile')}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${pdf}`,
          pathToFileURL(html).href,
        ],
        { timeout: 120_000 },
      );
      return new Uint8Array(await readFile(pdf));
    }
    const docx = join(dir, 'agreement.docx');
    await writeFile(docx, await renderDocx(markdown, options));
    await run(engine.path, ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 180_000 });
    return new Uint8Array(await readFile(join(dir, 'agreement.pdf')));
  } catch (error) {
    if (error instanceof PdfEngineUnavailableError) throw error;
    throw new EnvironmentError(
      'render/pdf-failed',
      `${engine.kind} at ${engine.path} could not print the PDF: ${String((error as Error).message).split('\n')[0]}`,
      { cause: error },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
