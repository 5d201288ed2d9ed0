package org.olive.ingest.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The physical lines of a text, one at a time, with their number and line break (CR, LF or CRLF); lines can be
 * pushed back to be read again, which is how the CSV reader resumes after a malformed record. A line longer than
 * the limit is not held in memory: it is returned clipped and marked {@link Line#overlong()}.
 */
final class PhysicalLines {

    /**
     * @param number     the 1-based line number
     * @param text       the line without its line break (clipped to the limit when overlong)
     * @param terminator the line break: {@code "\n"}, {@code "\r\n"}, {@code "\r"}, or {@code ""} at the end of the text
     * @param length     the full length of the line in characters
     * @param overlong   whether the line exceeded the limit
     */
    record Line(long number, String text, String terminator, long length, boolean overlong) {
    }

    private static final int BUFFER = 64 * 1024;

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[BUFFER];
    private int pos;
    private int lim;
    private boolean eof;
    private long nextNumber = 1;
    private final ArrayDeque<Line> pushback = new ArrayDeque<>();
    private final StringBuilder sb = new StringBuilder(256);

    PhysicalLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The number the next fresh line will have (lines pushed back come first). */
    long peekNumber() {
        return pushback.isEmpty() ? nextNumber : pushback.peekFirst().number();
    }

    /** Puts lines back, in their order, to be returned before any new line. */
    void pushBack(List<Line> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            pushback.addFirst(lines.get(i));
        }
    }

    /** The next line, or {@code null} at the end of the text. */
    Line next() throws IOException {
        if (!pushback.isEmpty()) {
            return pushback.pollFirst();
        }
        sb.setLength(0);
        long len = 0;
        boolean overlong = false;
        while (true) {
            if (pos >= lim && !fill()) {
                return len == 0 ? null : line(len, overlong, "");
            }
            int start = pos;
            while (pos < lim) {
                char c = buf[pos];
                if (c == '\n' || c == '\r') {
                    break;
                }
                pos++;
            }
            int n = pos - start;
            if (!overlong) {
                if (len + n > maxChars) {
                    overlong = true;
                    sb.append(buf, start, Math.min(n, KEEP));
                    sb.setLength(Math.min(sb.length(), KEEP));
                } else {
                    sb.append(buf, start, n);
                }
            }
            len += n;
            if (pos < lim) {
                char c = buf[pos++];
                String term = "\n";
                if (c == '\r') {
                    term = "\r";
                    if ((pos < lim || fill()) && buf[pos] == '\n') {
                        pos++;
                        term = "\r\n";
                    }
                }
                return line(len, overlong, term);
            }
        }
    }

    /** Characters of an overlong line kept for the message. */
    private static final int KEEP = org.olive.ingest.table.Row.MALFORMED_TEXT_CHARS;

    private Line line(long len, boolean overlong, String term) {
        return new Line(nextNumber++, sb.toString(), term, len, overlong);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            pos = 0;
            lim = 0;
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }
}
