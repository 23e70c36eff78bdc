// LibreOffice as an outside judge of the DOCX files this project writes: one headless soffice per
// session (start-up takes seconds, a request tens of milliseconds), driven over UNO by uno_harness.py
// under /usr/bin/python3 (the interpreter Debian's python3-uno serves). Plain ESM so that vitest tests
// and `pnpm bench` scripts share it; types in index.d.ts.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const PYTHON = process.env.CONTRACTS_UNO_PYTHON ?? '/usr/bin/python3';
const SOFFICE_BIN = process.env.CONTRACTS_SOFFICE_BIN ?? '/usr/lib/libreoffice/program/soffice.bin';
const HARNESS = fileURLToPath(new URL('./uno_harness.py', import.meta.url));
const START_TIMEOUT_MS = 90_000;
const REQUEST_TIMEOUT_MS = 60_000;

let availability;

/** Whether LibreOffice can be driven here; `reason` says why not (for `it.skipIf(...)` titles). */
export function libreOfficeAvailability() {
  if (availability) return availability;
  if (!existsSync(SOFFICE_BIN)) availability = { ok: false, reason: `no LibreOffice (${SOFFICE_BIN}; apt-get install libreoffice-writer)` };
  else if (!existsSync(PYTHON)) availability = { ok: false, reason: `no ${PYTHON} to drive LibreOffice over UNO` };
  else {
    const probe = spawnSync(PYTHON, ['-c', 'import uno'], { encoding: 'utf8', timeout: 20_000 });
    availability = probe.status === 0 ? { ok: true, reason: '' } : { ok: false, reason: `${PYTHON} cannot import uno (apt-get install python3-uno)` };
  }
  return availability;
}

/** Starts one LibreOffice session. Close it (`await lo.close()`) when done; `withLibreOffice` does that for you. */
export async function startLibreOffice() {
  const available = libreOfficeAvailability();
  if (!available.ok) throw new Error(`LibreOffice unavailable: ${available.reason}`);
  const scratch = mkdtempSync(join(tmpdir(), 'contracts-lo-files-'));
  const child = spawn(PYTHON, [HARNESS], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, CONTRACTS_SOFFICE_BIN: SOFFICE_BIN } });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  let closed = false;
  const fail = (error) => {
    for (const w of waiting.splice(0)) w.reject(error);
  };
  lines.on('line', (line) => {
    const next = waiting.shift();
    if (!next) return;
    clearTimeout(next.timer);
    try {
      next.resolve(JSON.parse(line));
    } catch {
      next.reject(new Error(`LibreOffice harness said: ${line}`));
    }
  });
  child.on('exit', (code, signal) => {
    closed = true;
    fail(new Error(`LibreOffice harness exited (${signal ?? code})${stderr ? `: ${stderr.trim().split('\n').at(-1)}` : ''}`));
  });

  const reply = (timeoutMs) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`LibreOffice did not answer within ${timeoutMs / 1000} s`));
        child.kill('SIGTERM');
      }, timeoutMs);
      waiting.push({ resolve, reject, timer });
    });
  // Requests are answered in order, one line each, so replies are matched by position.
  let chain = Promise.resolve();
  const request = (body) => {
    const run = async () => {
      if (closed) throw new Error('LibreOffice session is closed');
      const answer = reply(REQUEST_TIMEOUT_MS);
      child.stdin.write(`${JSON.stringify(body)}\n`);
      const result = await answer;
      if (!result.ok) throw new Error(`LibreOffice: ${result.error}`);
      return result;
    };
    const result = chain.then(run, run);
    chain = result.catch(() => undefined);
    return result;
  };

  let fileCount = 0;
  /** A path for `docx`: itself when it is a path, else the bytes written to the session's scratch folder. */
  const pathOf = (docx) => {
    if (typeof docx === 'string') return docx;
    const file = join(scratch, `in-${++fileCount}.docx`);
    writeFileSync(file, docx);
    return file;
  };

  const ready = await reply(START_TIMEOUT_MS).catch((error) => {
    child.kill('SIGKILL');
    throw error;
  });
  if (!ready.ok) {
    child.kill('SIGKILL');
    throw new Error(`LibreOffice did not start: ${ready.error}`);
  }

  return {
    version: ready.version,
    scratch,
    text: async (docx, changes = 'keep') => (await request({ op: 'text', path: pathOf(docx), changes })).blocks,
    revisions: async (docx) => (await request({ op: 'revisions', path: pathOf(docx) })).revisions,
    redline: async (docx) => {
      const { shown, accepted, rejected, revisions, pendingAfterAccept, pendingAfterReject } = await request({ op: 'redline', path: pathOf(docx) });
      return { shown, accepted, rejected, revisions, pending: pendingAfterAccept || pendingAfterReject };
    },
    edit: async (
      docx,
      {
        out,
        author,
        replacements = [],
        comments = [],
        deleteParagraphs = [],
        insertParagraphs = [],
        insertRows = [],
        deleteRows = [],
        record = true,
        replaceAll = false,
        matchCase = false,
      },
    ) =>
      (
        await request({
          op: 'edit',
          path: pathOf(docx),
          out,
          author,
          replacements,
          comments,
          deleteParagraphs,
          insertParagraphs,
          insertRows,
          deleteRows,
          record,
          replaceAll,
          matchCase,
        })
      ).missing,
    compare: async (original, modified, { out, author = 'LibreOffice' }) => {
      await request({ op: 'compare', original: pathOf(original), modified: pathOf(modified), out, author });
    },
    close: async () => {
      if (!closed) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.stdin.end(`${JSON.stringify({ op: 'quit' })}\n`);
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` with a LibreOffice session and always closes it (soffice, its profile, the scratch files). */
export async function withLibreOffice(fn) {
  const lo = await startLibreOffice();
  try {
    return await fn(lo);
  } finally {
    await lo.close();
  }
}

/** The words of a document's blocks, whitespace-normalised: what "word for word" compares. */
export function wordsOf(blocks) {
  return blocks.join(' ').split(/\s+/).filter(Boolean);
}

/** The first differences between two word lists, as `-old +new` hunks (empty when equal). */
export function wordDifferences(expected, actual, limit = 10) {
  const out = [];
  let i = 0;
  let j = 0;
  while ((i < expected.length || j < actual.length) && out.length < limit) {
    if (expected[i] === actual[j]) {
      i++;
      j++;
      continue;
    }
    // Re-synchronise on the next word both sides share within a short window.
    let found;
    for (let d = 1; d < 40 && !found; d++)
      for (let a = 0; a <= d; a++) {
        const b = d - a;
        if (i + a < expected.length && expected[i + a] === actual[j + b]) {
          found = [a, b];
          break;
        }
      }
    const [a, b] = found ?? [expected.length - i, actual.length - j];
    out.push(`at word ${i}: -${JSON.stringify(expected.slice(i, i + a).join(' '))} +${JSON.stringify(actual.slice(j, j + b).join(' '))}`);
    i += a;
    j += b;
  }
  return out;
}
