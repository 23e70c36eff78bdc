/**
 * @contracts/git: the git operations behind negotiation rounds. Every user-given ref is checked
 * and resolved to a full SHA before use, and no user-derived value ever reaches git as an option.
 */
export { openRepo, repoPath, type Repo, type RepoPathOptions } from './repo.js';
export { assertRefSyntax, assertContractId, isFullSha } from './ref-syntax.js';
export { agreementIdProblem, assertAgreementId } from './contract-id.js';
export { resolveRef, expandRef, isRoundShorthand } from './refs.js';
export { isShallow } from './shallow.js';
export {
  contractAt,
  openContract,
  readAtCommits,
  requireContractId,
  type ContractAtOptions,
  type ContractFile,
  type ContractVersion,
} from './contract-at.js';
export { contractHistory, roundVersions, type CommittedVersion, type RoundVersion } from './versions.js';
export { readBlobs, looksBinary, type BlobRequest, type BlobResult } from './blobs.js';
export { fileHistory, type HistoryEntry, type HistoryOptions } from './history.js';
export { listRounds, nextRoundNumber, roundTagName, parseRoundTag, type Round, type TaggedRound } from './rounds.js';
export { repoRoundReader, repoRoundVersions, type RoundsRequest } from './repo-rounds.js';
export { createRound, type CreateRoundOptions } from './create-round.js';
export { changedFilesSince, keepChangedSince, mergeBase, type ChangedFile } from './changes.js';
export { commitInfo, configuredUserName, versionAuthor, type CommitInfo, type VersionAuthor } from './commit-info.js';
export { commitFile, type CommitAuthor } from './commit-file.js';
export { committedAs, type CommittedAs } from './committed-as.js';
