/**
 * What an empty `text` in a `negotiatedWording` entry means, in one place for render, import, check, diff
 * and the report: the region is deleted, or, where the entry keeps the row's `label`, only the row's value
 * is emptied (the row stays). Undefined when the entry's text is not empty.
 */
export function emptiedAs(entry: { text?: unknown; label?: unknown }): 'deleted' | 'value-emptied' | undefined {
  if (typeof entry.text !== 'string' || entry.text.trim() !== '') return undefined;
  return typeof entry.label === 'string' ? 'value-emptied' : 'deleted';
}
