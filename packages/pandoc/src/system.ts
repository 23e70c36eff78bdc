/**
 * The system backend: a `pandoc` binary on PATH (or CONTRACTS_PANDOC_PATH). Each conversion is its own
 * process, so conversions run in parallel safely. Options travel in a temporary defaults file.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resolveSourceDateEpoch, toDefaults } from './defaults.js';
import { PandocConversionError, PandocUnavailableError } from './errors.js';
import { runProcess } from './process.js';
import type { ConvertOptions, PandocInput, PandocWarning } from './types.js';
import { MIN_PANDOC_VERSION, isSupportedVersion, parsePandocVersion } from './version.js';

export const DEFAULT_TIMEOUT_MS = 60_000;

export interface SystemPandoc {
  readonly path: string;
  readonly version: string;
}

const probes = new Map<string, Promise<SystemPandoc>>();

/** Runs `<path> --version` once per path and process; rejects with `PandocUnavailableError` if unusable. */
export function probeSystemPandoc(path: string): Promise<SystemPandoc> {
  let probe = probes.get(path);
  if (!probe) {
    probe = probe_(path);
    probes.set(path, probe);
  }
  return probe;
}

async function probe_(path: string): Promise<SystemPandoc> {
  let result: Awaited<ReturnType<typeof runProcess>>;
  try {
    result = await runProcess(path, ['--version'], { timeoutMs: 15_000 });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'was not found' : 'could not be started';
    throw new PandocUnavailableError(`The pandoc binary ${JSON.stringify(path)} ${reason}.`, { cause: error });
  }
  const version = parsePandocVersion(new TextDecoder().decode(result.stdout));
  if (result.exitCode !== 0 || !version) {
    throw new PandocUnavailableError(`${JSON.stringify(path)} --version failed or did not print a pandoc version: ${result.stderr.trim()}`);
  }
  if (!isSupportedVersion(version)) {
    throw new PandocUnavailableError(`${path} is pandoc ${version}; pandoc >= ${MIN_PANDOC_VERSION} is required.`);
  }
  return { path, version };
}

/** Converts with the system binary. Output comes from stdout, diagnostics from stderr and a JSON log. */
export async function convertWithSystem(
  pandoc: SystemPandoc,
  input: PandocInput,
  options: ConvertOptions,
): Promise<{ output: Uint8Array; warnings: PandocWarning[] }> {
  const epoch = resolveSourceDateEpoch(options);
  const dir = await mkdtemp(join(tmpdir(), 'contracts-pandoc-'));
  try {
    let referenceDocPath: string | undefined;
    if (options.referenceDoc instanceof Uint8Array) {
      referenceDocPath = join(dir, 'reference.docx');
      await writeFile(referenceDocPath, options.referenceDoc);
    } else if (typeof options.referenceDoc === 'string') {
      referenceDocPath = resolve(options.referenceDoc);
    }
    const defaultsPath = join(dir, 'defaults.json');
    const logPath = join(dir, 'log.json');
    await writeFile(defaultsPath, JSON.stringify(toDefaults(options, referenceDocPath)));

    const env: NodeJS.ProcessEnv = { ...process.env };
    if (epoch === undefined) delete env['SOURCE_DATE_EPOCH'];
    else env['SOURCE_DATE_EPOCH'] = String(epoch);

    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const result = await runProcess(pandoc.path, ['--defaults', defaultsPath, `--log=${logPath}`], {
      input,
      env,
      timeoutMs,
    });
    if (result.timedOut) {
      throw new PandocConversionError(`pandoc did not finish within ${timeoutMs} ms and was stopped.`, {
        code: 'pandoc/timeout',
        stderr: result.stderr,
      });
    }
    if (result.exitCode !== 0) {
      const detail = result.stderr.trim() || `killed by ${result.signal ?? 'unknown signal'}`;
      throw new PandocConversionError(`pandoc ${options.from} → ${options.to} failed (exit ${result.exitCode}): ${detail}`, {
        stderr: result.stderr,
        pandocExitCode: result.exitCode ?? undefined,
      });
    }
    const log = await readFile(logPath, 'utf8').catch(() => '[]');
    return { output: result.stdout, warnings: parseSystemWarnings(log, result.stderr) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Pandoc 2.x's JSON log has the warning *type* but no readable text, and stderr has the text but no
 * type; pair them up in order (both list the same warnings in the same order).
 */
export function parseSystemWarnings(logJson: string, stderr: string): PandocWarning[] {
  let entries: Array<Record<string, unknown>> = [];
  try {
    entries = JSON.parse(logJson) as Array<Record<string, unknown>>;
  } catch {
    // A missing or truncated log only costs us the warning types; the conversion itself succeeded.
  }
  const texts = stderr.split(/^(?=\[WARNING\] )/m).filter((block) => block.startsWith('[WARNING] '));
  return entries
    .filter((entry) => entry['verbosity'] === 'WARNING')
    .map((entry, i) => ({
      type: String(entry['type'] ?? 'Warning'),
      message: typeof entry['pretty'] === 'string' ? entry['pretty'] : (texts[i]?.slice('[WARNING] '.length).trim() ?? String(entry['type'])),
    }));
}
