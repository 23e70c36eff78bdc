// Precompiles every schemas/*.schema.json into a standalone ajv validator module
// (dist/generated/<name>.js), so no schema is compiled at run time: cold start stays fast.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAjv } from '../dist/validate/ajv.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const schemasDir = join(here, '../../../schemas');
const outDir = join(here, '../dist/generated');
mkdirSync(outDir, { recursive: true });

for (const name of readdirSync(schemasDir)
  .filter((f) => f.endsWith('.schema.json'))
  .sort()) {
  const schema = JSON.parse(readFileSync(join(schemasDir, name), 'utf8'));
  const ajv = createAjv({ code: { source: true, esm: true, lines: false } });
  const validate = ajv.compile(schema);
  const target = join(outDir, name.replace(/\.schema\.json$/, '.js'));
  // Atomic write: a half-written validator must never be imported.
  // ajv's ESM output still calls require() for its runtime helpers (formats, ucs2length, equal).
  const code = `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${standaloneCode(ajv, validate)}`;
  writeFileSync(`${target}.tmp`, code);
  renameSync(`${target}.tmp`, target);
}
