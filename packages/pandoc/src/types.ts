/** Public option and result types of the pandoc wrapper, shared by both backends. */

/** Which pandoc runs the conversion. `auto`: a system pandoc on PATH if new enough, else pandoc-wasm. */
export type BackendPreference = 'auto' | 'system' | 'wasm';
/** The backend that actually ran. */
export type BackendName = 'system' | 'wasm';

/** Input formats we use (pandoc accepts more; add them here when needed). */
export type InputFormat = 'markdown' | 'commonmark' | 'gfm' | 'html' | 'docx' | 'json';
/** Output formats we use. `docx` is binary; the others are UTF-8 text. */
export type OutputFormat = 'html' | 'html5' | 'docx' | 'markdown' | 'gfm' | 'commonmark' | 'plain' | 'json';

/** A metadata value as pandoc's defaults file accepts it (strings are taken literally, not as Markdown). */
export type MetadataValue = string | number | boolean | readonly MetadataValue[] | { readonly [key: string]: MetadataValue };

/** Text (UTF-8) or bytes (needed for binary inputs such as `docx`). */
export type PandocInput = string | Uint8Array;

/** Options for {@link convert}. Field names follow pandoc's long options. */
export interface ConvertOptions {
  from: InputFormat;
  to: OutputFormat;
  /** Extensions of the input format to switch on (`true`) or off (`false`), e.g. `{ smart: false }`. */
  extensions?: Readonly<Record<string, boolean>>;
  /** Extensions of the output format, same shape as `extensions`. */
  outputExtensions?: Readonly<Record<string, boolean>>;
  /** Produce a complete document (`--standalone`); implied by pandoc for docx. */
  standalone?: boolean;
  /** Document metadata (`--metadata`), e.g. `{ title: 'Master Services Agreement' }`. */
  metadata?: Readonly<Record<string, MetadataValue>>;
  /** Template variables (`--variable`), e.g. `{ lang: 'en' }`. */
  variables?: Readonly<Record<string, string | boolean | readonly string[]>>;
  /** Reference document for docx styles (`--reference-doc`): its bytes, or a file path. */
  referenceDoc?: Uint8Array | string;
  /** Stylesheet URLs linked from standalone HTML (`--css`). */
  css?: readonly string[];
  /** Include a table of contents (`--toc`). */
  toc?: boolean;
  /** Number section headings (`--number-sections`). */
  numberSections?: boolean;
  /** Directories searched for images and other resources (`--resource-path`). System backend only. */
  resourcePath?: readonly string[];
  /** Backend to use; overrides the CONTRACTS_PANDOC_BACKEND environment variable. Default `auto`. */
  backend?: BackendPreference;
  /** Pandoc binary for the system backend; overrides CONTRACTS_PANDOC_PATH. Default `pandoc` on PATH. */
  pandocPath?: string;
  /** Kill the system pandoc after this many milliseconds. Default 60 000. (WASM runs cannot be interrupted.) */
  timeoutMs?: number;
  /**
   * Timestamp (seconds since 1970) pandoc writes into docx metadata and zip entries, for byte-identical
   * output. Default: the SOURCE_DATE_EPOCH environment variable, else 0. `null` means "now".
   * Honoured by the system backend only: pandoc-wasm has no environment, see README of this package.
   */
  sourceDateEpoch?: number | null;
}

/** A warning pandoc reported while converting (e.g. a duplicate link reference or a missing image). */
export interface PandocWarning {
  /** Pandoc's message type, e.g. `DuplicateLinkReference`, `CouldNotFetchResource`. */
  readonly type: string;
  /** Human-readable text. */
  readonly message: string;
}

/** The result of one conversion. */
export interface ConvertResult {
  /** The converted document as bytes (always; for text formats it is UTF-8). */
  readonly output: Uint8Array;
  /** The output decoded as UTF-8. Throws a `PandocConversionError` for binary formats such as docx. */
  text(): string;
  readonly warnings: readonly PandocWarning[];
  readonly backend: BackendName;
  /** Version of the pandoc that ran, e.g. `2.17.1.1` or `3.10`. */
  readonly pandocVersion: string;
}

/** Which backend {@link pandocInfo} resolved to. */
export interface PandocInfo {
  readonly backend: BackendName;
  readonly version: string;
  /** The binary that runs (system backend only). */
  readonly path?: string;
}

/** Formats whose output is not text; they need `--output` in the WASM backend and bytes everywhere. */
export const BINARY_OUTPUT_FORMATS: ReadonlySet<OutputFormat> = new Set<OutputFormat>(['docx']);
/** Formats that must be read as bytes rather than UTF-8 text. */
export const BINARY_INPUT_FORMATS: ReadonlySet<InputFormat> = new Set<InputFormat>(['docx']);
