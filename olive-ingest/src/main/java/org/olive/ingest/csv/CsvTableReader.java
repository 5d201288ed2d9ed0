package org.olive.ingest.csv;

import org.olive.ingest.table.AbstractTableReader;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

import org.olive.ingest.encoding.DetectedEncoding;
import org.olive.ingest.encoding.EncodingDetector;
import org.olive.ingest.encoding.StrictDecoding;
import org.olive.ingest.table.Header;
import org.olive.ingest.table.IngestError;
import org.olive.ingest.table.IngestException;
import org.olive.ingest.table.ReaderOptions;
import org.olive.ingest.table.Row;
import org.olive.ingest.table.SourceDescription;

/**
 * Streams a CSV file: detects its encoding and delimiter, reads the header, then yields rows one at a time.
 *
 * <p>Parsing is RFC 4180 ({@link FieldSplitter}): quoted fields may hold delimiters, line breaks and doubled quotes;
 * CR, LF and CRLF line endings are all accepted; spaces around values are ignored. Decoding is strict: bytes invalid
 * in the chosen encoding stop reading with an {@link IngestError.Kind#ENCODING} error that names the row, instead of
 * being replaced.
 *
 * <p>Nothing is lost silently. Departmental extracts are line-oriented, so a record is one physical line unless a
 * quoted value holds line breaks; a record that cannot be split is returned as a {@link Row#malformed malformed row}
 * (rejected with its line and reason) and reading resumes at the next physical line:
 * <ul>
 *   <li>a quote still open at the end of the file, after {@link ReaderOptions#maxRecordLines()} lines or
 *   {@link ReaderOptions#maxRecordChars()} characters (a stray quote);</li>
 *   <li>text after a closing quote;</li>
 *   <li>a record spanning several lines whose number of values differs from the header's (a stray quote closed
 *   by another one further down);</li>
 *   <li>a line longer than {@link ReaderOptions#maxRecordChars()} (skipped without being held in memory).</li>
 * </ul>
 * At the end the lines accounted for (titles, header, rows, blank and rejected lines) are checked against the
 * physical lines counted independently ({@link CountingReader}); a shortfall is an
 * {@link IngestError.Kind#LINE_COUNT} error of the file.
 */
public final class CsvTableReader extends AbstractTableReader {

    private static final int TEXT_BUFFER_CHARS = 64 * 1024;
    private static final int BYTE_BUFFER = 64 * 1024;

    private final String file;
    private final Records records;

    private CsvTableReader(String file, Records records, Header header, SourceDescription source, long headerRow) {
        super(header, source, headerRow);
        this.file = file;
        this.records = records;
        records.headerWidth = header.size();
    }

    /** Splits physical lines into records, resynchronising after a malformed one; counts the lines it consumed. */
    private static final class Records {
        final PhysicalLines lines;
        final CountingReader counter;
        final FieldSplitter splitter;
        final int maxRecordLines;
        final int maxRecordChars;
        int headerWidth;
        long recordNumber;
        long linesAccounted;

        Records(CountingReader counter, char delimiter, ReaderOptions options) {
            this.counter = counter;
            this.lines = new PhysicalLines(counter, options.maxRecordChars());
            this.splitter = new FieldSplitter(delimiter);
            this.maxRecordLines = options.maxRecordLines();
            this.maxRecordChars = options.maxRecordChars();
        }

        /** The next record as a row (possibly malformed), or {@code null} at the end. */
        Row next() throws IOException {
            PhysicalLines.Line first = lines.next();
            if (first == null) {
                return null;
            }
            recordNumber++;
            if (first.overlong()) {
                linesAccounted++;
                return Row.malformed(recordNumber, first.number(), first.text(), "line " + first.number() + " has "
                        + first.length() + " characters, more than the limit of " + maxRecordChars
                        + " for one record (max_record_chars); the line was skipped");
            }
            splitter.reset();
            FieldSplitter.Status st = splitter.feed(first.text());
            List<PhysicalLines.Line> extra = null;
            long chars = first.length();
            PhysicalLines.Line last = first;
            while (st == FieldSplitter.Status.IN_QUOTE) {
                int column = splitter.openColumn();
                PhysicalLines.Line next = lines.next();
                boolean spans = extra != null && extra.size() + 1 >= maxRecordLines;
                if (next == null || next.overlong() || spans || chars + next.length() > maxRecordChars) {
                    List<PhysicalLines.Line> back = extra == null ? new ArrayList<>() : extra;
                    if (next != null) {
                        back.add(next);
                    }
                    String where = next == null ? (extra == null ? "before the end of the file" : "nor before the end of the file")
                            : "nor within " + (maxRecordLines) + " lines (max_record_lines) or " + maxRecordChars
                            + " characters (max_record_chars)";
                    return resync(first, back, "a quote (\") opened in column " + column + " on line " + first.number()
                            + " is not closed on that line " + where + " (a stray quote?)");
                }
                if (extra == null) {
                    extra = new ArrayList<>(4);
                }
                extra.add(next);
                splitter.lineBreak(last.terminator());
                chars += next.length();
                last = next;
                st = splitter.feed(next.text());
            }
            if (st == FieldSplitter.Status.MALFORMED) {
                return resync(first, extra == null ? List.of() : extra, "line " + first.number() + ": " + splitter.problem());
            }
            List<String> values = splitter.values();
            if (extra != null && headerWidth > 0 && values.size() != headerWidth) {
                return resync(first, extra, "a quote (\") on line " + first.number() + " makes one record of lines "
                        + first.number() + "-" + last.number() + " with " + values.size() + " values instead of "
                        + headerWidth + " (a stray quote?)");
            }
            linesAccounted += 1 + (extra == null ? 0 : extra.size());
            return new Row(recordNumber, first.number(), values);
        }

