/**
 * The date law is applied as of: the contract's `effectiveDate`, else the check date (today, or
 * `SOURCE_DATE_EPOCH` when set, so reports stay reproducible). ISO `YYYY-MM-DD` compares as text.
 */
export function asOfDate(contract: unknown, fallback?: string): string {
  const effective = (contract as { effectiveDate?: unknown } | null | undefined)?.effectiveDate;
  if (typeof effective === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(effective)) return effective;
  return fallback ?? checkDate();
}

/** Today as `YYYY-MM-DD` (UTC), or the day of `SOURCE_DATE_EPOCH`. */
export function checkDate(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return new Date(Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? epoch * 1000 : Date.now()).toISOString().slice(0, 10);
}
