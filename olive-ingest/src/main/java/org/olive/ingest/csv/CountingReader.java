package org.olive.ingest.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Counts the physical lines of a text as it streams through, independently of the CSV parser, so that the lines the
 * parser accounted for (header, rows, blank and rejected lines) can be checked against them at the end: CR, LF and
 * CRLF each end one line, and a last line without a line break counts too.
 */
final class CountingReader extends FilterReader {

    private long terminators;
    private boolean prevCr;
    private boolean any;
    private boolean lastWasTerminator;

    CountingReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        int n = super.read(cbuf, off, len);
        for (int i = off; i < off + n; i++) {
            count(cbuf[i]);
        }
        return n;
    }

    private void count(char c) {
        any = true;
        if (c == '\n') {
            if (!prevCr) {
                terminators++;
            }
            prevCr = false;
            lastWasTerminator = true;
        } else if (c == '\r') {
            terminators++;
            prevCr = true;
            lastWasTerminator = true;
        } else {
            prevCr = false;
            lastWasTerminator = false;
        }
    }

    /** Physical lines read so far (a final line without a line break included). */
    long lines() {
        return terminators + (any && !lastWasTerminator ? 1 : 0);
    }
}
