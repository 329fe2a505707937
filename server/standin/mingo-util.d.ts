/**
 * `mingo/util` is published only through package.json "exports", which this project's
 * `moduleResolution: "node"` does not read; point TypeScript at mingo's own typings for it.
 */
declare module 'mingo/util' {
  export { cloneDeep, isEqual } from 'mingo/types/util/_internal';
}
