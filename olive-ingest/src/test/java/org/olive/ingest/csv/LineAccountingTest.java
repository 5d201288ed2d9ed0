package org.olive.ingest.csv;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;
import org.olive.ingest.table.IngestError;

import static org.assertj.core.api.Assertions.assertThat;

/** The independent count of physical lines that every CSV file is checked against (issue 11, item 1). */
class LineAccountingTest {

    private static long lines(String text) throws IOException {
        try (CountingReader r = new CountingReader(new StringReader(text))) {
            char[] buf = new char[3];
            while (r.read(buf, 0, buf.length) >= 0) {
                // counting only
            }
            return r.lines();
        }
    }

    @Test
    void crLfAndCrlfEachEndOneLineAndALastLineWithoutBreakCounts() throws IOException {
        assertThat(lines("")).isZero();
        assertThat(lines("a")).isEqualTo(1);
        assertThat(lines("a\n")).isEqualTo(1);
        assertThat(lines("a\r\nb\rc\n\n")).isEqualTo(4);
        assertThat(lines("a\r\nb")).isEqualTo(2);
    }

    @Test
    void aShortfallIsAnErrorNamingBothCounts() {
        assertThat(CsvTableReader.lineCountError("f.csv", 4956, 4956)).isNull();
        IngestError e = CsvTableReader.lineCountError("f.csv", 4956, 3);
        assertThat(e.kind()).isEqualTo(IngestError.Kind.LINE_COUNT);
        assertThat(e.toString()).startsWith("f.csv: ").contains("4956 lines but 3 were read");
    }
}
