/**
 * yaml's errors as diagnostics a reader can act on: one line each, at the right place, quoting at
 * most a short escaped excerpt of the file, and not dozens for one mistake. yaml reports every error
 * a mistake causes downstream; a reader needs the first. So:
 * - a file that does not start like YAML data (`README.md`) gets one diagnostic: its first error and
 *   "does not look like a contract";
 * - a tab used as indentation gets one `yaml/tab-indentation` at the tab, not the cascade after it;
 * - one diagnostic per line, and at most `MAX_YAML_DIAGNOSTICS` per file;
 * - a duplicate key names the key and where it was first given (a related location): keyDiagnostics,
 *   which also says when a key is read as something else than written.
 */
import type { Document, Node, YAMLError } from 'yaml';
import { dottedPath, toPointer, type Diagnostic } from '../diagnostic.js';
import { excerpt } from '../text/excerpt.js';
import type { LinePositions } from './line-index.js';
import { KEY_PATTERN, pathAtLine } from './line-path.js';
import { yamlLib } from './yaml-lib.js';

/** Most YAML diagnostics one file gets; past that, they are nearly always echoes of the first ones. */
export const MAX_YAML_DIAGNOSTICS = 10;

const yamlErrorCodes: Record<string, Diagnostic['code']> = {
  DUPLICATE_KEY: 'yaml/duplicate-key',
  TAB_AS_INDENT: 'yaml/tab-indentation',
  TAG_RESOLVE_FAILED: 'yaml/unknown-tag',
  BAD_ALIAS: 'yaml/syntax',
};

