/** Runs in every component test file (jsdom), after the test framework is installed. */
import { resetTaroMock } from './taro';

/**
 * Warnings raised by third-party code we cannot change (NutUI 2.7.15's UMD build);
 * everything else still reaches the console.
 */
const KNOWN_LIBRARY_WARNINGS = [
  /forwardRef render functions accept exactly two parameters/,
  /Unsupported style property[\s\S]*-webkitMask/, // React prints it as a format string + args
];
const consoleError = console.error.bind(console);
jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (KNOWN_LIBRARY_WARNINGS.some((pattern) => pattern.test(text))) return;
  consoleError(...args);
});

afterEach(() => resetTaroMock());
