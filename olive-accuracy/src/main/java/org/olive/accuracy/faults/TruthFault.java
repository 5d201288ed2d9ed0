package org.olive.accuracy.faults;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code truth/faults.csv} (docs/data-catalog.md §4), with the file split into its period folder and file
 * name and the row in the ingest's numbering (the header is row 1; the log counts data rows from 1).
 *
 * @param field the Chinese header of the faulty cell, {@code *} for the whole row, {@code (encoding)} for a file
 */
public record TruthFault(String type, String period, String file, long row, String field, String original, String faulty) {

    /** The faults of the periods from..to (folder names yyyy-MM compare as text). */
    public static List<TruthFault> read(Path faultsCsv, String from, String to) throws IOException {
        List<TruthFault> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(faultsCsv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String path = r.get("file");
                int slash = path.indexOf('/');
                String period = slash < 0 ? "" : path.substring(0, slash);
                if (period.compareTo(from) < 0 || period.compareTo(to) > 0) {
                    continue;
                }
                out.add(new TruthFault(r.get("fault_type"), period, path.substring(slash + 1), Long.parseLong(r.get("row")) + 1,
                        r.get("field"), r.get("original_value"), r.get("faulty_value")));
            }
        }
        return out;
    }

    /** file:row field original → faulty, for the lists of undetected faults. */
    public String describe() {
        return period + "/" + file + ":" + row + " " + field + " " + clip(original) + " → " + clip(faulty);
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }
}
