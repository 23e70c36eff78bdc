/**
 * The worker thread that hosts the comparison engine (docxodus: .NET on mono-wasm). It starts the
 * runtime and runs one throw-away comparison of two blank documents, so that the runtime's first-call
 * costs (type loading, interpreter tiering: about a second) are paid while the caller renders, on the
 * other core. Requests are then answered one at a time, in order.
 *
 * The runtime prints its chatter on the console ("MONO_WASM: Jiterpreter table …" and, before it fails
 * a call, "<Bridge> error: <Exception>: …"). Here that console is the engine's alone: nothing is
 * printed, and the last error line is what a failed request reports.
 */
import { parentPort } from 'node:worker_threads';
import type { EngineReply, EngineRequest } from './protocol.js';

let lastError: string | undefined;
const keep = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (!text.startsWith('MONO_WASM')) lastError = text.split('\n')[0];
};
console.log = keep;
console.info = keep;
console.warn = keep;
console.error = keep;
console.debug = () => undefined;

const port = parentPort!;
try {
  const engine = await import('docxodus/core');
  await engine.initialize();
  const blank = engine.createBlankDocx();
  await engine.docxDiffCompare(blank, blank, { deterministic: true });

  const opens = (bytes: Uint8Array) =>
    engine.getRevisions(bytes).then(
      () => true,
      () => false,
    );

  const answer = async (request: EngineRequest): Promise<EngineReply> => {
    lastError = undefined;
    try {
      if (request.op === 'compare') {
        // A copy of our own to hand over: the engine's array must not be detached under it.
        const result = (await engine.docxDiffCompare(request.before, request.after, request.settings)).slice();
        return { id: request.id, ok: true, bytes: result };
      }
      const entries = await engine.getRevisions(request.docx);
      return { id: request.id, ok: true, revisions: entries.map((e) => ({ type: e.type, family: e.family, author: e.author, date: e.date, text: e.text })) };
    } catch (error) {
      const reason = lastError ?? (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
      if (request.op === 'revisions') return { id: request.id, ok: false, reason, unreadable: 'docx' };
      const unreadable = !(await opens(request.before)) ? 'before' : !(await opens(request.after)) ? 'after' : undefined;
      return { id: request.id, ok: false, reason, ...(unreadable ? { unreadable } : {}) };
    }
  };

  let queue: Promise<unknown> = Promise.resolve();
  port.on('message', (request: EngineRequest) => {
    queue = queue.then(async () => {
      const reply = await answer(request);
      port.postMessage(reply, reply.ok && 'bytes' in reply ? [reply.bytes.buffer as ArrayBuffer] : []);
    });
  });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, reason: (error instanceof Error ? error.message : String(error)).split('\n')[0] });
}
