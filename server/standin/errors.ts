/**
 * The two ways the stand-in says no.
 *
 * - `CloudBaseError` is a failure CloudBase itself would report (duplicate `_id`, bad
 *   operator, closed transaction). It is answered in CloudBase's wire shape
 *   `{ requestId, code, message }`, so the SDK turns it into the same rejected promise
 *   (`errCode`/`errMsg`) that production code sees.
 * - `StandInError` is the stand-in refusing something CloudBase would silently accept
 *   but our code must never rely on (multi-document ops inside a transaction, a lock
 *   wait that can only be a self-deadlock). It is thrown, never answered, so it cannot
 *   be mistaken for an ordinary database error.
 */

export class CloudBaseError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'CloudBaseError';
    this.code = code;
  }
}

export class StandInError extends Error {
  constructor(message: string) {
    super(`[standin] ${message}`);
    this.name = 'StandInError';
  }
}

/** CloudBase's code for a request the database rejected (maps to errCode -502001). */
export const REQUEST_FAILED = 'DATABASE_REQUEST_FAILED';
/** CloudBase's code for malformed parameters (maps to errCode -501007). */
export const INVALID_PARAM = 'INVALID_PARAM';
