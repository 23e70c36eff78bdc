import type { Evaluation } from '@contracts/scaffold';
import { evaluationChoices } from '@contracts/scaffold';

/**
 * Asks the product-evaluation questions on a terminal with @inquirer/prompts, one per answer the flags
 * left open, each starting at the answer `contracts new` would otherwise assume. Returns the answers
 * given; Ctrl+C is a usage error upstream (nothing is written).
 */
export async function askEvaluation(start: Evaluation, open: ReadonlySet<keyof Evaluation>, names: { vendor: string }): Promise<Partial<Evaluation>> {
  const { checkbox, confirm, input, select } = await import('@inquirer/prompts');
  const choices = evaluationChoices();
  const list = (values: readonly string[], chosen: readonly string[]) => values.map((value) => ({ value, checked: chosen.includes(value) }));
  const regionsText = (text: string) =>
    text
      .split(/[\s,]+/)
      .map((r) => r.trim().toUpperCase())
      .filter(Boolean);
  const validRegions = (text: string) => regionsText(text).every((r) => choices.regions.includes(r)) || `Use region codes: ${choices.regions.join(', ')}`;
  const jurisdiction = (text: string) =>
    /^(EU|[A-Z]{2}(-[A-Z0-9]{1,3})?)$/.test(text.trim().toUpperCase()) || 'A country code, optionally with a subdivision: US-IL, DE, GB-ENG';
  const a: Partial<Evaluation> = {};
  const ask = open.has.bind(open);

  if (ask('buyerKind'))
    a.buyerKind = await select({
      message: 'What kind of organisation is the buyer?',
      choices: choices.buyerKind.map((value) => ({ value })),
      default: start.buyerKind,
    });
  if (ask('buyerJurisdiction'))
    a.buyerJurisdiction = (
      await input({ message: "Buyer's jurisdiction (country code, e.g. US-IL, DE):", default: start.buyerJurisdiction, validate: jurisdiction })
    ).toUpperCase();
  if (ask('vendorJurisdiction'))
    a.vendorJurisdiction = (
      await input({ message: `Where is ${names.vendor} established (country code)?`, default: start.vendorJurisdiction, validate: jurisdiction })
    ).toUpperCase();
  if (ask('category'))
    a.category = await select({ message: 'What is the product?', choices: choices.category.map((value) => ({ value })), default: start.category });
  if (ask('network'))
    a.network = await select({
      message: 'How is it connected (logical deployment)?',
      choices: choices.network.map((value) => ({ value })),
      default: start.network,
    });
  if (ask('internetFacing')) a.internetFacing = await confirm({ message: 'Can it be reached from the internet?', default: start.internetFacing });
  if (ask('physical'))
    a.physical = await checkbox({ message: 'Where are the devices installed?', choices: list(choices.physical, start.physical), required: true });
  if (ask('dataCollected'))
    a.dataCollected = await checkbox({ message: 'What data does it collect?', choices: list(choices.dataCollected, start.dataCollected), required: true });
  if (ask('dataSubjects')) a.dataSubjects = await checkbox({ message: 'Whose data is it?', choices: list(choices.dataSubjects, start.dataSubjects) });
  if (ask('remoteAccess'))
    a.remoteAccess = await confirm({ message: 'Does the vendor keep remote access (e.g. for maintenance)?', default: start.remoteAccess });
  if ((a.remoteAccess ?? start.remoteAccess) && ask('remoteMethod'))
    a.remoteMethod = await select({
      message: 'How does the vendor connect?',
      choices: choices.remoteMethod.map((value) => ({ value })),
      default: start.remoteMethod ?? 'vpn',
    });
  if (ask('features')) a.features = await checkbox({ message: 'Which features are switched on?', choices: list(choices.features, start.features) });
  if (ask('storage'))
    a.storage = regionsText(
      await input({ message: 'Where is the data stored (regions, e.g. US EU)?', default: start.storage.join(' '), validate: validRegions }),
    );
  if (ask('processing'))
    a.processing = regionsText(
      await input({ message: 'Where is it processed, incl. analytics and support (regions)?', default: start.processing.join(' '), validate: validRegions }),
    );
  if (ask('markets'))
    a.markets = regionsText(
      await input({ message: 'Markets where the product is placed or used (regions)?', default: start.markets.join(' '), validate: validRegions }),
    );
  return a;
}
