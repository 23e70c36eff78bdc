/**
 * `@contracts/pandoc`: a typed pandoc wrapper with two interchangeable backends — a system `pandoc`
 * binary, or the optional `pandoc-wasm` package (GPL-2.0-or-later, loaded only when chosen).
 */
export { convert, convertMany, type ConvertManyOptions } from './convert.js';
export { pandocInfo, warmUp, type BackendSelection } from './backend.js';
export { PandocError, PandocUnavailableError, PandocConversionError } from './errors.js';
export { MIN_PANDOC_VERSION, parsePandocVersion, compareVersions } from './version.js';
export type {
  BackendName,
  BackendPreference,
  ConvertOptions,
  ConvertResult,
  InputFormat,
  MetadataValue,
  OutputFormat,
  PandocInfo,
  PandocInput,
  PandocWarning,
} from './types.js';
