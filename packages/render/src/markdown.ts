/**
 * Contract → Markdown, the canonical rendering every other format is made from. Synchronous and fast:
 * templates are parsed once per process; each clause renders with its own numbered section, then the
 * agreement layout places them. One render gives the people-facing Markdown and the anchored one.
 */
import type { VendorAgreement } from '@contracts/core';
import { Context } from 'liquidjs';
import type { Anchor } from './anchors.js';
import { getEnvironment } from './environment.js';
import { RenderedMarkdown } from './liquid/engine.js';
import { bindRenderState, RenderState } from './liquid/state.js';
import { AnchorRecorder, fenceClauses, withAnchors, withoutAnchors } from './marks.js';
import { numberSections, type SectionDefinition } from './sections.js';
import { toTemplateError } from './template-error.js';
import { neutralizeBidi } from './escape-markdown.js';
import { TemplateRenderError } from './errors.js';

/** Data the caller adds to what templates see, beside the contract (e.g. `{ applicable }` from the playbook). */
export type ExtraContext = Readonly<Record<string, unknown>>;
import { withNegotiatedWording } from './negotiated-wording.js';

export interface RenderMarkdownOptions {
  /** A clause library whose files override ours, file by file. */
  templatesDir?: string;
  /**
   * More variables for the templates, or a function giving them per contract. Render knows nothing of
   * where they come from: `@contracts/playbook`'s `clauseContext` supplies `applicable`, the laws that
   * bind the deal. They cannot replace the renderer's own names (`c`, `has`, `sections`, …).
   */
  extraContext?: ExtraContext | ((contract: VendorAgreement) => ExtraContext);
}

/** A section or annex as rendered: where its clauses start and which template wrote it. */
export interface RenderedSection {
  id: string;
  /** `"5"`, or `"A"` for an annex. */
  number: string;
  /** `Section 5`, `Annex A`. */
  label: string;
  title: string;
  anchor: string;
  annex: boolean;
  template: string;
  /** The contract paths that bring it in (`sections.json`); empty when it is always present. */
  when: string[];
}

/** A rendered agreement: the Markdown people read, the anchored Markdown HTML/DOCX are made from, and its anchors. */
export interface RenderedAgreement {
  /** Pandoc Markdown without anchors (`contracts render --to md`). */
  markdown: string;
  /** The same with every term value as `[text]{#a_t…}` and every clause in a `::: {#a_c…}` fence. */
  anchored: string;
  /** Every anchor in order of appearance. */
  anchors: Anchor[];
  /** The sections and annexes this agreement has, in order. */
  sections: RenderedSection[];
  /**
   * With negotiated wording in place: the template's key of each block outside the clauses, in document
   * order (a row the counterparty relabelled keeps its template label's key; rows it added take the key
   * of the row they follow). Read blocks with these keys, not with the ones their printed text gives.
   */
  paragraphKeys?: string[];
}

/** Names the renderer gives templates; extra context may not shadow them. */
const RESERVED = new Set(['c', 'has', 'sections', 'section', 'clauses', 'annexes']);

function extraScope(contract: VendorAgreement, extra: RenderMarkdownOptions['extraContext']): Record<string, unknown> {
  const scope = typeof extra === 'function' ? extra(contract) : extra;
  if (!scope) return {};
  for (const name of Object.keys(scope)) {
    if (RESERVED.has(name)) throw new TemplateRenderError(`extraContext may not set \`${name}\`: the renderer gives templates that name`);
  }
  return scope;
}

/** Renders the agreement (cover page, numbered clauses, signature block) as pandoc Markdown. */
export function renderMarkdown(contract: VendorAgreement, options: RenderMarkdownOptions = {}): string {
  return renderAgreement(contract, options).markdown;
}

/** Renders the agreement once and returns both Markdowns and the anchors (see {@link RenderedAgreement}). */
export function renderAgreement(contract: VendorAgreement, options: RenderMarkdownOptions = {}): RenderedAgreement {
  const environment = getEnvironment(options.templatesDir);
  const extra = extraScope(contract, options.extraContext);
  // A section whose terms produced no clause (say `vulnerabilityManagement: { sbom: none }`) would print
  // a bare heading: drop it and render again, so numbers, `has` and every reference agree. Dropping one
  // can empty another (a clause that only refers to it), hence the loop; it ends, as each pass drops one.
  let definitions = environment.sections;
  for (;;) {
    const { agreement, empty } = renderOnce(contract, environment, definitions, extra);
    if (empty.size === 0) return agreement;
    definitions = definitions.filter((d) => !empty.has(d.id));
  }
}

