package org.olive.ingest.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.olive.ingest.table.IngestError;
import org.olive.ingest.table.IngestException;
import org.olive.ingest.table.ReaderOptions.XlsxLimits;

/**
 * Checks a workbook against {@link XlsxLimits} by streaming every part of the zip once, before the workbook is
 * opened, so that a decompression bomb (a few hundred KB expanding to hundreds of MB) is refused by name instead
 * of exhausting memory: the decompressed size of all parts, the ratio of decompressed to compressed bytes of each
 * part, the longest text between two XML tags (a cell or shared string) or inside one tag (attributes), and the XML
 * of one sheet row. Memory stays at one buffer whatever the file holds. On the way it counts the {@code <row>}
 * elements of every worksheet, the independent count the reader's rows are checked against.
 */
final class WorkbookBounds {

    private static final int BUFFER = 64 * 1024;
    private static final long RELS_MAX = 1 << 20;
    private static final String RELS = "xl/_rels/workbook.xml.rels";
    private static final Pattern RELATIONSHIP = Pattern.compile("<(?:\\w+:)?Relationship\\b([^>]*)>");
    private static final Pattern ATTR = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"");

    private final String file;
    private final XlsxLimits limits;
    private final Map<String, Long> rowsByPart = new HashMap<>();
    private final Map<String, String> targetById = new HashMap<>();
    private long expandedTotal;

    private WorkbookBounds(String file, XlsxLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    /** Checks a workbook file; throws {@link IngestException} ({@link IngestError.Kind#TOO_LARGE}) beyond a bound. */
    static WorkbookBounds check(Path path, String file, XlsxLimits limits) throws IOException {
        WorkbookBounds b = new WorkbookBounds(file, limits);
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                long compressed = e.getCompressedSize();
                try (InputStream in = zip.getInputStream(e)) {
                    b.scan(e.getName(), in, () -> compressed < 0 ? Long.MAX_VALUE : compressed);
                }
            }
        }
        return b;
    }

    /** Checks a workbook held in memory (through a temporary file: the zip's central directory is what counts). */
    static WorkbookBounds check(byte[] bytes, String file, XlsxLimits limits) throws IOException {
        Path tmp = java.nio.file.Files.createTempFile("olive-upload-", ".xlsx");
        try {
            java.nio.file.Files.write(tmp, bytes);
            return check(tmp, file, limits);
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    /** The {@code <row>} elements of the worksheet a relationship id (a sheet's r:id) points to, or -1 if unknown. */
    long rowsOfSheet(String relationshipId) {
        String target = relationshipId == null ? null : targetById.get(relationshipId);
        if (target == null) {
            return -1;
        }
        String part = target.startsWith("/") ? target.substring(1) : "xl/" + target;
        return rowsByPart.getOrDefault(normalise(part), -1L);
    }

    private static String normalise(String part) {
        String p = part;
        while (p.contains("/../")) {
            p = p.replaceFirst("[^/]+/\\.\\./", "");
        }
        return p.replace("/./", "/");
    }

    private interface Compressed {
        long bytes();
    }

    private void scan(String part, InputStream in, Compressed compressed) throws IOException {
        boolean xml = part.toLowerCase(Locale.ROOT).endsWith(".xml") || part.toLowerCase(Locale.ROOT).endsWith(".rels");
        boolean sheet = part.startsWith("xl/worksheets/");
        ByteArrayOutputStream rels = part.equals(RELS) ? new ByteArrayOutputStream() : null;
        XmlScan x = new XmlScan();
        byte[] buf = new byte[BUFFER];
        long expanded = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            expanded += n;
            expandedTotal += n;
            if (expandedTotal > limits.maxExpandedBytes()) {
                throw tooLarge("its parts expand to more than " + limits.maxExpandedBytes() + " bytes (xlsx_max_expanded_bytes)");
            }
            if (expanded > limits.ratioMinBytes() && expanded > limits.maxExpansionRatio() * compressed.bytes()) {
                throw tooLarge("part " + part + " expands more than " + fmt(limits.maxExpansionRatio())
                        + " times its compressed size (xlsx_max_expansion_ratio): a decompression bomb?");
            }
            if (rels != null && expanded <= RELS_MAX) {
                rels.write(buf, 0, n);
            }
            if (xml) {
                x.feed(part, buf, n);
            }
        }
        if (sheet) {
            rowsByPart.put(part, x.rows);
        }
        if (rels != null) {
            Matcher m = RELATIONSHIP.matcher(rels.toString(StandardCharsets.UTF_8));
            while (m.find()) {
                Map<String, String> attrs = new HashMap<>();
                Matcher a = ATTR.matcher(m.group(1));
                while (a.find()) {
                    attrs.put(a.group(1), a.group(2));
                }
                if (attrs.containsKey("Id") && attrs.containsKey("Target")) {
                    targetById.put(attrs.get("Id"), attrs.get("Target"));
                }
            }
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private IngestException tooLarge(String why) {
        return new IngestException(new IngestError(file, 0, IngestError.Kind.TOO_LARGE,
                "the workbook was refused without being opened: " + why));
    }

    /** A byte-level pass over XML: lengths of text runs, of tags and of rows, and the number of rows. */
    private final class XmlScan {
        private boolean inTag;
        private long run;
        private long offset;
        private long rowStart = -1;
        private final StringBuilder name = new StringBuilder();
        private boolean naming;
        private byte prev;
        long rows;

        void feed(String part, byte[] b, int n) {
            for (int i = 0; i < n; i++, offset++) {
                byte c = b[i];
                if (!inTag) {
                    if (c == '<') {
                        inTag = true;
                        run = 0;
                        name.setLength(0);
                        naming = true;
                    } else if ((c & 0xC0) != 0x80 && ++run > limits.maxCellChars()) {
                        throw tooLarge("part " + part + " holds a text of more than " + limits.maxCellChars()
                                + " characters (xlsx_max_cell_chars) at byte " + offset);
                    }
                } else if (c == '>') {
                    inTag = false;
                    String tag = name.toString();
                    boolean closing = tag.startsWith("/");
                    String t = closing ? tag.substring(1) : tag;
                    int colon = t.indexOf(':');
                    String local = colon >= 0 ? t.substring(colon + 1) : t;
                    if (local.equals("row")) {
                        if (closing) {
                            rowStart = -1;
                        } else {
                            rows++;
                            rowStart = prev == '/' ? -1 : offset;
                        }
                    }
                    run = 0;
                } else {
                    if ((c & 0xC0) != 0x80 && ++run > limits.maxCellChars()) {
                        throw tooLarge("part " + part + " holds an XML tag of more than " + limits.maxCellChars()
                                + " characters (xlsx_max_cell_chars) at byte " + offset);
                    }
                    if (naming) {
                        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || (c == '/' && name.length() > 0)) {
                            naming = false;
                        } else {
                            name.append((char) (c & 0xFF));
                        }
                    }
                }
                prev = c;
                if (rowStart >= 0 && offset - rowStart > limits.maxRowBytes()) {
                    throw tooLarge("part " + part + " holds a row of more than " + limits.maxRowBytes()
                            + " bytes of XML (xlsx_max_row_bytes), starting at byte " + rowStart);
                }
            }
        }
    }
}
