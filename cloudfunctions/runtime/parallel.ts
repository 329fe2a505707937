/**
 * Run `work` over `items` with at most `limit` in flight. Database requests are network round
 * trips: one after another, 500 of them take 500 latencies; all at once, they exceed CloudBase's
 * concurrency quota. A small window keeps both bounded.
 */
export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