function renderOnce(
  contract: VendorAgreement,
  { engine, library }: ReturnType<typeof getEnvironment>,
  definitions: readonly SectionDefinition[],
  extra: Record<string, unknown>,
): { agreement: RenderedAgreement; empty: Set<string> } {
  const sections = numberSections(contract, definitions);
  const recorder = new AnchorRecorder();
  const state = new RenderState(contract, new Map(sections.map((s) => [s.id, s])), recorder);
  const globals = {};
  bindRenderState(globals, state);
  const has = Object.fromEntries(sections.map((s) => [s.id, true]));
  const listed = sections.map(({ id, number, label, title, anchor, annex }) => ({ id, number, label, title, anchor, annex }));
  const base = { ...extra, c: contract, has, sections: listed };
  // One budget (time and memory) for the whole agreement, shared by every template it renders.
  const first = new Context({}, engine.options, { sync: true, globals }, { liquid: engine });
  const context = (scope: object) =>
    new Context(scope, engine.options, { sync: true, globals }, { liquid: engine, renderLimit: first.renderLimit, memoryLimit: first.memoryLimit });
  try {
    Object.assign(base, prelude(engine, library, context(base)));
    const empty = new Set<string>();
    const rendered = sections.map((section, i) => {
      state.section = section;
      const markdown = tidy(engine.renderSync(engine.parseFileSync(section.template), context({ ...base, section: listed[i] })) as string);
      if (!/\n\s*\S/.test(markdown)) empty.add(section.id); // nothing but the heading
      return new RenderedMarkdown(fenceClauses(markdown));
    });
    state.section = undefined;
    const clauses = rendered.filter((_, i) => !sections[i]!.annex);
    const annexes = rendered.filter((_, i) => sections[i]!.annex);
    const layout = engine.renderSync(engine.parseFileSync('agreement.md.liquid'), context({ ...base, clauses, annexes })) as string;
    const { text: marked, anchors } = recorder.resolve(tidy(neutralizeBidi(layout)));
    // Removing marks leaves at most blank lines behind (values are never empty), so collapsing suffices.
    const agreement = {
      markdown: collapseBlankLines(withoutAnchors(marked)),
      anchored: collapseBlankLines(withAnchors(marked)),
      anchors,
      sections: sections.map(({ clauses: _count, ...s }) => s),
    };
    // The vendor's negotiated wording replaces the template's, clause by clause (import).
    if (contract.negotiatedWording?.length) Object.assign(agreement, withNegotiatedWording(agreement, contract.negotiatedWording));
    return { agreement, empty };
  } catch (error) {
    throw toTemplateError(error, library);
  }
}

const collapseBlankLines = (markdown: string) => markdown.replace(/\n{3,}/g, '\n\n');

/**
 * The facts every clause may test, worked out once per agreement: `prelude.liquid` (when the library
 * has one) runs first, prints nothing, and what it `assign`s every template then sees. Its names may
 * not replace the renderer's own.
 */
function prelude(engine: ReturnType<typeof getEnvironment>['engine'], library: ReturnType<typeof getEnvironment>['library'], context: Context) {
  if (!library.locate(PRELUDE)) return {};
  engine.renderSync(engine.parseFileSync(PRELUDE), context);
  const assigned = context.bottom() as Record<string, unknown>;
  for (const name of Object.keys(assigned)) {
    if (RESERVED.has(name)) throw new TemplateRenderError(`${PRELUDE} may not assign \`${name}\`: the renderer gives templates that name`);
  }
  return assigned;
}

const PRELUDE = 'prelude.liquid';

/** Collapses the blank lines that dropped conditionals leave behind; one newline at the end. */
function tidy(markdown: string): string {
  return `${markdown
    .replace(/[ \t]+(?=\n)/g, '')
    // Items end "…;" so any of them may come last: the one that does (the others left out) ends the sentence.
    .replace(/^(- .*);$(?!\n- )/gm, '$1.')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
