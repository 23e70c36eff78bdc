import { createRequire } from 'node:module';
import type { Ajv2020, Options } from 'ajv/dist/2020.js';

const require = createRequire(import.meta.url);

/**
 * The one ajv configuration every schema is compiled with (at build time by compile-schemas.mjs, or at
 * run time for a user's own schema). `verbose` keeps the failing schema in each error, which the message
 * builder reads for titles, units and "did you mean" candidates.
 */
export function createAjv(extra: Options = {}): Ajv2020 {
  // ajv is CommonJS; loading it lazily keeps it off the start-up path when precompiled validators exist.
  const Ajv = (require('ajv/dist/2020.js') as { default: typeof Ajv2020 }).default;
  const addFormats = (require('ajv-formats') as { default: (ajv: Ajv2020, formats?: string[]) => Ajv2020 }).default;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, ...extra });
  addFormats(ajv, ['date', 'date-time', 'email', 'uri']);
  return ajv;
}
