/** Messages between `engine.ts` (caller's thread) and `engine-worker.ts` (the engine's thread). */
import type { DocxDiffSettings } from 'docxodus/core';

export type EngineRequest =
  | { id: number; op: 'compare'; before: Uint8Array; after: Uint8Array; settings: DocxDiffSettings }
  | { id: number; op: 'revisions'; docx: Uint8Array };

export interface RevisionEntry {
  type: 'insert' | 'delete' | 'move' | 'format' | 'structure';
  family: string;
  author: string;
  date?: string | undefined;
  text: string;
}

export type EngineReply =
  | { id: number; ok: true; bytes: Uint8Array }
  | { id: number; ok: true; revisions: RevisionEntry[] }
  /** `unreadable`: the input the engine could not open on its own; absent when both open. */
  | { id: number; ok: false; reason: string; unreadable?: 'before' | 'after' | 'docx' };

export type EngineStatus = { ready: true } | { ready: false; reason: string };
