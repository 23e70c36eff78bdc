import type { BuyerDirection, Tier } from '@contracts/playbook';

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
  /** Set when the move entered or left the walk-away tier. */
  walkAway?: 'entered' | 'left';
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

/** A term a risk rule requires in one version and not the other (because the product facts changed). */
export interface RequirementChange {
  change: 'added' | 'dropped';
  ruleId: string;
  /** Rule message: why the term is required. */
  message: string;
  /** Dotted term path inside `terms`. */
  term: string;
  label: string;
  /** What the rule demands, e.g. `at most 72`. */
  demand: string;
  /** Whether the version where the requirement holds meets it. */
  met: boolean;
}

/** Everything `diffPositions` finds. */
export interface PositionDiff {
  positions: PositionChange[];
  product: ProductChange[];
  requirements: RequirementChange[];
  summary: { moved: number; towardBuyer: number; towardVendor: number; neutral: number; walkAwayEntered: number; walkAwayLeft: number };
}
