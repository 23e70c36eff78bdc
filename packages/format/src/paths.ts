import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where the files a report names live. GitHub reads every path in an annotation or a SARIF log as
 * relative to the repository root, while reports name files relative to the working directory: run
 * from `contracts/`, `a.yaml` must become `contracts/a.yaml`.
 */
export interface RepositoryPaths {
  /** Absolute path of the repository root (GITHUB_WORKSPACE, or the git work tree's top level). */
  root: string;
  /** Absolute path of the working directory the report's file names are relative to. */
  cwd: string;
}

/**
 * `file` (as a report names it) relative to the repository root, with forward slashes. A file outside
 * the root, or any file when `repository` is not given, keeps its name (slashes normalised).
 */
export function repositoryPath(file: string, repository: RepositoryPaths | undefined): string {
  if (!repository) return file.replace(/\\/g, '/');
  const rel = relative(repository.root, resolve(repository.cwd, file));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return file.replace(/\\/g, '/');
  return rel.split(sep).join('/');
}

/** The repository root as a `file:` URI ending in `/`, as SARIF's `originalUriBaseIds` wants it. */
export function rootUri(repository: RepositoryPaths): string {
  const href = pathToFileURL(repository.root).href;
  return href.endsWith('/') ? href : `${href}/`;
}
