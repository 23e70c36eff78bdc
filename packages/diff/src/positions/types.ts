import type { BuyerDirection, Tier } from '@contracts/playbook';
import type { WordingDiff } from '../wording/types.js';

/** How a term changed between two versions of an agreement. */
export type ChangeKind = 'changed' | 'added' | 'removed';

/** One negotiated term that moved. Plain data: serialises as-is for `--format json`. */
export interface PositionChange {
  /** Dotted path inside `terms` (`incidentResponse.notificationHours`). */
  path: string;
  /** JSON Pointer from the document root (`/terms/incidentResponse/notificationHours`). */
  pointer: string;
  /** The playbook's label, or the dotted path for terms the playbook does not know. */
  label: string;
  change: ChangeKind;
  /** Value before (absent for `added`). */
  from?: unknown;
  /** Value after (absent for `removed`). */
  to?: unknown;
  /** Unit from the playbook (`hours`, `days`). */
  unit?: string;
  /** Who the move favours, from the playbook's ordering of values; `neutral` for unrated terms. */
  gained: BuyerDirection;
  tierFrom: Tier;
  tierTo: Tier;
  /** Set when the move entered or left the walk-away tier (a term dropped at walk-away did not leave it: see `review`). */
  walkAway?: 'entered' | 'left';
  /**
   * Why a person should look at this row although its direction says little: `walk-away-dropped` — the
   * term was at walk-away and is now absent, so the contract is no better for the buyer but `check`
   * reports a missing term instead of a walk-away.
   */
  review?: 'walk-away-dropped';
  /** Risk rules whose requirement on this term the move broke (`unmet`) or satisfied (`met`); they decide `gained`. */
  rules?: { ruleId: string; change: 'met' | 'unmet' }[];
  /** For list terms: members added and removed. */
  membersAdded?: unknown[];
  membersRemoved?: unknown[];
}

/** A changed fact of the product evaluation (`product.*`, `parties.*`) or other non-term field. */
export interface ProductChange {
  /** Dotted path from the root (`product.dataSubjects`). */
  path: string;
  pointer: string;
  change: ChangeKind;
  from?: unknown;
  to?: unknown;
  membersAdded?: unknown[];
  membersRemoved?: unknown[];
}

/** Where a risk rule's requirement stands in one version: not binding, met, or not met. */
export type RequirementState = 'absent' | 'met' | 'unmet';

/**
 * A requirement of a risk rule whose state differs between the versions: it started or stopped
 * binding (`added` / `dropped`, the product facts changed) or the term stopped or started meeting it
 * (`unmet` / `met`).
 */
export interface RequirementChange {
  change: 'added' | 'dropped' | 'met' | 'unmet';
  ruleId: string;
  /** Rule message: why the term is required. */
  message: string;
  /** The primary source the requirement rests on (statute, regulation, policy), with its dates. */
  source: string;
  /** Dotted term path inside `terms`. */
  term: string;
  label: string;
  /** What the rule demands, e.g. `at most 72`. */
  demand: string;
  /** Whether the version where the requirement holds meets it (the later one, or the earlier for `dropped`). */
  met: boolean;
  before: RequirementState;
  after: RequirementState;
  /** `vendor` when the requirement becomes unmet, `buyer` when it becomes met, else `neutral`. */
  gained: BuyerDirection;
}

/** Everything `diffPositions` finds; `diffVersions` adds the negotiated wording. */
export interface PositionDiff {
  positions: PositionChange[];
  product: ProductChange[];
  requirements: RequirementChange[];
  /** The counterparty's own wording that changed (`diffVersions`; absent from `diffPositions`, which rates terms only). */
  wording?: WordingDiff;
  summary: {
    moved: number;
    towardBuyer: number;
    towardVendor: number;
    neutral: number;
    walkAwayEntered: number;
    walkAwayLeft: number;
    /** Rows flagged `walk-away-dropped`. */
    walkAwayDropped: number;
    /** Requirement rows toward the vendor (now unmet) and toward the buyer (now met). */
    requirementsUnmet: number;
    requirementsMet: number;
  };
}
