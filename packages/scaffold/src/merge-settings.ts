/**
 * Our VS Code settings (or extension recommendations) added to the user's own: every key they set keeps
 * its value; objects are merged key by key (so `yaml.schemas` gains our mappings beside theirs); a list
 * of recommendations gains ours at its end. Returns the merged file (two-space JSON, as VS Code writes
 * it), or undefined when theirs is not plain JSON (VS Code allows comments and trailing commas, which a
 * rewrite would lose): then the file is left alone.
 */
export function mergeEditorSettings(theirs: string, ours: string): string | undefined {
  let current: unknown;
  try {
    current = JSON.parse(theirs);
  } catch {
    return undefined;
  }
  if (!isObject(current)) return undefined;
  const merged = merge(current, JSON.parse(ours) as Record<string, unknown>);
  return `${JSON.stringify(merged, null, 2)}\n`;
}

function merge(theirs: Record<string, unknown>, ours: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...theirs };
  for (const [key, value] of Object.entries(ours)) {
    const mine = out[key];
    if (!(key in out)) out[key] = value;
    else if (isObject(mine) && isObject(value)) out[key] = merge(mine, value);
    else if (Array.isArray(mine) && Array.isArray(value))
      out[key] = [...mine, ...value.filter((v) => !mine.some((m) => JSON.stringify(m) === JSON.stringify(v)))];
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
