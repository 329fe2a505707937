/**
 * Import first in a test file that needs the H5 build's behaviour: `isLocalCloud` and the
 * transport are decided when src/services/dev-identity.ts is first imported.
 */
process.env.TARO_ENV = 'h5';
export {};
