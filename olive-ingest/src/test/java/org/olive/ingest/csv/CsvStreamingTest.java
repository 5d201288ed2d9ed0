package org.olive.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.olive.ingest.GeneratedCsv;
import org.olive.ingest.encoding.EncodingDetector;
import org.olive.ingest.table.IngestError;
import org.olive.ingest.table.IngestException;
import org.olive.ingest.table.ReaderOptions;
import org.olive.ingest.table.Row;

/**
 * Proves streaming: the generated input is larger than the test JVM's whole heap (-Xmx256m in the surefire
 * configuration), so a reader that buffered it would fail with OutOfMemoryError.
 */
class CsvStreamingTest {

    private static final long TARGET_BYTES = 320L * 1024 * 1024;

    @Test
    void aStreamLargerThanTheHeapIsReadRowByRow() {
        long maxHeap = Runtime.getRuntime().maxMemory();
        long rows = (long) (TARGET_BYTES / GeneratedCsv.bytesPerRow(StandardCharsets.UTF_8));
        assertThat(TARGET_BYTES).as("input larger than the heap").isGreaterThan(maxHeap);
        long count = 0;
        Row last = null;
        try (CsvTableReader r = CsvTableReader.open(new GeneratedCsv(rows, StandardCharsets.UTF_8), "big.csv", ReaderOptions.defaults())) {
            assertThat(r.header().size()).isEqualTo(9);
            for (Row row : r) {
                count++;
                last = row;
            }
            assertThat(r.stats().rowsRead()).isEqualTo(rows);
        }
        assertThat(count).isEqualTo(rows);
        assertThat(last.number()).isEqualTo(rows + 1);
        assertThat(last.values()).isEqualTo(GeneratedCsv.values((int) ((rows - 1) % 997)));
    }

    @Test
    void anUnbalancedQuoteEarlyInAHugeStreamCostsOneLineWithoutExhaustingMemory() {
        InputStream head = new java.io.ByteArrayInputStream((GeneratedCsv.HEADER + "1,\"never closed\r\n").getBytes(EncodingDetector.GB18030));
        InputStream body = new GeneratedCsv(3_000_000, EncodingDetector.GB18030);
        try (CsvTableReader r = CsvTableReader.open(new SequenceInputStream(head, body), "bad.csv", ReaderOptions.defaults())) {
            long[] rows = new long[2];
            r.forEach(x -> {
                rows[0]++;
                if (x.isMalformed()) {
                    rows[1]++;
                    assertThat(x.line()).isEqualTo(2);
                    assertThat(x.malformed()).contains("line 2");
                }
            });
            assertThat(rows[0]).isEqualTo(3_000_002); // the generated stream repeats the header line: one more row
            assertThat(rows[1]).isEqualTo(1);
        }
    }
}
