// Reads UTF-8 CSV files (RFC 4180 quoting, optional BOM) as records keyed by the header row.
import { createReadStream } from 'node:fs';
import { parse, type Options } from 'csv-parse';

export type CsvRecord = Partial<Record<string, string>>;

const OPTIONS: Options = {
  bom: true,
  columns: true,
  // Short or long rows still yield a record (missing fields are absent, extra ones dropped); the caller's
  // validation decides what to do with them instead of one bad line aborting the whole file.
  relax_column_count: true,
  skip_empty_lines: true,
};

/** Streams the records of a file, one object per data row. */
export function readCsvRecords(path: string): AsyncIterable<CsvRecord> {
  return createReadStream(path).pipe(parse(OPTIONS));
}

/** Number of data rows, for progress reporting (a separate pass: quoted fields may span lines). */
export async function countCsvRecords(path: string): Promise<number> {
  let count = 0;
  for await (const _ of readCsvRecords(path)) count++;
  return count;
}
