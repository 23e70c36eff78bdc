/**
 * `include`, `render` and `layout` with a depth limit: a template that includes itself would
 * otherwise recurse until the stack gives out, and near that edge V8 can abort the whole process
 * instead of throwing. Ten levels is far more than any clause library needs.
 */
import { type Context, type Emitter, IncludeTag, LayoutTag, type Liquid, RenderTag } from 'liquidjs';
import { renderStateOf } from './state.js';

export const MAX_PARTIAL_DEPTH = 10;

function* depthLimited(ctx: Context, name: string, body: Generator<unknown, void, unknown>): Generator<unknown, void, unknown> {
  const state = renderStateOf(ctx);
  if (!state) return yield* body;
  if (state.partialDepth >= MAX_PARTIAL_DEPTH) throw new Error(`{% ${name} %} nested more than ${MAX_PARTIAL_DEPTH} deep (does a template include itself?)`);
  state.partialDepth += 1;
  try {
    yield* body;
  } finally {
    state.partialDepth -= 1;
  }
}

class BoundedInclude extends IncludeTag {
  override render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    return depthLimited(ctx, 'include', super.render(ctx, emitter));
  }
}
class BoundedRender extends RenderTag {
  override render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    return depthLimited(ctx, 'render', super.render(ctx, emitter) as Generator<unknown, void, unknown>);
  }
}
class BoundedLayout extends LayoutTag {
  override render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    return depthLimited(ctx, 'layout', super.render(ctx, emitter) as Generator<unknown, void, unknown>);
  }
}

export function registerBoundedPartials(liquid: Liquid): void {
  liquid.registerTag('include', BoundedInclude);
  liquid.registerTag('render', BoundedRender);
  liquid.registerTag('layout', BoundedLayout);
}
