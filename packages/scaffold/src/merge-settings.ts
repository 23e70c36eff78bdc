/**
 * Our VS Code settings (or extension recommendations) added to the user's own: every key they set keeps
 * its value; objects are merged key by key (so `yaml.schemas` gains our mappings beside theirs); a list
 * of recommendations gains ours at its end. VS Code's files are JSON with comments and trailing commas,
 * so the merge is a set of insertions into their text (jsonc-parser, VS Code's own reader and editor):
 * their comments, order and layout stay as they were. Returns the merged text, or undefined when theirs
 * cannot be read even so (or is not an object): then the file is left alone.
 */
import { applyEdits, modify, parse, type FormattingOptions, type JSONPath, type ParseError } from 'jsonc-parser';

export function mergeEditorSettings(theirs: string, ours: string): string | undefined {
  const errors: ParseError[] = [];
  const current: unknown = parse(theirs, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (errors.length > 0 || !isObject(current)) return undefined;
  const formattingOptions: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: theirs.includes('\r\n') ? '\r\n' : '\n' };
  let text = theirs;
  const insert = (path: JSONPath, value: unknown, isArrayInsertion = false) => {
    text = applyEdits(text, modify(text, path, value, { formattingOptions, isArrayInsertion }));
  };
  addMissing(current, JSON.parse(ours) as Record<string, unknown>, [], insert);
  return text;
}

function addMissing(
  theirs: Record<string, unknown>,
  ours: Record<string, unknown>,
  path: JSONPath,
  insert: (path: JSONPath, value: unknown, isArrayInsertion?: boolean) => void,
) {
  for (const [key, value] of Object.entries(ours)) {
    const mine = theirs[key];
    if (!(key in theirs)) insert([...path, key], value);
    else if (isObject(mine) && isObject(value)) addMissing(mine, value, [...path, key], insert);
    else if (Array.isArray(mine) && Array.isArray(value)) {
      let at = mine.length;
      for (const v of value) if (!mine.some((m) => JSON.stringify(m) === JSON.stringify(v))) insert([...path, key, at++], v, true);
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
