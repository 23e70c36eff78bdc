/**
 * Translates {@link ConvertOptions} into a pandoc *defaults file* object. Both backends use the same
 * object — the system backend writes it to a temporary JSON file for `--defaults`, the WASM backend
 * passes it to `convert()` — so an option means exactly the same thing whichever pandoc runs.
 */
import { PandocConversionError } from './errors.js';
import type { ConvertOptions } from './types.js';

/** A pandoc defaults-file object (keys are pandoc's long option names). */
export type PandocDefaults = Record<string, unknown>;

// Extension names are spliced into the format string (`markdown+smart-raw_html`); allowing only this
// alphabet means a caller can never smuggle a second format or option through them.
const EXTENSION_NAME = /^[a-z0-9_]+$/;

/** `markdown` + `{ smart: false, mark: true }` → `markdown-smart+mark`. */
export function formatWithExtensions(format: string, extensions: Readonly<Record<string, boolean>> | undefined): string {
  let spec = format;
  for (const [name, enabled] of Object.entries(extensions ?? {})) {
    if (!EXTENSION_NAME.test(name)) {
      throw new PandocConversionError(`Invalid pandoc extension name ${JSON.stringify(name)} for format ${format}.`, {
        code: 'pandoc/bad-option',
      });
    }
    spec += `${enabled ? '+' : '-'}${name}`;
  }
  return spec;
}

/**
 * Builds the defaults object. `referenceDocPath` is where the backend made the reference document
 * available (a real path for the system backend, a virtual file name for WASM).
 */
export function toDefaults(options: ConvertOptions, referenceDocPath?: string): PandocDefaults {
  const defaults: PandocDefaults = {
    from: formatWithExtensions(options.from, options.extensions),
    to: formatWithExtensions(options.to, options.outputExtensions),
  };
  if (options.standalone) defaults['standalone'] = true;
  if (options.toc) defaults['table-of-contents'] = true;
  if (options.numberSections) defaults['number-sections'] = true;
  if (options.metadata && Object.keys(options.metadata).length > 0) defaults['metadata'] = options.metadata;
  if (options.variables && Object.keys(options.variables).length > 0) defaults['variables'] = options.variables;
  if (options.css && options.css.length > 0) defaults['css'] = [...options.css];
  if (options.resourcePath && options.resourcePath.length > 0) defaults['resource-path'] = [...options.resourcePath];
  if (referenceDocPath !== undefined) defaults['reference-doc'] = referenceDocPath;
  return defaults;
}

/** The effective SOURCE_DATE_EPOCH (seconds) or `undefined` for "now"; see `ConvertOptions.sourceDateEpoch`. */
export function resolveSourceDateEpoch(options: ConvertOptions, env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (options.sourceDateEpoch === null) return undefined;
  const value = options.sourceDateEpoch ?? (env['SOURCE_DATE_EPOCH'] ? Number(env['SOURCE_DATE_EPOCH']) : 0);
  if (!Number.isInteger(value) || value < 0) {
    throw new PandocConversionError(`SOURCE_DATE_EPOCH must be a non-negative whole number of seconds, got ${value}.`, {
      code: 'pandoc/bad-option',
    });
  }
  return value;
}
