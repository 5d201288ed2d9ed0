package org.olive.ingest.csv;

import org.olive.ingest.table.AbstractTableReader;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.olive.ingest.encoding.DetectedEncoding;
import org.olive.ingest.encoding.EncodingDetector;
import org.olive.ingest.encoding.StrictDecoding;
import org.olive.ingest.table.Header;
import org.olive.ingest.table.IngestError;
import org.olive.ingest.table.IngestException;
import org.olive.ingest.table.ReadStats;
import org.olive.ingest.table.ReaderOptions;
import org.olive.ingest.table.Row;
import org.olive.ingest.table.RowIterator;
import org.olive.ingest.table.SourceDescription;
import org.olive.ingest.table.TableReader;

/**
 * Streams a CSV file: detects its encoding and delimiter, reads the header, then yields rows one at a time.
 *
 * <p>Parsing is RFC 4180 as implemented by Apache Commons CSV: quoted fields may hold delimiters, line breaks and
 * doubled quotes; CR, LF and CRLF line endings are all accepted; spaces around values are ignored. Decoding is
 * strict: bytes invalid in the chosen encoding stop reading with an {@link IngestError.Kind#ENCODING} error that
 * names the row, instead of being replaced. A quote that never closes is reported as
 * {@link IngestError.Kind#UNBALANCED_QUOTE} with the line it opens on, before it can exhaust memory.
 */
public final class CsvTableReader extends AbstractTableReader {

    private static final int TEXT_BUFFER_CHARS = 64 * 1024;
    private static final int BYTE_BUFFER = 64 * 1024;

    private final String file;
    private final CSVParser parser;
    private final RecordSizeGuard guard;
    private final Iterator<CSVRecord> records;
    private long lastRecordNumber;

    private CsvTableReader(String file, CSVParser parser, RecordSizeGuard guard, Header header, SourceDescription source, long headerRow) {
        super(header, source, headerRow);
        this.file = file;
        this.parser = parser;
        this.guard = guard;
        this.records = parser.iterator();
        this.lastRecordNumber = headerRow;
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

        RecordSizeGuard guard = new RecordSizeGuard(text, options.maxRecordChars());
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delim.delimiter())
                .setQuote('"')
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(false)
                .get();
        CSVParser parser = CSVParser.builder().setReader(guard).setFormat(format).get();
        Iterator<CSVRecord> it = parser.iterator();
        CSVRecord head = null;
        long blankAbove = 0;
        try {
            boolean auto = options.headerRow() == ReaderOptions.FIRST_NON_BLANK_ROW;
            for (int r = 1; auto || r <= options.headerRow(); r++) {
                if (!it.hasNext()) {
                    parser.close();
                    throw new IngestException(new IngestError(file, r, IngestError.Kind.EMPTY_FILE, auto
                            ? "the file has only blank rows: no header row"
                            : "the file ends before the header row " + options.headerRow()));
                }
                head = it.next();
                guard.recordBoundary();
                if (auto && isBlank(head)) {
                    blankAbove++;
                } else if (auto) {
                    break;
                }
            }
        } catch (UncheckedIOException e) {
            parser.close();
            throw translate(file, Math.max(1, options.headerRow()), 1, e, used.reason());
        }
        List<String> names = new ArrayList<>(head.size());
        head.forEach(names::add);
        Header header = Header.of(names);
        if (header.names().stream().allMatch(String::isEmpty)) {
            parser.close();
            throw new IngestException(new IngestError(file, head.getRecordNumber(), IngestError.Kind.EMPTY_FILE,
                    "the header row is blank"));
        }
        List<String> notices = options.headerRow() > 1
                ? List.of((options.headerRow() - 1) + " row(s) above the header (titles) were skipped")
                : List.of();
        SourceDescription source = new SourceDescription(file, SourceDescription.Format.CSV, used.charset().name(),
                used.reason(), delim.delimiter(), null, notices);
        CsvTableReader reader = new CsvTableReader(file, parser, guard, header, source, head.getRecordNumber());
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

    private static boolean isBlank(CSVRecord rec) {
        for (String v : rec) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected Row advance() {
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord rec;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                rec = records.next();
            } catch (UncheckedIOException e) {
                throw translate(file, lastRecordNumber + 1, line, e, source.encodingReason());
            }
            guard.recordBoundary();
            lastRecordNumber = rec.getRecordNumber();
            List<String> values = new ArrayList<>(rec.size());
            rec.forEach(values::add);
            Row row = new Row(rec.getRecordNumber(), line, values);
            if (row.isBlank()) {
                blankRows++;
                continue;
            }
            rowsRead++;
            return row;
        }
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
            if (t instanceof RecordSizeGuard.RecordTooLongException) {
                return new IngestException(new IngestError(file, row, IngestError.Kind.UNBALANCED_QUOTE,
                        "a record starting at line " + line + " has " + t.getMessage()
                                + ": probably a quote (\") that is never closed"), e);
            }
            String m = t.getMessage();
            if (m != null && m.contains("EOF reached before encapsulated token finished")) {
                return new IngestException(new IngestError(file, row, IngestError.Kind.UNBALANCED_QUOTE,
                        "a quote (\") opened in the record starting at line " + line + " is never closed; the rest of the file would be one value"), e);
            }
            if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("invalid char")) {
                return new IngestException(new IngestError(file, row, IngestError.Kind.UNBALANCED_QUOTE,
                        "a quoted value in the record starting at line " + line + " is followed by other text before the next delimiter"), e);
            }
            t = t.getCause();
        }
        return new IngestException(new IngestError(file, row, IngestError.Kind.IO, "reading failed: " + e.getMessage()), e);
    }

    @Override
    public void close() {
        try {
            parser.close();
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
