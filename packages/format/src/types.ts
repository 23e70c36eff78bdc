import type { Diagnostic } from '@contracts/core';

/** Per-file context a formatter may print (e.g. a playbook summary line). */
export interface FileSummary {
  file: string;
  /** A short human line, e.g. `3 walk-away, 2 fallback, 14 preferred`. */
  summary?: string;
}

export interface FormatOptions {
  /** Colour output (stylish only). The CLI sets it from the TTY and NO_COLOR. */
  color?: boolean;
  /** Show info-severity diagnostics (stylish, github, junit, markdown; json and sarif always include them). */
  verbose?: boolean;
  /** Every file checked, so clean files can be counted and summarised. */
  files?: FileSummary[];
  /** Tool version for machine formats (SARIF). */
  toolVersion?: string;
}

/** A formatter is a pure function of the diagnostics. */
export type Formatter = (diagnostics: readonly Diagnostic[], options?: FormatOptions) => string;
