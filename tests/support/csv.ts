/**
 * A small RFC 4180 reader for the export tests (no CSV library is installed): fields separated
 * by commas, records by CRLF, a field in double quotes may hold commas, quotes (doubled) and line
 * breaks. A leading byte-order mark is reported, not kept.
 */
export function parseCsv(text: string): { bom: boolean; records: string[][] } {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' && body[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (c === '"' || c === '\n' || c === '\r') {
      throw new Error(`not RFC 4180 at ${i}: a bare ${JSON.stringify(c)}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new Error('not RFC 4180: an unclosed quote');
  if (field !== '' || record.length > 0) throw new Error('not RFC 4180: the last record has no CRLF');
  return { bom, records };
}
