/**
 * @contracts/github: the pull-request workflow on GitHub. `checkPullRequest` is `contracts pr`: the
 * contracts a change touched, checked at its head and its base; annotations within GitHub's limits; the
 * job summary; a SARIF log for code scanning; redlines; one PR comment through the REST API.
 */
export { checkPullRequest, type PullRequestCheckOptions, type PullRequestCheckResult } from './pull-request.js';
export { reviewPullRequest, requirementMoves, type ContractReview, type PullRequestReview, type RequirementMove, type ReviewedFinding } from './review.js';
export { reviewPlaybooks, type ReviewPlaybooks, type ProposedPlaybook, type JudgedWith } from './playbook-source.js';
export { comparePlaybooks, type PlaybookChange, type TermPositionChange, type RuleChange, type FindingShift } from './playbook-change.js';
export { readActionsContext, baseOf, type ActionsContext, type PullRequestInfo } from './context.js';
export { GitHubClient, GitHubApiError, nextLink, API_VERSION, type IssueComment, type GitHubClientOptions } from './rest.js';
export { upsertComment, findOurComment, COMMENT_MARKER, type CommentOutcome } from './comment.js';
export { annotate, annotationOrder } from './annotations.js';
export { summaryMarkdown, commentMarkdown, verdict, totals, type ReportContext } from './markdown.js';
export { writeRedlines, type RedlineRequest } from './redlines.js';
export { ruleTexts } from './rule-texts.js';
export { repositoryRoot, repositoryPaths } from './workspace.js';
