/**
 * A negotiation over several rounds made in LibreOffice, for the tests that follow one vendor through
 * them: the Springfield contract committed as round 1 (`roundOne`), a LibreOffice over UNO, and the
 * judge every round is held to — the imported round, rendered, reads paragraph by paragraph as
 * LibreOffice's accept-all of the markup it came from.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { VendorAgreement } from '@contracts/core';
import { clauseContext } from '@contracts/playbook';
import { renderAgreement, renderDocx } from '@contracts/render';
import { afterAll, beforeAll, expect } from 'vitest';
import { parse } from 'yaml';
import { libreOfficeAvailability, startLibreOffice, type LibreOffice } from '../../../../test-support/libreoffice/index.mjs';
import { importMarkup } from '../../src/index.js';
import { editsBetween, paragraphsWithoutNumbering, withValues } from './markup-corpus.js';
import { type RoundOne, roundOne } from './round-one.js';

/** The counterparty's negotiator, as LibreOffice records their changes. */
export const VENDOR = 'Marcus Lee (Acme)';
/** SOURCE_DATE_EPOCH of every rendering. */
const EPOCH = 1_780_000_000;

/**
 * The vendor's round-2 markup both row tests start from: a Venue row added after Governing law, and the
 * Governing law row deleted, recorded as VENDOR in LibreOffice. Returns the markup's path.
 */
export async function deleteGoverningLawAddVenue(negotiation: RoundsInOffice): Promise<string> {
  const markup = join(negotiation.round.dir, 'round-1-markup.docx');
  const edit = {
    out: markup,
    author: VENDOR,
    matchCase: true,
    insertRows: [['Governing law', ['Venue', 'the courts of Sangamon County, Illinois']]] as [string, string[]][],
    deleteRows: ['Governing law'],
  };
  expect(await negotiation.office.edit(negotiation.round.docx, edit)).toEqual([]);
  return markup;
}

export type Contract = VendorAgreement & { negotiatedWording?: Record<string, unknown>[] };

export interface RoundsInOffice {
  readonly round: RoundOne;
  readonly office: LibreOffice;
  /** The anchored Markdown of `contract`, as `contracts render` makes it. */
  rendered(contract: VendorAgreement): string;
  /** The contract file as it stands now. */
  current(): Contract;
  /** The committed round as `contracts render --to docx` renders it, with its provenance. */
  docxOf(roundNumber: number): Promise<Uint8Array>;
  /**
   * The vendor's markup of committed round `roundNumber` (`round-<n>-markup.docx`): LibreOffice, recording
   * changes as {@link VENDOR}, makes the edits that give the contract `values`, then `replacements`.
   * `intended`: the contract those values describe.
   */
  markupWithValues(roundNumber: number, values: Record<string, unknown>, replacements?: [string, string][]): Promise<{ markup: string; intended: Contract }>;
  /** Imports `markup`, commits it, and holds the result to the judge. */
  importAndJudge(markup: string): ReturnType<typeof importMarkup>;
}

/** Registers the fixture's setup and teardown for the calling test file (`prefix` names its temp folder). */
export function roundsInOffice(prefix: string): RoundsInOffice {
  let round: RoundOne | undefined;
  let office: LibreOffice | undefined;
  beforeAll(async () => {
    round = await roundOne(prefix);
    // The tests themselves skip without LibreOffice (`describe.skipIf`); the fixture then starts none.
    if (libreOfficeAvailability().ok) office = await startLibreOffice();
  });
  afterAll(async () => {
    await office?.close();
    if (round) rmSync(round.dir, { recursive: true, force: true });
  });
  const session: RoundsInOffice = {
    get round() {
      return round!;
    },
    get office() {
      return office!;
    },
    rendered: (contract) => renderAgreement(contract, { extraContext: (c) => clauseContext(session.round.playbook, c) }).anchored,
    current: () => parse(readFileSync(session.round.file, 'utf8')) as Contract,
    docxOf: (roundNumber) =>
      renderDocx(session.rendered(session.current()), {
        epoch: EPOCH,
        provenance: { contractId: 'springfield-smartcam', commit: session.round.git('rev-parse', 'HEAD'), round: roundNumber },
      }),
    async markupWithValues(roundNumber, values, replacements = []) {
      const docx = await session.docxOf(roundNumber);
      const intended = withValues(session.current(), values) as Contract;
      const edits = editsBetween(await session.office.text(docx), await session.office.text(await renderDocx(session.rendered(intended), { epoch: EPOCH })))!;
      const markup = join(session.round.dir, `round-${roundNumber}-markup.docx`);
      const edit = { out: markup, author: VENDOR, matchCase: true, replacements: [...edits.replacements, ...replacements] };
      expect(await session.office.edit(docx, edit)).toEqual([]);
      return { markup, intended };
    },
    async importAndJudge(markup) {
      const result = await importMarkup({ file: session.round.file, markup, playbook: session.round.playbook, commit: true });
      const accepted = paragraphsWithoutNumbering(await session.office.text(markup, 'accept'));
      const again = paragraphsWithoutNumbering(await session.office.text(await renderDocx(session.rendered(session.current()), { epoch: EPOCH })));
      expect(again).toEqual(accepted);
      return result;
    },
  };
  return session;
}
