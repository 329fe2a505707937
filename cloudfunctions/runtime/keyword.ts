/** Finding people and things by a typed word: a case-insensitive match on any of some fields. */
import type { Database } from './db';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A condition matching documents where any of `fields` contains `keyword` (typed, so escaped). */
export function matchingAny(db: Database, keyword: string, fields: readonly string[]): object {
  const pattern = db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' });
  return db.command.or(fields.map((field) => ({ [field]: pattern }))) as object;
}

/** A condition matching documents whose `field` contains any of `words`. */
export function containingAny(db: Database, words: readonly string[], field: string): object {
  const pattern = db.RegExp({ regexp: words.map(escapeRegExp).join('|') });
  return { [field]: pattern };
}
