package org.olive.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.olive.ingest.GeneratedCsv;
import org.olive.ingest.table.ReaderOptions;
import org.olive.ingest.table.Row;
import org.olive.ingest.table.TableReader;
import org.olive.ingest.table.TableReaders;

/**
 * Writes a ~2 GB CSV file under the temporary directory and streams it with a 256 MB heap. Not part of the default
 * build: run with {@code ./mvnw -B -pl olive-ingest -am verify -Pslow}.
 */
@Tag("slow")
class TwoGigabyteCsvSlowTest {

    private static final long TARGET_BYTES = 2L * 1024 * 1024 * 1024;

    @Test
    void aTwoGigabyteFileStreamsWithBoundedMemory() throws IOException {
        long rows = (long) (TARGET_BYTES / GeneratedCsv.bytesPerRow(StandardCharsets.UTF_8));
        Path file = Files.createTempFile("olive-2gb-", ".csv");
        try {
            try (InputStream in = new GeneratedCsv(rows, StandardCharsets.UTF_8)) {
                Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(Files.size(file)).isGreaterThan(TARGET_BYTES - 1024 * 1024);
            long count = 0;
            long peakUsed = 0;
            Runtime rt = Runtime.getRuntime();
            try (TableReader r = TableReaders.open(file, ReaderOptions.defaults())) {
                for (Row row : r) {
                    count++;
                    if ((count & 0xFFFFF) == 0) {
                        peakUsed = Math.max(peakUsed, rt.totalMemory() - rt.freeMemory());
                    }
                }
            }
            assertThat(count).isEqualTo(rows);
            assertThat(peakUsed).isLessThan(rt.maxMemory());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
