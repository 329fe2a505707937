/**
 * Drop console.error lines matching `patterns` in this test file only, on top of the
 * KNOWN_LIBRARY_WARNINGS filter in tests/mocks/setup-components.ts; everything else still
 * reaches the console.
 */
export function ignoreLibraryWarnings(...patterns: RegExp[]): void {
  let previous: typeof console.error;
  beforeAll(() => {
    previous = console.error;
    console.error = (...args: unknown[]) => {
      const text = args.map(String).join(' ');
      if (patterns.some((pattern) => pattern.test(text))) return;
      previous(...args);
    };
  });
  afterAll(() => {
    console.error = previous;
  });
}
