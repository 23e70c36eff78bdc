/**
 * The options every full parse of a contract uses, in one place: the loader, the differential tests
 * and the bench all read files exactly this way (YAML 1.2 core schema, yaml's defaults otherwise).
 */
export const parseOptions = {
  // yaml's duplicate-key check compares every key with every earlier one: 40,000 keys took 35 s, and a
  // 2 MiB file holds 200,000. keyDiagnostics (yaml-errors.ts) finds duplicates in one pass instead, by
  // the property name each key becomes (so `1:` with `"1":` too, which yaml lets overwrite silently).
  uniqueKeys: false,
  merge: false, // `<<` is an ordinary (and so unknown) key: merges hide where a value came from
  resolveKnownTags: false, // !!binary, !!set, !!omap … are reported, not decoded
  strict: true,
  prettyErrors: false,
  keepSourceTokens: false,
  // yaml prints (console.warn) a warning when it stringifies a collection used as a key; the loader
  // reports such keys as diagnostics instead (yaml/non-string-key), and a CLI prints nothing unasked.
  logLevel: 'error',
} as const;

/** Most alias expansions `toJS` allows by default; stops "billion laughs" documents. */
export const DEFAULT_MAX_ALIAS_COUNT = 100;
