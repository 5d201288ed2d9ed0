package org.olive.ingest.table;

/**
 * What a reader has consumed so far, so that a report can account for every line of a file.
 *
 * @param rowsRead   data rows yielded to the caller
 * @param blankRows  rows skipped because every cell was empty (reported, never silently dropped)
 * @param headerRow  the row number of the header (0 when there was none)
 */
public record ReadStats(long rowsRead, long blankRows, long headerRow) {
}
