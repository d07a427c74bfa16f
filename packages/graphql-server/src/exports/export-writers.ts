import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { columnsOf, headerOf, type ExportFormat, type ExportKind, type ExportRow } from '@paht/core';

/** The byte order mark that makes Excel read a CSV file as UTF-8 (Vietnamese diacritics). */
const UTF8_BOM = '\uFEFF';

export const contentTypeOf = (format: ExportFormat): string =>
  format === 'CSV' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const extensionOf = (format: ExportFormat): string => (format === 'CSV' ? 'csv' : 'xlsx');

/** Writes `chunk` to `out`, waiting for it to drain when its buffer is full (bounded memory). */
async function write(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * Streams an export to `out` as it is read: one header row (Vietnamese /
 * English), then the rows chunk by chunk. CSV starts with a UTF-8 BOM; XLSX
 * is written by ExcelJS's streaming WorkbookWriter, each row committed as it
 * comes. Ends `out`. Returns the number of data rows.
 */
export async function writeExport(kind: ExportKind, format: ExportFormat, chunks: AsyncIterable<ExportRow[]>, out: Writable): Promise<number> {
  const columns = columnsOf(kind);
  let count = 0;
  if (format === 'CSV') {
    const csv = stringify({ columns: columns.map((c) => ({ key: c.key, header: headerOf(c) })), header: true, cast: { number: String } });
    const piped = (async () => {
      await write(out, UTF8_BOM);
      for await (const data of csv) await write(out, data as Buffer);
      out.end();
      await once(out, 'finish');
    })();
    for await (const rows of chunks) {
      for (const row of rows) {
        count++;
        if (!csv.write(row)) await once(csv, 'drain');
      }
    }
    csv.end();
    await piped;
    return count;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(kind === 'REPORTS' ? 'Phản ánh' : 'Chỉ số');
  sheet.columns = columns.map((c) => ({ header: headerOf(c), key: c.key, width: Math.max(14, Math.min(40, headerOf(c).length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const rows of chunks) {
    for (const row of rows) {
      count++;
      sheet.addRow(row).commit();
    }
    // Let the zip stream flush what was committed before the next chunk is read.
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
