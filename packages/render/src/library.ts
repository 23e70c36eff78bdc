/**
 * The clause library on disk: an ordered list of directories (the user's `--templates` first, ours
 * last) in which a file of an earlier directory overrides the same name in a later one. Every file the
 * renderer reads — templates, `sections.json`, `labels.json`, `print.css`, `reference.docx` — goes
 * through here, because in CI the directories come from a pull request: names are relative and
 * `/`-separated with no `..`, the resolved file must be a regular file whose real path stays inside
 * its directory (a symbolic link out is refused, not followed), and it is size-checked with `stat`
 * before it is read. Liquid's own file access is this object too (see {@link ClauseLibrary.liquidFs}).
 */
import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync, constants } from 'node:fs';
import { join, sep } from 'node:path';
import type { FS } from 'liquidjs';
import { TemplateRenderError } from './errors.js';

const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$/;

/** Largest template or data file read (the bundled library's biggest file is under 10 KB). */
export const MAX_TEMPLATE_BYTES = 256 * 1024;

/** A file found in the library: its text and the path it was read from (for messages). */
export interface LibraryFile {
  text: string;
  path: string;
}

export class ClauseLibrary {
  /** Real paths of the directories, in lookup order. */
  readonly roots: readonly string[];

  constructor(directories: readonly string[]) {
    this.roots = directories.map((dir) => {
      try {
        return realpathSync(dir);
      } catch (error) {
        throw new TemplateRenderError(`Cannot read templates directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
          cause: error,
        });
      }
    });
  }

  /** Throws `render/template` unless `name` is a plain relative name (no `..`, no absolute path). */
  static checkName(name: string): void {
    const segments = name.split('/');
    if (!SAFE_NAME.test(name) || segments.some((s) => s === '' || s === '.' || s === '..')) {
      throw new TemplateRenderError(
        `Template name ${JSON.stringify(printable(name))} is not allowed: templates may only load files inside the templates directory (no "..", no absolute paths).`,
      );
    }
  }

  /** The full path `name` resolves to, or undefined when no directory has it. Checks links and file type. */
  locate(name: string): string | undefined {
    ClauseLibrary.checkName(name);
    for (const root of this.roots) {
      const full = join(root, ...name.split('/'));
      let real: string;
      try {
        real = realpathSync(full);
      } catch {
        continue;
      }
      if (!real.startsWith(root + sep)) {
        throw new TemplateRenderError(`Template ${JSON.stringify(name)} resolves outside ${root}; links out of the templates directory are not followed.`);
      }
      if (!statSync(real).isFile()) throw new TemplateRenderError(`Template ${JSON.stringify(name)} is not a regular file.`);
      return real;
    }
    return undefined;
  }

  /** Reads `name` (first directory that has it), or undefined when none does. */
  read(name: string, limit = MAX_TEMPLATE_BYTES): LibraryFile | undefined {
    const path = this.locate(name);
    if (!path) return undefined;
    return { text: readBounded(path, limit).toString('utf8'), path };
  }

  /**
   * Liquid's file system: names are looked up in the library only, so `include`, `render` and
   * `layout` cannot reach a file outside it, whatever the template asks for.
   */
  liquidFs(): FS {
    const found = (file: string) => {
      const name = this.nameOf(file);
      return name !== undefined && this.locate(name) !== undefined;
    };
    const text = (file: string) => {
      const name = this.nameOf(file);
      const hit = name === undefined ? undefined : this.read(name);
      if (!hit) throw new TemplateRenderError(`Template ${JSON.stringify(name ?? file)} not found in the templates directory.`);
      return hit.text;
    };
    return {
      // Liquid joins a root with the name it was given; we keep the name and check it (see nameOf).
      resolve: (_dir, file) => {
        ClauseLibrary.checkName(file);
        return `${LIBRARY_PREFIX}${file}`;
      },
      existsSync: found,
      exists: async (file) => found(file),
      readFileSync: text,
      readFile: async (file) => text(file),
      containsSync: (_root, file) => this.nameOf(file) !== undefined,
      contains: async (_root, file) => this.nameOf(file) !== undefined,
      sep: '/',
    };
  }

  /** The library name inside a path made by {@link liquidFs}'s `resolve`; undefined for anything else. */
  private nameOf(file: string): string | undefined {
    return file.startsWith(LIBRARY_PREFIX) ? file.slice(LIBRARY_PREFIX.length) : undefined;
  }

  /** Where `name` was found, for messages (the name itself when it is not in the library). */
  displayPath(name: string): string {
    try {
      return this.locate(name) ?? name;
    } catch {
      return name;
    }
  }
}

/** A name as a message may quote it: short, without the renderer's anchor marks (see marks.ts). */
const printable = (name: string) => name.replace(/[\uE001\uE005]\d+[\uE002\uE006]|[\uE000-\uE007]/g, '').slice(0, 80);

/** Prefix of the paths Liquid sees: not a real directory, so nothing else can resolve them. */
const LIBRARY_PREFIX = 'library:';

/** Reads at most `limit` bytes of a regular file, refusing larger ones before reading (no FIFOs, no devices). */
function readBounded(path: string, limit: number): Buffer {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new TemplateRenderError(`${path} is not a regular file.`);
    if (stat.size > limit) throw new TemplateRenderError(`${path} is ${stat.size} bytes; template and data files may be at most ${limit} bytes.`);
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
