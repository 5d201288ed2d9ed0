package org.olive.ingest.load;

import java.util.List;
import java.util.Optional;

import org.olive.ingest.table.IngestError;
import org.olive.ingest.table.SourceDescription;

/**
 * The account of one file: every data row read ends as loaded or rejected ({@code rowsIn == loaded + rejected});
 * repaired rows are loaded rows with repairs; blank rows and title rows above the header are counted apart. A file
 * that could not be read to its end carries the {@link #fileError()}; the rows before it are still accounted for.
 *
 * @param file         the file name
 * @param dataset      the dataset key
 * @param source       how the file was read (format, encoding and why), or {@code null} if it could not be opened
 * @param rowsIn       data rows read
 * @param loaded       rows loaded, repaired ones included
 * @param repaired     loaded rows with at least one repair
 * @param rejected     rows rejected
 * @param blankRows    blank rows skipped
 * @param unusedColumns header names that no field reads
 * @param fileError    the file-level error that stopped reading, if any
 */
public record IngestSummary(String file, String dataset, SourceDescription source, long rowsIn, long loaded, long repaired,
                            long rejected, long blankRows, List<String> unusedColumns, Optional<IngestError> fileError) {

    public IngestSummary {
        unusedColumns = List.copyOf(unusedColumns);
        if (rowsIn != loaded + rejected) {
            throw new IllegalStateException("rows in (" + rowsIn + ") != loaded (" + loaded + ") + rejected (" + rejected + ")");
        }
    }

    /** True when the file was read to its end (it may still have rejected rows). */
    public boolean complete() {
        return fileError.isEmpty();
    }

    /** True for a valid file with a header and no data rows (reported, not an error). */
    public boolean headerOnly() {
        return complete() && source != null && rowsIn == 0;
    }

    @Override
    public String toString() {
        String base = file + " [" + dataset + "]: " + rowsIn + " rows in, " + loaded + " loaded (" + repaired + " repaired), "
                + rejected + " rejected, " + blankRows + " blank"
                + (headerOnly() ? "; the file has a header but no data rows" : "");
        return fileError.map(e -> base + "; STOPPED: " + e).orElse(base);
    }
}
