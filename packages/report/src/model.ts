/**
 * What the report knows about each agreement: plain, serialisable data (it crosses worker threads),
 * every number taken from the library functions `contracts check` and `contracts rounds` use.
 */
import type { Diagnostic } from '@contracts/core';
import type { RoundRow } from '@contracts/diff';
import type { CheckSummary, TermResult, Tier } from '@contracts/playbook';
import type { WordingCounts } from './collect/wording.js';

/** The latest negotiation round: which, when its version was written and by whom (as `contracts rounds` shows it). */
export interface LatestRound {
  round: number;
  /** The version's author date (ISO 8601), the date `contracts rounds` prints. */
  authorDate: string;
  author: string;
  /** Whole days from `authorDate` to the report date (SOURCE_DATE_EPOCH, else now). */
  daysSince: number;
}

/** An obligation the contract does not meet yet that binds from a later date (an `upcoming` risk finding). */
export interface Deadline {
  /** ISO date the obligation starts. */
  date: string;
  ruleId: string;
  /** Dotted path of the term inside `terms`. */
  term: string;
}

/** One agreement's row in the portfolio, and its terms for the pages per term. */
export interface AgreementSummary {
  key: string;
  /** The contract file as shown (relative to the working directory). */
  file: string;
  id: string | undefined;
  title: string;
  vendor: string;
  product: string;
  buyer: string;
  /** Check's counts; undefined when the file could not be read as a contract (see `problems`). */
  summary: CheckSummary | undefined;
  /** Parse and schema errors, as `contracts check` reports them. */
  problems: Diagnostic[];
  /** How many errors, warnings and infos `contracts check --verbose --format json` reports for the file (errors and warnings: without --verbose too). */
  findings: { errors: number; warnings: number; infos: number };
  /** The counterparty's wording for counsel to review (`negotiatedWording`), as check counts it. */
  wording: WordingCounts;
  /** Terms (paths inside `terms`) whose value the counterparty's wording contradicts (`playbook/restated-term`): the contract says otherwise. */
  unsettledTerms: string[];
  /** Every playbook term, rated (empty when the file could not be read). */
  terms: TermResult[];
  /** The rows of `contracts rounds --format json`, oldest first. */
  rounds: RoundRow[];
  latest: LatestRound | undefined;
  /** Why rounds could not be read (not in a git repository, no id), when they could not. */
  roundsProblem?: string;
  deadlines: Deadline[];
  /** The site files this agreement's pages were written to (agreement page, rendered contract, redline). */
  pages: string[];
}

/** A key position at one round, for the chart. */
export interface SeriesPoint {
  round: number;
  value: unknown;
  tier: Tier;
}

/** How one key position moved across the rounds. */
export interface PositionSeries {
  path: string;
  label: string;
  unit: string;
  /** `number`: a value axis. `option`: the playbook's order, best for the buyer first. */
  kind: 'number' | 'option';
  order: string[];
  /** Better for the buyer: lower or higher numbers (numbers only). */
  better: 'lower' | 'higher';
  /** One per round whose version has the term; rounds without it have no point. */
  points: SeriesPoint[];
  preferred?: unknown;
  fallback?: unknown;
}
