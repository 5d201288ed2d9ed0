package org.olive.pipeline.ledger;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The faults the generator injected into one period's files, from its {@code truth/faults.csv}, keyed by file name
 * and source row as ingestion numbers them (the generator counts data rows from 1 below the header, ingestion counts
 * spreadsheet rows with the header as row 1, so ingestion's row is the generator's plus one).
 */
final class MatchCountyTruth {

    /** One injected fault: its type and the original (true) value. */
    record Fault(String type, String field, String original, String faulty) {
    }

    private MatchCountyTruth() {
    }

    static Map<String, Fault> faults(Path county, String period) throws IOException {
        Map<String, Fault> out = new HashMap<>();
        try (Reader r = Files.newBufferedReader(county.resolve("truth/faults.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                String file = rec.get("file");
                if (!file.startsWith(period + "/")) {
                    continue;
                }
                long row = Long.parseLong(rec.get("row"));
                out.put(key(file.substring(period.length() + 1), row + 1),
                        new Fault(rec.get("fault_type"), rec.get("field"), rec.get("original_value"), rec.get("faulty_value")));
            }
        }
        return out;
    }

    static String key(String fileName, long sourceRow) {
        return fileName + "#" + sourceRow;
    }
}
