/**
 * One version of a contract (bytes from git or the working tree) → a schema-valid contract, or the
 * diagnostics that stop it from being rendered. Problems in the file are returned, never thrown.
 */
import { loadYamlBytes, validateLoaded, type Diagnostic, type SchemaValidator, type VendorAgreement } from '@contracts/core';

export type LoadedVersion = { ok: true; contract: VendorAgreement } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses and schema-checks one version. `file` is what diagnostics name, e.g.
 * `contracts/acme.yaml@round-1`, so a report says which version is broken.
 */
export function loadVersion(bytes: Uint8Array, file: string, validator: SchemaValidator): LoadedVersion {
  const loaded = loadYamlBytes(bytes, file);
  const diagnostics = [...loaded.diagnostics, ...(loaded.value ? validateLoaded(loaded, validator) : [])];
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !loaded.value) return { ok: false, diagnostics: errors.length > 0 ? errors : diagnostics };
  return { ok: true, contract: loaded.value as unknown as VendorAgreement };
}
