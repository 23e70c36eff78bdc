/** Parsing and comparing pandoc version numbers (`pandoc 2.17.1.1`, `3.10`). */

/** Oldest pandoc we accept: 2.11 brought the citeproc rewrite and the defaults-file keys we rely on. */
export const MIN_PANDOC_VERSION = '2.11';

/** Extracts the version from the first line of `pandoc --version`, e.g. `pandoc 2.17.1.1` → `2.17.1.1`. */
export function parsePandocVersion(versionOutput: string): string | undefined {
  const match = /^pandoc(?:\.exe)?\s+v?(\d+(?:\.\d+)*)/im.exec(versionOutput.trim());
  return match?.[1];
}

/** Numeric comparison of dotted versions: negative if a < b, 0 if equal, positive if a > b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** True when `version` is at least {@link MIN_PANDOC_VERSION}. */
export function isSupportedVersion(version: string): boolean {
  return compareVersions(version, MIN_PANDOC_VERSION) >= 0;
}
