import { createRequire } from 'node:module';

/**
 * The `yaml` library, loaded on first use. Contract files almost always take the fast reader, so
 * most runs never need the full parser; loading it eagerly cost every command ~25 ms of start-up.
 */
export type YamlLib = typeof import('yaml');

const require = createRequire(import.meta.url);
let lib: YamlLib | undefined;

export function yamlLib(): YamlLib {
  lib ??= require('yaml') as YamlLib;
  return lib;
}
