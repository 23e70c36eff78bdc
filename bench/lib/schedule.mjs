// A schedule of ~7,000 words (about 13 pages) that the redline and import benches append to the
// agreement template (via --templates), the same text on every run; every tenth clause quotes the
// notice period, so a changed term ripples through the document as it does in a real agreement.
import { prng } from './generate-contracts.mjs';

const VOCAB = (
  'the vendor shall buyer agreement services data personal processing within days notify incident security ' +
  'liability fees term termination party confidential information obligations including reasonable written notice ' +
  'applicable law warranty support records insurance claims losses any all of to and or in for by with under this such'
).split(' ');

/** The schedule as Liquid-templated Markdown. */
export function schedule() {
  const rand = prng(42);
  const sentence = (n) => {
    const w = Array.from({ length: n }, () => VOCAB[Math.floor(rand() * VOCAB.length)]);
    return `${w[0][0].toUpperCase() + w.join(' ').slice(1)}.`;
  };
  const out = ['# Schedule 1: Operating Procedures', ''];
  for (let i = 1; i <= 70; i++) {
    const value = i % 10 === 0 ? ' The notice period of {{ c.terms.incidentResponse.notificationHours }} hours applies.' : '';
    out.push(`**S.${i}** ${sentence(45)} ${sentence(50)}${value}`, '');
  }
  return out.join('\n');
}