        /** Rejects the first line of a record that could not be split and puts the lines after it back. */
        private Row resync(PhysicalLines.Line first, List<PhysicalLines.Line> back, String reason) {
            lines.pushBack(back);
            linesAccounted++;
            return Row.malformed(recordNumber, first.number(), first.text(), reason
                    + "; the line is rejected and reading resumes on line " + (first.number() + 1));
        }
    }

    /**
     * Opens a CSV stream; the reader owns the stream and closes it.
     *
     * @param file a name for messages (usually the file name)
     * @throws IngestException when the file is empty, undecodable at its start, or has no header row
     */
    public static CsvTableReader open(InputStream raw, String file, ReaderOptions options) {
        try {
            return openUnchecked(raw, file, options);
        } catch (IngestException e) {
            closeQuietly(raw);
            throw e;
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(raw);
            throw translate(file, 1, 1, e, null);
        }
    }

    private static CsvTableReader openUnchecked(InputStream raw, String file, ReaderOptions options) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BYTE_BUFFER);
        EncodingDetector detector = new EncodingDetector(options.encodingProbeBytes());
        DetectedEncoding detected = detector.detect(in);
        DetectedEncoding used = choose(options, detected);
        in.skipNBytes(used.bomLength());

        BufferedReader text = new BufferedReader(StrictDecoding.reader(in, used.charset(), used.bomLength()), TEXT_BUFFER_CHARS);
        String firstLine;
        try {
            firstLine = peekHeaderLine(text, options.maxHeaderChars(), options.headerRow(), options.delimiterCandidates());
        } catch (IOException e) {
            text.close();
            throw translate(file, 1, 1, e, used.reason());
        }
        if (firstLine == null) {
            throw new IngestException(new IngestError(file, 0, IngestError.Kind.EMPTY_FILE,
                    "the file is empty: no header row" + (used.bomLength() > 0 ? " (only a byte-order mark)" : "")));
        }
        DelimiterDetector.Choice delim = options.delimiter() != null
                ? new DelimiterDetector.Choice(options.delimiter(), "declared by the caller")
                : DelimiterDetector.detect(firstLine, options.delimiterCandidates());

        CountingReader counter = new CountingReader(text);
        Records records = new Records(counter, delim.delimiter(), options);
        Row head = null;
        long blankAbove = 0;
        try {
            boolean auto = options.headerRow() == ReaderOptions.FIRST_NON_BLANK_ROW;
            for (int r = 1; auto || r <= options.headerRow(); r++) {
                head = records.next();
                if (head == null) {
                    text.close();
                    throw new IngestException(new IngestError(file, r, IngestError.Kind.EMPTY_FILE, auto
                            ? "the file has only blank rows: no header row"
                            : "the file ends before the header row " + options.headerRow()));
                }
                if (head.isMalformed()) {
                    text.close();
                    throw new IngestException(new IngestError(file, head.number(), IngestError.Kind.UNBALANCED_QUOTE,
                            "the header row cannot be read: " + head.malformed()));
                }
                if (auto && head.isBlank()) {
                    blankAbove++;
                } else if (auto) {
                    break;
                }
            }
        } catch (IOException e) {
            text.close();
            throw translate(file, Math.max(1, options.headerRow()), records.lines.peekNumber(), e, used.reason());
        }
        Header header = Header.of(head.values());
        if (header.names().stream().allMatch(String::isEmpty)) {
            text.close();
            throw new IngestException(new IngestError(file, head.number(), IngestError.Kind.EMPTY_FILE,
                    "the header row is blank"));
        }
        List<String> notices = options.headerRow() > 1
                ? List.of((options.headerRow() - 1) + " row(s) above the header (titles) were skipped")
                : List.of();
        SourceDescription source = new SourceDescription(file, SourceDescription.Format.CSV, used.charset().name(),
                used.reason(), delim.delimiter(), null, notices);
        CsvTableReader reader = new CsvTableReader(file, records, header, source, head.number());
        reader.blankRows = blankAbove;
        return reader;
    }

    private static DetectedEncoding choose(ReaderOptions options, DetectedEncoding detected) {
        if (options.encoding() == null) {
            return detected;
        }
        boolean agrees = options.encoding().equals(detected.charset());
        String reason = "declared by the caller" + (agrees ? "" : "; note: detection would have chosen "
                + detected.charset().name() + " (" + detected.reason() + ")");
        return new DetectedEncoding(options.encoding(), agrees ? detected.bomLength() : 0, reason);
    }

    /**
     * Returns the line the header is on, to detect the delimiter from, and resets the reader: the
     * {@code headerRow}-th line, or with {@link ReaderOptions#FIRST_NON_BLANK_ROW} the first line holding anything
     * but spaces and delimiters; {@code null} when there is no such line within {@code maxChars}.
     */
    private static String peekHeaderLine(BufferedReader text, int maxChars, int headerRow, List<Character> delimiters)
            throws IOException {
        text.mark(maxChars + 1);
        try {
            StringBuilder sb = new StringBuilder();
            boolean quoted = false;
            int line = 1;
            int read = 0;
            int prev = -1;
            int c;
            while (read++ < maxChars && (c = text.read()) >= 0) {
                boolean crlf = c == '\n' && prev == '\r';
                prev = c;
                if (crlf && !quoted) {
                    continue;
                }
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    if (isHeaderLine(sb, line, headerRow, delimiters)) {
                        return sb.toString();
                    }
                    line++;
                    sb.setLength(0);
                    continue;
                }
                sb.append((char) c);
            }
            return isHeaderLine(sb, line, headerRow, delimiters) ? sb.toString() : null;
        } finally {
            text.reset();
        }
    }

    private static boolean isHeaderLine(CharSequence line, int number, int headerRow, List<Character> delimiters) {
        if (headerRow != ReaderOptions.FIRST_NON_BLANK_ROW) {
            return number == headerRow;
        }
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (!Character.isWhitespace(ch) && ch != '\uFEFF' && !delimiters.contains(ch)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Row advance() {
        while (true) {
            Row row;
            try {
                row = records.next();
            } catch (IOException | UncheckedIOException e) {
                throw translate(file, records.recordNumber + 1, records.lines.peekNumber(), e, source.encodingReason());
            }
            if (row == null) {
                checkLineCount();
                return null;
            }
            if (row.isBlank()) {
                blankRows++;
                continue;
            }
            rowsRead++;
            return row;
        }
    }

    /** Every physical line must be accounted for; a shortfall means rows were lost, and fails the file. */
    private void checkLineCount() {
        IngestError e = lineCountError(file, records.counter.lines(), records.linesAccounted);
        if (e != null) {
            throw new IngestException(e);
        }
    }

    /** The error when the lines accounted for differ from the physical lines, else {@code null}. */
    static IngestError lineCountError(String file, long physical, long accounted) {
        if (physical == accounted) {
            return null;
        }
        return new IngestError(file, 0, IngestError.Kind.LINE_COUNT, "the file has " + physical + " lines but "
                + accounted + " were read as titles, header, rows, blank or rejected lines; rows may be lost: "
                + "the file is incomplete and must not be trusted");
    }

    static IngestException translate(String file, long row, long line, Exception e, String encodingReason) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof CharacterCodingException) {
                return new IngestException(new IngestError(file, row, IngestError.Kind.ENCODING,
                        "the record starting at line " + line + " cannot be decoded: " + t.getMessage()
                                + (encodingReason == null ? "" : " (encoding chosen because: " + encodingReason + ")")
                                + "; re-save the file as UTF-8 or GB18030, or declare its encoding"), e);
            }
            t = t.getCause();
        }
        return new IngestException(new IngestError(file, row, IngestError.Kind.IO, "reading failed at line " + line + ": "
                + (e.getMessage() == null ? "input error" : e.getMessage())), e);
    }

    @Override
    public void close() {
        try {
            records.counter.close();
        } catch (IOException e) {
            throw new IngestException(new IngestError(file, 0, IngestError.Kind.IO, "closing failed: " + e.getMessage()), e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the original problem is the one to report
        }
    }
}