/** The first content line is a `field:` line (after comments, blank lines and a BOM), as every contract's is. */
const startsLikeData = (text: string): boolean =>
  /^(?:\ufeff)?(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(?:[\w$<][\w$.<-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:(?:[ \t]|\r?\n|$)/.test(text);

/**
 * yaml reports an unterminated quoted string where the file ends; the reader needs the opening quote.
 */
function errorOffsets(error: YAMLError, text: string): [number, number] {
  const quote = /Missing closing (["'])quote/.exec(error.message)?.[1];
  if (error.code === 'MISSING_CHAR' && quote) {
    let at = Math.min(error.pos[0], text.length) - 1;
    while (at >= 0 && !(text[at] === quote && (quote === "'" || text[at - 1] !== '\\'))) at--;
    if (at >= 0) return [at, at + 1];
  }
  return [error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)];
}

/**
 * yaml's message, first sentence only, with what it quotes from the file cut to an excerpt: messages
 * such as `Unexpected scalar token in YAML stream: "…"` or `Unresolved tag: !…` echo the file.
 */
function boundedMessage(error: YAMLError): string {
  const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  // Only what a message quotes from the file ("…: \"<text>\"", "…: !tag") is cut short; yaml's own words are kept.
  const quoted = /: (?=["'!])/.exec(first);
  const message = quoted ? `${excerpt(first.slice(0, quoted.index), 120)}: ${excerpt(first.slice(quoted.index + 2), 40)}` : excerpt(first, 200);
  if (error.code === 'TAG_RESOLVE_FAILED') return `${message.replace('Unresolved tag', 'Unknown tag')} (tags are not allowed in contract files)`;
  if (error.code === 'TAB_AS_INDENT') return 'This line is indented with a tab; YAML indentation must be spaces';
  return message;
}

function toDiagnostic(error: YAMLError, file: string, lines: LinePositions, text: string): Diagnostic {
  const [from, to] = errorOffsets(error, text);
  const start = lines.linePos(from);
  const end = lines.linePos(to);
  const diagnostic: Diagnostic = {
    code: yamlErrorCodes[error.code] ?? 'yaml/syntax',
    severity: 'error',
    message: boundedMessage(error),
    file,
    line: start.line,
    column: start.col,
    endLine: end.line,
    endColumn: end.col,
    // The field the line is in, from its indentation: the file did not parse, so no tree says.
    path: pathAtLine(text, start.line),
  };
  const hinted = layoutHint(error, diagnostic, text.split(/\r?\n/, start.line + 40));
  if (!hinted) return diagnostic;
  layoutErrors.add(hinted);
  return hinted;
}

/** Diagnostics that explain a misaligned field: the parser's errors after one, inside the same mapping, are its echoes. */
const layoutErrors = new WeakSet<Diagnostic>();
const parentOf = (pointer: string) => pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));

// The indent (with any `- ` item markers), the key, and the value of a `key: value` line.
const KEY_LINE = new RegExp(String.raw`^(\s*(?:-\s+)*)${KEY_PATTERN}\s*:(?:\s+(.*))?$`);

/**
 * The two mistakes people make most when editing a contract by hand, said in their words rather than
 * the parser's: a value with ": " in it (`title: Door Sensors: Purchase Agreement`), and a field not
 * lined up with the fields beside it.
 */
function layoutHint(error: YAMLError, d: Diagnostic, lines: readonly string[]): Diagnostic | undefined {
  const line = lines[d.line - 1];
  const match = line === undefined ? null : KEY_LINE.exec(line);
  if (!match) return undefined;
  const [, lead, key, value] = match as unknown as [string, string, string, string | undefined];
  const indent = lead.length;
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') {
    const next = lines.slice(d.line).find((l) => !/^\s*(#.*)?$/.test(l));
    const nextIndent = next === undefined ? -1 : next.length - next.trimStart().length;
    if (value !== undefined && /:\s/.test(value) && !/^["']/.test(value) && (nextIndent <= indent || next === undefined)) {
      return {
        ...d,
        message: `The value of ${key} contains ": ", which YAML reads as the start of another field; put the value in quotes: ${key}: ${JSON.stringify(excerpt(value.trim(), 60))}`,
      };
    }
    if (nextIndent > indent && value !== undefined && value.trim() !== '')
      return {
        ...d,
        message: `The line after ${key} is indented more than ${key}, so YAML reads it as part of that field's value; fields of one mapping must start at the same column`,
      };
    return undefined;
  }
  if (error.code === 'BAD_INDENT' && /same column/.test(error.message)) {
    const sibling = previousSibling(lines, d.line - 1, indent);
    const column = indent + 1;
    const at = { ...d, column, endColumn: column + key.length };
    if (!sibling) return { ...at, message: `${key} is not lined up with the fields beside it; fields of one mapping must start at the same column` };
    if (sibling.indent === indent) return undefined; // lined up with the field before it: the misaligned line is elsewhere
    return {
      ...at,
      message: `${key} starts at column ${column}, but ${sibling.key}, the field before it in the same mapping, at column ${sibling.indent + 1}; fields of one mapping must start at the same column`,
    };
  }
  return undefined;
}

/** The field before line `index` in its mapping: among the lines since its parent (the last line indented less), the least indented. */
function previousSibling(lines: readonly string[], index: number, indent: number): { key: string; indent: number } | undefined {
  let best: { key: string; indent: number } | undefined;
  for (let i = index - 1; i >= 0; i--) {
    const match = KEY_LINE.exec(lines[i]!);
    if (!match) continue;
    const at = match[1]!.length;
    if (at < indent) break;
    if (!best || at <= best.indent) best = { key: match[2]!, indent: at };
  }
  return best;
}

/** The diagnostics for yaml's errors and warnings on one document (see the module comment for the rules). */
export function yamlDiagnostics(document: Document.Parsed, file: string, lines: LinePositions, text: string): Diagnostic[] {
  let problems = [...document.errors, ...document.warnings].sort((a, b) => a.pos[0] - b.pos[0]);
  if (problems.length === 0) return [];
  if (!startsLikeData(text)) {
    const first = toDiagnostic(problems[0]!, file, lines, text);
    return [{ ...first, message: `${first.message}; the file does not look like a contract (a contract starts with fields such as \`schemaVersion: 1\`)` }];
  }
  // A tab as indentation throws every later line out of place: report the tabs, and what came before them.
  const firstTab = problems.find((e) => e.code === 'TAB_AS_INDENT');
  if (firstTab) {
    const tabLine = lines.linePos(firstTab.pos[0]).line;
    problems = problems.filter((e) => e.code === 'TAB_AS_INDENT' || lines.linePos(e.pos[0]).line < tabLine);
  }
  const diagnostics: Diagnostic[] = [];
  let lastLine = -1;
  let misaligned: string | undefined; // the mapping a misaligned field was found in
  for (const error of problems) {
    const diagnostic = toDiagnostic(error, file, lines, text);
    if (diagnostic.line === lastLine) continue; // one per line: the others are the same mistake seen again
    if (misaligned !== undefined && diagnostic.code === 'yaml/syntax' && diagnostic.path.startsWith(`${misaligned}/`)) continue;
    if (misaligned === undefined && layoutErrors.has(diagnostic)) misaligned = parentOf(diagnostic.path);
    lastLine = diagnostic.line;
    diagnostics.push(diagnostic);
  }
  if (diagnostics.length > MAX_YAML_DIAGNOSTICS) {
    const more = diagnostics.length - MAX_YAML_DIAGNOSTICS;
    diagnostics.length = MAX_YAML_DIAGNOSTICS;
    const last = diagnostics[MAX_YAML_DIAGNOSTICS - 1]!;
    last.message = `${last.message} (${more} more YAML problem${more === 1 ? '' : 's'} after this line not listed: fix these first)`;
  }
  return diagnostics;
}

/**
 * Keys yaml read without complaint but not as written: the core schema makes `1.10:` the number 1.1
 * (the property "1.1"), `007:` 7, `True:` true and `null:` or `~:` an empty name, and turns a list or
 * mapping used as a key into text. A clause number loses its meaning silently, and two keys that become
 * the same name (`1:` and `"1":`) keep only the last value without any error from yaml.
 */
export function keyDiagnostics(document: Document.Parsed, file: string, lines: LinePositions): Diagnostic[] {
  const { isMap, isScalar, isSeq } = yamlLib();
  const out: Diagnostic[] = [];
  const at = (node: Node, code: Diagnostic['code'], severity: Diagnostic['severity'], message: string, pointer: string): Diagnostic => {
    const [a, b] = node.range ?? [0, 1];
    const start = lines.linePos(a);
    const end = lines.linePos(Math.max(b, a + 1));
    return { code, severity, message, file, line: start.line, column: start.col, endLine: end.line, endColumn: end.col, path: pointer };
  };
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: document.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isSeq(node)) for (const [i, item] of node.items.entries()) stack.push({ node: item, path: [...path, i] });
    if (!isMap(node)) continue;
    const seen = new Map<string, Node>();
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (!key) continue;
      let name: string;
      if (isScalar(key)) {
        name = key.value === null ? '' : String(key.value);
        const written = key.source ?? name;
        // A key that repeats another is reported as a duplicate below, once.
        if (typeof key.value !== 'string' && written !== name && !seen.has(name)) {
          const read = key.value === null ? 'null, an empty name' : `${typeof key.value === 'boolean' ? 'the boolean' : 'the number'} ${name}`;
          out.push(
            at(
              key,
              'yaml/non-string-key',
              'warning',
              `Key ${excerpt(written)} is read as ${read}; quote it ("${excerpt(written)}") to keep it as written`,
              toPointer([...path, name]),
            ),
          );
        }
      } else {
        name = String(key);
        out.push(
          at(
            key,
            'yaml/non-string-key',
            'error',
            'A list or mapping is used as a key; a contract names each field with text',
            toPointer([...path, excerpt(name)]),
          ),
        );
      }
      const first = seen.get(name);
      if (first?.range) {
        const pointer = toPointer([...path, name]);
        const firstAt = lines.linePos(first.range[0]);
        const d = at(
          key,
          'yaml/duplicate-key',
          'error',
          `Field ${excerpt(dottedPath(pointer), 60)} is given twice (first on line ${firstAt.line}); a mapping names each field once`,
          pointer,
        );
        const firstEnd = lines.linePos(Math.max(first.range[1], first.range[0] + 1));
        d.related = [
          { file, path: pointer, message: 'first given here', line: firstAt.line, column: firstAt.col, endLine: firstEnd.line, endColumn: firstEnd.col },
        ];
        out.push(d);
      }
      seen.set(name, key);
      stack.push({ node: pair.value, path: [...path, name] });
    }
  }
  return out;
}
