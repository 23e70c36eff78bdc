/**
 * yaml's errors as diagnostics a reader can act on: one line each, at the right place, quoting at
 * most a short escaped excerpt of the file, and not dozens for one mistake. yaml reports every error
 * a mistake causes downstream; a reader needs the first. So:
 * - a file that does not start like YAML data (`README.md`) gets one diagnostic: its first error and
 *   "does not look like a contract";
 * - a tab used as indentation gets one `yaml/tab-indentation` at the tab, not the cascade after it;
 * - one diagnostic per line, and at most `MAX_YAML_DIAGNOSTICS` per file;
 * - a duplicate key names the key and where it was first given (a related location).
 */
import type { Document, Node, YAMLError } from 'yaml';
import { dottedPath, toPointer, type Diagnostic } from '../diagnostic.js';
import { excerpt } from '../excerpt.js';
import type { LinePositions } from './line-index.js';
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
  const colon = first.indexOf(': ');
  const message = colon < 0 ? excerpt(first, 120) : `${excerpt(first.slice(0, colon), 80)}: ${excerpt(first.slice(colon + 2), 40)}`;
  if (error.code === 'TAG_RESOLVE_FAILED') return `${message.replace('Unresolved tag', 'Unknown tag')} (tags are not allowed in contract files)`;
  if (error.code === 'TAB_AS_INDENT') return 'This line is indented with a tab; YAML indentation must be spaces';
  return message;
}

/** The key a DUPLICATE_KEY error is about, its JSON Pointer, and the earlier key with the same value. */
function findDuplicate(document: Document.Parsed, offset: number): { pointer: string; first: Node; key: string } | undefined {
  const { isMap, isScalar, isSeq } = yamlLib();
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: document.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isSeq(node)) for (const [i, item] of node.items.entries()) stack.push({ node: item, path: [...path, i] });
    if (!isMap(node)) continue;
    for (const [i, pair] of node.items.entries()) {
      const key = pair.key as Node | null;
      const name = isScalar(key) ? String(key.value) : String(key);
      if (key?.range && key.range[0] <= offset && offset < Math.max(key.range[1], key.range[0] + 1)) {
        const first = node.items.slice(0, i).find((p) => p.key === key || (isScalar(p.key) && isScalar(key) && p.key.value === key.value))?.key as
          | Node
          | undefined;
        if (first) return { pointer: toPointer([...path, name]), first, key: name };
      }
      stack.push({ node: pair.value, path: [...path, name] });
    }
  }
  return undefined;
}

function toDiagnostic(error: YAMLError, document: Document.Parsed, file: string, lines: LinePositions, text: string): Diagnostic {
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
    path: '',
  };
  if (error.code === 'DUPLICATE_KEY') {
    const duplicate = findDuplicate(document, error.pos[0]);
    if (duplicate?.first.range) {
      const [a, b] = duplicate.first.range;
      const firstStart = lines.linePos(a);
      const firstEnd = lines.linePos(Math.max(b, a + 1));
      diagnostic.path = duplicate.pointer;
      diagnostic.message = `Field ${excerpt(dottedPath(duplicate.pointer), 60)} is given twice (first on line ${firstStart.line}); a mapping names each field once`;
      diagnostic.related = [
        {
          file,
          path: duplicate.pointer,
          message: 'first given here',
          line: firstStart.line,
          column: firstStart.col,
          endLine: firstEnd.line,
          endColumn: firstEnd.col,
        },
      ];
    } else diagnostic.message = 'A field is given twice in one mapping; a mapping names each field once';
  }
  return diagnostic;
}

/** The diagnostics for yaml's errors and warnings on one document (see the module comment for the rules). */
export function yamlDiagnostics(document: Document.Parsed, file: string, lines: LinePositions, text: string): Diagnostic[] {
  let problems = [...document.errors, ...document.warnings].sort((a, b) => a.pos[0] - b.pos[0]);
  if (problems.length === 0) return [];
  if (!startsLikeData(text)) {
    const first = toDiagnostic(problems[0]!, document, file, lines, text);
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
  for (const error of problems) {
    const diagnostic = toDiagnostic(error, document, file, lines, text);
    if (diagnostic.line === lastLine) continue; // one per line: the others are the same mistake seen again
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
