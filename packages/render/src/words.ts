/**
 * How negotiated values read in a contract: 24 → "twenty-four (24) hours", a list → "a, b and c".
 * Registered as Liquid filters in `liquid/filters.ts`; pure functions of their input.
 */

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function below1000(n: number): string {
  if (n < 20) return ONES[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? `-${ONES[n % 10]}` : '');
  const rest = n % 100;
  return `${ONES[Math.floor(n / 100)]} hundred${rest ? ` and ${below1000(rest)}` : ''}`;
}

/** 24 → "twenty-four"; whole numbers below one million, otherwise the digits. */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) return formatNumber(n);
  if (n < 1000) return below1000(n);
  const rest = n % 1000;
  return `${below1000(Math.floor(n / 1000))} thousand${rest ? (rest < 100 ? ' and ' : ' ') + below1000(rest) : ''}`;
}

/** 5000000 → "5,000,000" (fixed locale, so output never depends on the machine). */
export function formatNumber(n: number): string {
  const [whole, fraction] = String(n).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** 24, 'hour' → "twenty-four (24) hours": the drafting convention of words followed by figures. */
export function quantity(n: number | undefined, unit: string): string | undefined {
  if (n === undefined || n === null) return undefined;
  return `${numberToWords(n)} (${formatNumber(n)}) ${n === 1 ? unit : `${unit}s`}`;
}

/** 5000000 → "USD 5,000,000". */
export function usd(n: number | undefined): string | undefined {
  return n === undefined || n === null ? undefined : `USD ${formatNumber(n)}`;
}

/** ['a', 'b', 'c'] → "a, b and c"; `conjunction` may be "or". */
export function sentence(items: readonly unknown[] | undefined, conjunction = 'and'): string | undefined {
  if (!items) return undefined;
  const words = items.map(String);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** '2026-07-01' → "1 July 2026" (UTC, no locale data involved). */
export function longDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
  if (!match) return String(iso);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${Number(match[3])} ${months[Number(match[2]) - 1]} ${match[1]}`;
}
