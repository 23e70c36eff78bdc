/**
 * Template loader over an ordered list of directories (the user's `--templates` first, ours last): a
 * file in an earlier directory overrides the same name in a later one. Names are relative, use `/`,
 * and may not contain `..`, so no template can read outside the directories it was given — not even
 * through a symbolic link.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';
import { TemplateRenderError } from './errors.js';

const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$/;

export interface TemplateSource {
  src: string;
  path: string;
  noCache: boolean;
}

export class ClauseLoader {
  private readonly roots: string[];
  constructor(directories: readonly string[]) {
    this.roots = directories.map((dir) => realpathSync(dir));
  }

  /** Checks a name before any file system access; throws `TemplateRenderError` (render/template). */
  static checkName(name: string): void {
    const segments = name.split('/');
    if (!SAFE_NAME.test(name) || isAbsolute(name) || segments.some((s) => s === '' || s === '.' || s === '..')) {
      throw new TemplateRenderError(
        `Template name ${JSON.stringify(name)} is not allowed: templates may only load files inside the templates directory (no "..", no absolute paths).`,
      );
    }
  }

  getSource(name: string): TemplateSource | null {
    ClauseLoader.checkName(name);
    for (const root of this.roots) {
      const full = join(root, ...name.split('/'));
      if (!existsSync(full)) continue;
      const real = realpathSync(full);
      if (!real.startsWith(root + sep)) {
        throw new TemplateRenderError(`Template ${JSON.stringify(name)} resolves outside ${root}; links out of the templates directory are not followed.`);
      }
      return { src: readFileSync(real, 'utf8'), path: full, noCache: false };
    }
    return null;
  }
}
