/**
 * The "what moved" header of a redline: one row per changed term, from `diffPositions` when a
 * playbook is at hand (labels, who gained, walk-away crossed), else from a plain field-by-field
 * comparison of the two YAML values (dotted path, old → new).
 */
import type { Playbook } from '@contracts/playbook';
import { diffPositions, type PositionChange } from '../positions/index.js';
import { walkAwayNote } from '../positions/show.js';
import { inertText } from './inert-text.js';

/** One line of the header. Plain data; values are shown as text. */
export interface PositionRow {
  /** Playbook label or dotted path (`incidentResponse.notificationHours`). */
  label: string;
  /** Dotted path from the root of the contract. */
  path: string;
  from: string;
  to: string;
  /** `toward buyer` / `toward vendor`, then what must not be missed (`entered walk-away`, `now fails …`); empty when unrated. */
  note: string;
}

const show = (value: unknown): string =>
  value === undefined || value === null
    ? '—'
    : Array.isArray(value)
      ? value.map(show).join(', ')
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);

function fromPosition(change: PositionChange): PositionRow {
  const unit = change.unit ? ` ${change.unit}` : '';
  const notes = [change.gained === 'neutral' ? '' : `toward ${change.gained}`, walkAwayNote(change)];
  return {
    label: change.label,
    path: `terms.${change.path}`,
    from: change.from === undefined ? '—' : show(change.from) + unit,
    to: change.to === undefined ? '—' : show(change.to) + unit,
    note: notes.filter(Boolean).join('; '),
  };
}

/**
 * Rows for every changed term (and, without a playbook, every changed field), in document order. Every
 * text is inert (`inertText`), so a vendor name shows in the header as it does in the contract below it.
 */
export function positionRows(oldValue: unknown, newValue: unknown, playbook?: Playbook): PositionRow[] {
  return changedRows(oldValue, newValue, playbook).map((row) => ({
    label: inertText(row.label),
    path: inertText(row.path),
    from: inertText(row.from),
    to: inertText(row.to),
    note: inertText(row.note),
  }));
}

function changedRows(oldValue: unknown, newValue: unknown, playbook?: Playbook): PositionRow[] {
  if (playbook) {
    const diff = diffPositions(oldValue, newValue, playbook);
    const facts = diff.product.map((c) => ({ label: c.path, path: c.path, from: show(c.from), to: show(c.to), note: 'product fact' }));
    return [...diff.positions.map(fromPosition), ...facts];
  }
  const before = leaves(oldValue);
  const after = leaves(newValue);
  const rows: PositionRow[] = [];
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    const from = show(before.get(path));
    const to = show(after.get(path));
    if (from !== to) rows.push({ label: path, path, from, to, note: '' });
  }
  return rows;
}

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Dotted path → value for every scalar or list (lists are one leaf), in document order. */
function leaves(root: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (!isMapping(root)) {
    if (prefix) out.set(prefix, root);
    return out;
  }
  for (const [key, value] of Object.entries(root)) leaves(value, prefix ? `${prefix}.${key}` : key, out);
  return out;
}
