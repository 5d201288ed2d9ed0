package org.olive.ingest.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.ingest.table.IngestError;
import org.olive.ingest.table.IngestException;
import org.olive.ingest.table.ReaderOptions;
import org.olive.ingest.table.Row;
import org.olive.ingest.table.TableReader;
import org.olive.ingest.table.TableReaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decompression bombs and the row count of a sheet (issue 11, items 1 and 3). */
class WorkbookBoundsTest {

    @TempDir
    Path dir;

    /**
     * Writes a minimal workbook by hand, streaming: one sheet whose rows are given as XML, with a cell of
     * {@code bigCellChars} repeated characters appended to the second row when positive (never held in memory).
     */
    private Path workbook(String name, List<String> rowsXml, long bigCellChars) {
        Path p = dir.resolve(name);
        byte[] base = org.olive.ingest.TestFiles.xlsx(List.of(List.<Object>of("a", "b")));
        Path basePath = dir.resolve("base-" + name);
        try {
            Files.write(basePath, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p));
             java.util.zip.ZipFile in = new java.util.zip.ZipFile(basePath.toFile())) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                if (!e.getName().equals("xl/worksheets/sheet1.xml")) {
                    z.putNextEntry(new ZipEntry(e.getName()));
                    try (var entry = in.getInputStream(e)) {
                        entry.transferTo(z);
                    }
                    z.closeEntry();
                }
            }
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            OutputStream o = z;
            o.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                    .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < rowsXml.size(); i++) {
                String r = rowsXml.get(i);
                if (i == 1 && bigCellChars > 0) {
                    r = r.replace("</row>", "<c r=\"C2\" t=\"inlineStr\"><is><t>");
                    o.write(r.getBytes(StandardCharsets.UTF_8));
                    byte[] chunk = "a".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
                    for (long w = 0; w < bigCellChars; w += chunk.length) {
                        o.write(chunk);
                    }
                    o.write("</t></is></c></row>".getBytes(StandardCharsets.UTF_8));
                } else {
                    o.write(r.getBytes(StandardCharsets.UTF_8));
                }
            }
            o.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static String row(int n, String a, String b) {
        return "<row r=\"" + n + "\"><c r=\"A" + n + "\" t=\"inlineStr\"><is><t>" + a + "</t></is></c>"
                + "<c r=\"B" + n + "\" t=\"inlineStr\"><is><t>" + b + "</t></is></c></row>";
    }

    private static List<Row> readAll(TableReader r) {
        List<Row> rows = new ArrayList<>();
        r.forEach(rows::add);
        return rows;
    }

    @Test
    void aSoundHandWrittenWorkbookReadsAndItsRowsAreCounted() {
        Path p = workbook("ok.xlsx", List.of(row(1, "a", "b"), row(2, "1", "2"), row(3, "3", "4")), 0);
        try (TableReader r = TableReaders.open(p, ReaderOptions.defaults())) {
            assertThat(readAll(r)).extracting(Row::values).containsExactly(List.of("1", "2"), List.of("3", "4"));
        }
        assertThat(WorkbookBoundsCheck.rows(p)).isEqualTo(3);
    }

    @Test
    void aCellOfTensOfMegabytesIsRefusedByNameWithoutOpeningTheWorkbook() throws IOException {
        // the probe: a 310 KB workbook with one 300 MB cell ended in OutOfMemoryError
        Path p = workbook("bomb.xlsx", List.of(row(1, "a", "b"), row(2, "1", "2")), 40L << 20);
        assertThat(Files.size(p)).isLessThan(200_000); // measured ≈ 41 KB for 40 MiB of text
        Runtime rt = Runtime.getRuntime();
        assertThatThrownBy(() -> TableReaders.open(p, ReaderOptions.defaults())).isInstanceOf(IngestException.class)
                .satisfies(e -> {
                    IngestError err = ((IngestException) e).error();
                    assertThat(err.kind()).isEqualTo(IngestError.Kind.TOO_LARGE);
                    assertThat(err.toString()).startsWith("bomb.xlsx: the workbook was refused without being opened")
                            .contains("xl/worksheets/sheet1.xml").contains("a text of more than 32767 characters");
                });
        // every bound can fail on its own: without cell and row bounds the expansion ratio refuses it
        ReaderOptions.XlsxLimits d = ReaderOptions.defaults().xlsx();
        ReaderOptions lax = ReaderOptions.defaults().withXlsxLimits(new ReaderOptions.XlsxLimits(Integer.MAX_VALUE,
                Long.MAX_VALUE, d.maxExpandedBytes(), d.maxExpansionRatio(), d.ratioMinBytes()));
        assertThatThrownBy(() -> TableReaders.open(p, lax)).isInstanceOf(IngestException.class)
                .hasMessageContaining("expands more than 200 times its compressed size (xlsx_max_expansion_ratio)");
        ReaderOptions rowOnly = ReaderOptions.defaults().withXlsxLimits(new ReaderOptions.XlsxLimits(Integer.MAX_VALUE,
                d.maxRowBytes(), d.maxExpandedBytes(), 1e9, d.ratioMinBytes()));
        assertThatThrownBy(() -> TableReaders.open(p, rowOnly)).isInstanceOf(IngestException.class)
                .hasMessageContaining("a row of more than 4194304 bytes of XML (xlsx_max_row_bytes)");
        ReaderOptions totalOnly = ReaderOptions.defaults().withXlsxLimits(new ReaderOptions.XlsxLimits(Integer.MAX_VALUE,
                Long.MAX_VALUE, 10L << 20, 1e9, d.ratioMinBytes()));
        assertThatThrownBy(() -> TableReaders.open(p, totalOnly)).isInstanceOf(IngestException.class)
                .hasMessageContaining("more than 10485760 bytes (xlsx_max_expanded_bytes)");
        // the same from an upload stream
        assertThatThrownBy(() -> TableReaders.open(Files.newInputStream(p), "upload.xlsx", ReaderOptions.defaults()))
                .isInstanceOf(IngestException.class).hasMessageStartingWith("upload.xlsx: the workbook was refused");
        assertThat(rt.maxMemory()).isPositive();
    }

    @Test
    void rowsMissingFromWhatTheReaderYieldsFailTheFile() {
        Path p = workbook("ok.xlsx", List.of(row(1, "a", "b"), row(2, "1", "2")), 0);
        TableReader r = TableReaders.open(p, ReaderOptions.defaults());
        ((XlsxTableReader) r).expectRowsForTest(5);
        assertThatThrownBy(() -> readAll(r)).isInstanceOf(IngestException.class).satisfies(e -> {
            IngestError err = ((IngestException) e).error();
            assertThat(err.kind()).isEqualTo(IngestError.Kind.LINE_COUNT);
            assertThat(err.reason()).contains("has 5 rows but 2 were read");
        });
        r.close();
    }

    /** Access to the package-private count for the test above. */
    static final class WorkbookBoundsCheck {
        static long rows(Path p) {
            try {
                return WorkbookBounds.check(p, "x", ReaderOptions.defaults().xlsx()).rowsOfSheet("rId3");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
