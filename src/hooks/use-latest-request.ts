import { useEffect, useMemo, useRef } from 'react';

/**
 * Numbers a hook's requests so only the latest one's answer is used, and none once the page
 * has closed: a slow answer for an older input or an earlier reload is dropped.
 */
export function useLatestRequest(): { start(): number; isLatest(request: number): boolean } {
  const latest = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return useMemo(
    () => ({
      start: () => (latest.current += 1),
      isLatest: (request: number) => request === latest.current && mounted.current,
    }),
    [],
  );
}
