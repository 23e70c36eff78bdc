/**
 * @contracts/git: the git operations behind negotiation rounds. Every user-given ref is checked
 * and resolved to a full SHA before use, and no user-derived value ever reaches git as an option.
 */
export { openRepo, repoPath, type Repo } from './repo.js';
export { assertRefSyntax, assertContractId, isFullSha } from './ref-syntax.js';
export { resolveRef, expandRef } from './refs.js';
export { isShallow } from './shallow.js';
export { fileAtRef, type FileAtRef } from './file-at-ref.js';
export { readBlobs, looksBinary, type BlobRequest, type BlobResult } from './blobs.js';
export { fileHistory, type HistoryEntry, type HistoryOptions } from './history.js';
export { listRounds, nextRoundNumber, roundTagName, parseRoundTag, type Round } from './rounds.js';
export { createRound } from './create-round.js';
export { changedFilesSince, type ChangedFile } from './changes.js';
export { commitInfo, type CommitInfo } from './commit-info.js';
