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
import { numberSections } from './sections.js';
import { toTemplateError } from './template-error.js';
import { neutralizeBidi } from './escape-markdown.js';
import { withNegotiatedWording } from './negotiated-wording.js';

export interface RenderMarkdownOptions {
  /** A clause library whose files override ours, file by file. */
  templatesDir?: string;
}

/** A rendered agreement: the Markdown people read, the anchored Markdown HTML/DOCX are made from, and its anchors. */
export interface RenderedAgreement {
  /** Pandoc Markdown without anchors (`contracts render --to md`). */
  markdown: string;
  /** The same with every term value as `[text]{#a_t…}` and every clause in a `::: {#a_c…}` fence. */
  anchored: string;
  /** Every anchor in order of appearance. */
  anchors: Anchor[];
}

/** Renders the agreement (cover page, numbered clauses, signature block) as pandoc Markdown. */
export function renderMarkdown(contract: VendorAgreement, options: RenderMarkdownOptions = {}): string {
  return renderAgreement(contract, options).markdown;
}

/** Renders the agreement once and returns both Markdowns and the anchors (see {@link RenderedAgreement}). */
export function renderAgreement(contract: VendorAgreement, options: RenderMarkdownOptions = {}): RenderedAgreement {
  const { engine, library, sections: definitions } = getEnvironment(options.templatesDir);
  const sections = numberSections(contract, definitions);
  const recorder = new AnchorRecorder();
  const state = new RenderState(contract, new Map(sections.map((s) => [s.id, s])), recorder);
  const globals = {};
  bindRenderState(globals, state);
  const has = Object.fromEntries(sections.map((s) => [s.id, true]));
  const listed = sections.map(({ id, number, title, anchor }) => ({ id, number, title, anchor }));
  const base = { c: contract, has, sections: listed };
  // One budget (time and memory) for the whole agreement, shared by every template it renders.
  const first = new Context({}, engine.options, { sync: true, globals }, { liquid: engine });
  const context = (scope: object) =>
    new Context(scope, engine.options, { sync: true, globals }, { liquid: engine, renderLimit: first.renderLimit, memoryLimit: first.memoryLimit });
  try {
    const clauses = sections.map((section, i) => {
      state.section = section;
      const markdown = engine.renderSync(engine.parseFileSync(section.template), context({ ...base, section: listed[i] })) as string;
      return new RenderedMarkdown(fenceClauses(tidy(markdown)));
    });
    state.section = undefined;
    const agreement = engine.renderSync(engine.parseFileSync('agreement.md.liquid'), context({ ...base, clauses })) as string;
    const { text: marked, anchors } = recorder.resolve(tidy(neutralizeBidi(agreement)));
    // Removing marks leaves at most blank lines behind (values are never empty), so collapsing suffices.
    const rendered = { markdown: collapseBlankLines(withoutAnchors(marked)), anchored: collapseBlankLines(withAnchors(marked)), anchors };
    return contract.negotiatedWording?.length ? withNegotiatedWording(rendered, contract.negotiatedWording) : rendered;
  } catch (error) {
    throw toTemplateError(error, library);
  }
}

const collapseBlankLines = (markdown: string) => markdown.replace(/\n{3,}/g, '\n\n');

/** Collapses the blank lines that dropped conditionals leave behind; one newline at the end. */
function tidy(markdown: string): string {
  return `${markdown
    .replace(/[ \t]+(?=\n)/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
