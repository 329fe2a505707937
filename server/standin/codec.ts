/**
 * Translation between the SDK's wire format and plain JavaScript values.
 *
 * The SDK sends queries, updates and documents as canonical EJSON strings
 * (`{"$numberInt":"1"}`, `{"$date":{"$numberLong":"0"}}`, ...) and parses every returned
 * document with `EJSON.parse`. We use the same `bson` package the SDK uses
 * (@cloudbase/database's dependency) so both ends agree on every type.
 */
import { BSONRegExp, EJSON } from 'bson';
import { CloudBaseError, INVALID_PARAM } from './errors';

export type Document = Record<string, unknown>;

/** `db.serverDate({ offset })` arrives as `{ $tcb_server_date: { offset } }`. */
const SERVER_DATE = '$tcb_server_date';

export function isPlainObject(value: unknown): value is Document {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Rebuilds arrays and plain objects, letting `replace` swap any value it recognises. */
function mapTree(value: unknown, replace: (value: unknown) => unknown): unknown {
  const replaced = replace(value);
  if (replaced !== value) return replaced;
  if (Array.isArray(value)) return value.map((item) => mapTree(item, replace));
  if (!isPlainObject(value)) return value;
  const out: Document = {};
  for (const [key, item] of Object.entries(value)) out[key] = mapTree(item, replace);
  return out;
}

/** The server, not the client, stamps server dates: resolve them when the request arrives. */
function resolveServerDate(value: unknown): unknown {
  if (!isPlainObject(value) || !(SERVER_DATE in value) || Object.keys(value).length !== 1) return value;
  const spec = value[SERVER_DATE];
  const offset = isPlainObject(spec) && typeof spec.offset === 'number' ? spec.offset : 0;
  return new Date(Date.now() + offset);
}

/** mingo matches JavaScript RegExps; EJSON yields BSONRegExp for `db.RegExp` and `/re/`. */
function toJsRegExp(value: unknown): unknown {
  return value instanceof BSONRegExp ? new RegExp(value.pattern, value.options) : value;
}

function parse(text: string): unknown {
  return EJSON.parse(text, { relaxed: true });
}

/** Query conditions, sort orders, projections and aggregate stages. */
export function decodeCondition(text: string | undefined): unknown {
  if (!text) return {};
  return mapTree(parse(text), (value) => toJsRegExp(resolveServerDate(value)));
}

/** Document bodies and update modifiers: values are kept as the SDK typed them. */
export function decodeData(text: string): unknown {
  return mapTree(parse(text), resolveServerDate);
}

/** Relaxed EJSON keeps the stored column readable JSON while preserving dates and regexps. */
export function toStorage(doc: Document): string {
  return EJSON.stringify(doc, { relaxed: true });
}

export function fromStorage(text: string): Document {
  return parse(text) as Document;
}

/** What CloudBase puts in `data.list`: one canonical EJSON string per document. */
export function toWire(doc: Document): string {
  return EJSON.stringify(doc, { relaxed: false });
}

export function asDocument(value: unknown, what: string): Document {
  if (!isPlainObject(value)) throw new CloudBaseError(INVALID_PARAM, `${what} must be an object`);
  return value;
}
