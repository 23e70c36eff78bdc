/**
 * @contracts/playbook: where every term of a vendor agreement stands for the buyer (preferred /
 * fallback / walk-away) and which terms the product's risks make mandatory. Positions and risk rules
 * are data (playbook.yaml, validated by schemas/playbook.schema.json), compiled once per playbook.
 */
export { loadPlaybook, loadPlaybookText, compilePlaybook, defaultPlaybookPath, resolvePlaybookPath, listTerms, type LoadedPlaybook } from './load-playbook.js';
export { evaluateTerm, findTerm, type BuyerDirection } from './evaluate-term.js';
export { evaluateRules, triggeredRules } from './evaluate-rules.js';
export { checkContract, type CheckOptions } from './check-contract.js';
export { summarize } from './summary.js';
export { conditionOperators } from './conditions.js';
export { negotiableTermPaths } from './contract-schema.js';
export { describePosition, showValue } from './compile-term.js';
export { checkFiles, type CheckedFile, type CheckFilesOptions } from './check-files.js';
export { default as checkTask, rememberPlaybook, playbookFor, type CheckTaskOptions } from './check-task.js';
export type * from './types.js';
export { preferredTerms } from './preferred-terms.js';
export { withRequiredTerms, type RequiredTerm } from './required-terms.js';
export { ruleApplicability, unmetRequirements, type RuleApplicability, type EvaluateOptions, type UnmetRequirement } from './evaluate-rules.js';
export { loadSources, checkCitation, checkPlaybookCitations, checkProseCitations, type SourceEntry, type CitationProblem } from './sources.js';
export { asOfDate } from './dates.js';
export { valueAt } from './paths.js';
export { clauseContext, inapplicableLaws, type ApplicableRule, type InapplicableLaw } from './clause-context.js';
export { draftingChecks } from './drafting-checks.js';
export { isFact, negotiatedWordingDiagnostics, restatementProblem } from './negotiated-wording.js';
export { rulesDocument, describeCondition } from './rules-document.js';
