/**
 * What tags and outputs need to know while one agreement renders: the numbered sections, the section
 * being rendered, which objects of the contract sit at which path, and the anchors recorded so far.
 * It is kept out of every template's reach: templates see only the data, never this object. The key
 * is the context's globals object, which Liquid shares with every partial and `{% render %}` context.
 */
import type { Context } from 'liquidjs';
import type { AnchorRecorder } from '../marks.js';

/** A section of the agreement as its templates see it. */
export interface Section {
  id: string;
  /** `"5"` for a section of the Standard Terms, `"A"` for an annex. */
  number: string;
  /** How a cross-reference names it: `Section 5`, `Annex A`. */
  label: string;
  annex: boolean;
  title: string;
  anchor: string;
  /** Sub-clauses numbered so far (see the `clause` tag). */
  clauses: number;
}

export class RenderState {
  /** The section whose template is rendering (undefined for the agreement layout). */
  section: Section | undefined;
  /** Partials (`include`, `render`, `layout`) open around the current one. */
  partialDepth = 0;
  private readonly paths = new WeakMap<object, string>();

  constructor(
    contract: unknown,
    readonly sections: ReadonlyMap<string, Section>,
    readonly recorder: AnchorRecorder,
  ) {
    this.index(contract, '');
  }

  private index(node: unknown, path: string): void {
    if (node === null || typeof node !== 'object' || this.paths.has(node)) return;
    this.paths.set(node, path);
    for (const [key, value] of Object.entries(node)) this.index(value, path ? `${path}.${key}` : key);
  }

  /**
   * The contract path of `variable.prop…` as printed in a template, found by the identity of the
   * object the last property is read from (so `ir.notificationHours` after
   * `{% assign ir = c.terms.incidentResponse %}`, and `s.name` inside a loop, both resolve).
   */
  termPath(ctx: Context, segments: readonly (string | number)[]): string | undefined {
    const parent = ctx.getSync(segments.slice(0, -1) as (string | number)[]);
    if (parent === null || typeof parent !== 'object') return undefined;
    const base = this.paths.get(parent);
    if (base === undefined) return undefined;
    const last = String(segments[segments.length - 1]);
    return base ? `${base}.${last}` : last;
  }
}

const states = new WeakMap<object, RenderState>();

/** Binds `state` to the globals object a render is started with. */
export function bindRenderState(globals: object, state: RenderState): void {
  states.set(globals, state);
}

export function renderStateOf(ctx: Context): RenderState | undefined {
  return states.get(ctx.globals as object);
}
