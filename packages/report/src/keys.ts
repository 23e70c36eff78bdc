import { createHash } from 'node:crypto';
import { dirname, relative, resolve, sep } from 'node:path';
import { displayPath } from '@contracts/core';

/** A contract file the report covers: where to read it, how to name it, and the name its pages get. */
export interface ReportFile {
  /** The path to read (as collected). */
  path: string;
  /** The path shown to readers: relative to the working directory, as `contracts check` shows it. */
  shown: string;
  /** File-name-safe and unique in the report: `springfield-smartcam` → `agreements/springfield-smartcam.html`. */
  key: string;
}

// Names Windows reserves in every folder, whatever the extension (the schema forbids them as ids too).
const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * Page names from the files' paths alone, relative to the folder that holds them all
 * (`contracts/acme.yaml` → `acme`, `contracts/eu/acme.yaml` → `eu--acme`), so every thread agrees on
 * them before any file is read. Two paths that would give the same name get a short hash of the path.
 */
export function reportFiles(paths: readonly string[], cwd = process.cwd()): ReportFile[] {
  const absolute = paths.map((p) => resolve(cwd, p));
  const base = commonFolder(absolute.map((p) => dirname(p)));
  const names = absolute.map((p) => slug(relative(base, p).replace(/\.ya?ml$/i, '')));
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return paths.map((path, i) => {
    const name = names[i]!;
    const key = counts.get(name)! > 1 ? `${name}-${createHash('sha256').update(absolute[i]!).digest('hex').slice(0, 8)}` : name;
    return { path, shown: displayPath(path, cwd), key };
  });
}

function slug(relPath: string): string {
  const name =
    relPath
      .split(sep)
      .join('/')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/\//g, '--')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .toLowerCase()
      .slice(0, 120) || 'agreement';
  return RESERVED.test(name) ? `${name}-agreement` : name;
}

function commonFolder(folders: readonly string[]): string {
  const split = folders.map((f) => f.split(sep));
  const first = split[0] ?? [];
  let n = 0;
  while (n < first.length && split.every((parts) => parts[n] === first[n])) n++;
  return first.slice(0, n).join(sep) || sep;
}
