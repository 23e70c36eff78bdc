// Writes oclif.manifest.json (what `oclif manifest` writes): with it, oclif starts without loading and
// describing every command class on each run. Run by the root build after tsc; never edit it by hand.
import { writeFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Plugin } from '@oclif/core/config';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const plugin = new Plugin({ root, type: 'core', isRoot: true, ignoreManifest: true, errorOnManifestCreate: true });
await plugin.load();
const file = join(root, 'oclif.manifest.json');
writeFileSync(`${file}.tmp`, `${JSON.stringify(plugin.manifest, null, 2)}\n`);
renameSync(`${file}.tmp`, file);
