/** A part as a percentage of the whole, to one decimal, for the length of a bar: 0 when either is 0. */
export function sharePercent(part: number, whole: number): number {
  if (whole <= 0 || part <= 0) return 0;
  return Math.min(100, Math.round((part / whole) * 1000) / 10);
}
