/**
 * Where the toolkit's bundled data lives: the JSON Schemas, the default playbook and the clause
 * library ship at the root of the toolkit, beside `packages/`. Every package finds them here, so a
 * change of layout is one line, not a `../../../` in four places.
 */
import { fileURLToPath } from 'node:url';

/** The toolkit's root: `src/data.ts` and `dist/data.js` both sit two levels below it (packages/core/…). */
export const toolkitRoot = fileURLToPath(new URL('../../../', import.meta.url));

export const bundledData = {
  /** `schemas/`: vendor-agreement and playbook JSON Schemas. */
  schemasDir: `${toolkitRoot}schemas/`,
  /** `templates/`: the clause library. */
  templatesDir: `${toolkitRoot}templates/`,
  /** `playbook.yaml`: the default buyer playbook. */
  playbook: `${toolkitRoot}playbook.yaml`,
  /** `contracts/`: example agreements. */
  contractsDir: `${toolkitRoot}contracts/`,
} as const;
