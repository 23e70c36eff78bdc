/**
 * The clause library's own tags. Numbering and cross-references come from code (sections.ts), so they
 * stay right when a clause drops out:
 * - `{% heading %}` — the section's numbered heading, `## 5. Incident Response {#incident-response}`
 *   (an annex, a part of the agreement of its own: `# Annex A: Data Processing Terms {#data-processing}`);
 * - `{% clause "notice" %}` — the next sub-clause number (`5.1`), and the start of clause
 *   `incidentResponse/notice` for anchors (the key names the clause across rounds, so keep it stable);
 * - `{% ref "incidentResponse" %}` — a link "Section 5 (Incident Response)" (or "Annex A (…)") to that section.
 * Arguments are quoted literals, checked when the template is parsed.
 */
import { type Context, type Emitter, type Liquid, Tag, type TagToken, type TopLevelToken, TypeGuards } from 'liquidjs';
import { escapeMarkdown } from '../escape-markdown.js';
import { TemplateRenderError } from '../errors.js';
import { type RenderState, renderStateOf, type Section } from './state.js';

const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** The quoted literal argument of a tag, or undefined when the tag has none. */
function literalArgument(token: TagToken, required: boolean): string | undefined {
  const tokenizer = token.tokenizer;
  tokenizer.skipBlank();
  if (tokenizer.end()) {
    if (required) throw new Error(`{% ${token.name} %} needs a quoted section id, e.g. {% ${token.name} "audit" %}`);
    return undefined;
  }
  const value = tokenizer.readValue();
  tokenizer.skipBlank();
  if (!value || !TypeGuards.isQuotedToken(value) || !tokenizer.end() || !KEY.test(value.content)) {
    throw new Error(`{% ${token.name} %} takes one quoted name of letters, digits, "-" and "_", e.g. {% ${token.name} "on-site" %}`);
  }
  return value.content;
}

function state(ctx: Context, tag: string): RenderState {
  const found = renderStateOf(ctx);
  if (!found) throw new Error(`{% ${tag} %} works only in templates the toolkit renders (use include, not render)`);
  return found;
}

function currentSection(ctx: Context, tag: string): { state: RenderState; section: Section } {
  const found = state(ctx, tag);
  if (!found.section) throw new Error(`{% ${tag} %} belongs in a clause template (one listed in sections.json)`);
  return { state: found, section: found.section };
}

class HeadingTag extends Tag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    literalArgument(token, false);
  }
  render(ctx: Context, emitter: Emitter): void {
    const { section } = currentSection(ctx, 'heading');
    const title = escapeMarkdown(section.title);
    emitter.write(section.annex ? `# ${section.label}: ${title} {#${section.anchor}}` : `## ${section.number}. ${title} {#${section.anchor}}`);
  }
}

class ClauseTag extends Tag {
  private readonly key: string | undefined;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.key = literalArgument(token, false);
  }
  render(ctx: Context, emitter: Emitter): void {
    const { state: found, section } = currentSection(ctx, 'clause');
    section.clauses += 1;
    const key = `${section.id}/${this.key ?? section.clauses}`;
    emitter.write(`${found.recorder.clause(key)}${section.number}.${section.clauses}`);
  }
}

class RefTag extends Tag {
  private readonly id: string;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.id = literalArgument(token, true)!;
  }
  render(ctx: Context, emitter: Emitter): void {
    const section = state(ctx, 'ref').sections.get(this.id);
    if (!section) {
      throw new TemplateRenderError(`{% ref "${this.id}" %} names a section that is not in this agreement; guard it with {% if has.${this.id} %}`);
    }
    emitter.write(`[${section.label} (${escapeMarkdown(section.title)})](#${section.anchor})`);
  }
}

/** Registers the library's tags on an engine. */
export function registerClauseTags(liquid: Liquid): void {
  liquid.registerTag('heading', HeadingTag);
  liquid.registerTag('clause', ClauseTag);
  liquid.registerTag('ref', RefTag);
}
