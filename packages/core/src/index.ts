/**
 * `@contracts/core`: the contract model and the first two stages of every command.
 *
 * - load/: bytes → text → YAML value with source positions (`loadYamlBytes`, `locate`)
 * - validate/: JSON Schema validation with ajv, errors as `Diagnostic`s (`loadValidator`, `validateLoaded`)
 * - batch/: many files at once, on every core (`collectContractFiles`, `validateFiles`, `runFileTask`)
 *
 * Internals (the fast YAML reader, its field table, the ajv adapter) are not exported: import them by
 * path in tests only.
 */
export * from './codes.js';
export * from './diagnostic.js';
export * from './errors.js';
export { bundledData, toolkitRoot } from './data.js';
export { PLACEHOLDERS } from './placeholders.js';
export { emptiedAs } from './negotiated-wording.js';

export { DEFAULT_MAX_BYTES } from './load/decode.js';
export { loadContractFile, loadYamlBytes, loadYamlFile, loadYamlText, type LoadedFile, type LoadOptions } from './load/load.js';
export { readContractFile, repositoryRoot, type ReadOutcome } from './load/read-file.js';
export { excerpt } from './text/excerpt.js';
export { showControls } from './text/visible.js';
export { locate, type LocateTarget } from './load/locate.js';
export type { LinePositions } from './load/line-index.js';
export { yamlLib, type YamlLib } from './load/yaml-lib.js';

export { compileSchema, loadValidator, readSchemaText, schemaFile, schemasDir, type SchemaName, type SchemaValidator } from './validate/schemas.js';
export { validateLoaded } from './validate/validate.js';
export { didYouMean } from './validate/did-you-mean.js';

export { collectContractFiles, displayPath } from './batch/files.js';
export { contractFilesIn, parseShard, selectFiles, shardOf, type SelectedFile, type Shard } from './batch/select.js';
export { mapLimit, validateFiles, type FileDiagnostics } from './batch/validate-files.js';
export { runFileTask, type FileTask, type ParallelOptions } from './batch/parallel.js';
export { ContractIds, contractIdAt, contractIdsOf, type ContractIdAt } from './batch/contract-ids.js';
export { validateOne } from './batch/validate-task.js';

export type { VendorAgreementForConnectedIoTTechnology as VendorAgreement } from './contract-types.js';
export * from './contract-types.js';
export { writeFileAtomic, type WriteOptions, type WriteOutcome } from './write/atomic-write.js';
