package org.olive.ingest.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Counts the characters the CSV parser consumes since the last record boundary and fails once they exceed a
 * limit, so that an unbalanced quote cannot make the parser buffer the rest of a 2 GB file as one field.
 * The count is approximate by the parser's read-ahead buffer (a few KiB), which is irrelevant at the limits used.
 */
final class RecordSizeGuard extends FilterReader {

    /** Thrown when a record grows past the limit. */
    static final class RecordTooLongException extends IOException {
        RecordTooLongException(long chars) {
            super("more than " + chars + " characters without the end of a record");
        }
    }

    private final long limit;
    private long sinceBoundary;

    RecordSizeGuard(Reader in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Called after each record: the next one starts counting from zero. */
    void recordBoundary() {
        sinceBoundary = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count(1);
        }
        return c;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        int n = super.read(cbuf, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws RecordTooLongException {
        sinceBoundary += n;
        if (sinceBoundary > limit) {
            throw new RecordTooLongException(limit);
        }
    }
}
