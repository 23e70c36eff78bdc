import type { Diagnostic } from '@contracts/core';
import type { RepositoryPaths } from './paths.js';

/** Per-file context a formatter may print (e.g. a playbook summary line). */
export interface FileSummary {
  file: string;
  /** A short human line, e.g. `3 walk-away, 2 fallback, 14 preferred`. */
  summary?: string;
}

/** What a rule whose code comes from data (`risk/<id>`) says about itself: from the playbook that defines it. */
export interface RuleText {
  /** One sentence: what the rule demands (the playbook's message). */
  description: string;
  /** The law, standard or practice behind it. */
  source?: string;
}

/** How many annotations of each kind GitHub shows for one step (see `githubLimits`). */
export interface AnnotationLimits {
  error: number;
  warning: number;
  notice: number;
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
  /** Where users learn about the tool (SARIF `informationUri`): an absolute URI. */
  toolInformationUri?: string;
  /**
   * The repository the files are in (github, sarif): paths become relative to its root, as GitHub
   * reads them, wherever the command ran.
   */
  repository?: RepositoryPaths;
  /** The commit the report is about (SARIF `versionControlProvenance`), when known: code scanning maps paths through it. */
  versionControl?: { repositoryUri: string; revisionId: string; branch?: string };
  /** Descriptions of data-defined rules (`risk/<id>`) by code, from the playbook (SARIF rule metadata). */
  rules?: Readonly<Record<string, RuleText>>;
  /** Annotations per kind before the rest go to the log as plain lines (github; default `githubLimits`). */
  annotationLimits?: AnnotationLimits;
}

/** A formatter is a pure function of the diagnostics. */
export type Formatter = (diagnostics: readonly Diagnostic[], options?: FormatOptions) => string;
