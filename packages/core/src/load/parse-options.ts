/**
 * The options every full parse of a contract uses, in one place: the loader, the differential tests
 * and the bench all read files exactly this way (YAML 1.2 core schema, yaml's defaults otherwise).
 */
export const parseOptions = {
  uniqueKeys: true,
  merge: false, // `<<` is an ordinary (and so unknown) key: merges hide where a value came from
  resolveKnownTags: false, // !!binary, !!set, !!omap … are reported, not decoded
  strict: true,
  prettyErrors: false,
  keepSourceTokens: false,
} as const;

/** Most alias expansions `toJS` allows by default; stops "billion laughs" documents. */
export const DEFAULT_MAX_ALIAS_COUNT = 100;
