/**
 * Reading an import file (CSV or XLSX) into a table of typed cells, with every limit checked while
 * reading, never after: a hostile file is refused (413 or 400, `ImportFileError`) after a bounded
 * amount of work. CSV in read-csv.ts; XLSX in xlsx-zip.ts (the zip) and xlsx-sheet.ts (the cells).
 */
export { readCsvTable } from './read-csv';
export { readXlsxTable } from './xlsx-sheet';
export type { Table, TableCell, TableRow } from './table';
