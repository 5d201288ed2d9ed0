package org.olive.ingest.table;

import java.util.Iterator;

/**
 * What every {@link TableReader} shares: the header and source description, the counts of rows read and blank
 * rows skipped, and the one-pass iteration over {@link #advance()}.
 */
public abstract class AbstractTableReader implements TableReader {

    protected final Header header;
    protected final SourceDescription source;
    protected final long headerRow;
    protected long rowsRead;
    protected long blankRows;
    private boolean iterated;

    protected AbstractTableReader(Header header, SourceDescription source, long headerRow) {
        this.header = header;
        this.source = source;
        this.headerRow = headerRow;
    }

    /** The next data row, or {@code null} at the end. */
    protected abstract Row advance();

    @Override
    public Header header() {
        return header;
    }

    @Override
    public SourceDescription source() {
        return source;
    }

    @Override
    public ReadStats stats() {
        return new ReadStats(rowsRead, blankRows, headerRow);
    }

    @Override
    public Iterator<Row> iterator() {
        if (iterated) {
            throw new IllegalStateException("a table reader can be iterated once");
        }
        iterated = true;
        return new RowIterator(this::advance);
    }
}
