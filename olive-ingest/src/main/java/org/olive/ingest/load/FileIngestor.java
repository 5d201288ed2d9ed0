package org.olive.ingest.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.olive.ingest.mapping.ColumnBinding;
import org.olive.ingest.mapping.DatasetMapping;
import org.olive.ingest.mapping.ValidationContext;
import org.olive.ingest.reject.RowOutcome;
import org.olive.ingest.table.IngestError;
import org.olive.ingest.table.IngestException;
import org.olive.ingest.table.ReaderOptions;
import org.olive.ingest.table.Row;
import org.olive.ingest.table.SourceDescription;
import org.olive.ingest.table.TableReader;
import org.olive.ingest.table.TableReaders;

/**
 * Reads one departmental file against a dataset mapping and hands every row's outcome to a consumer, streaming.
 * It never throws for a problem of the file: file-level problems come back in the summary's
 * {@link IngestSummary#fileError()}, with the rows read before them already accounted for.
 */
public final class FileIngestor {

    private final DatasetMapping mapping;
    private final ValidationContext context;
    private final ReaderOptions options;

    /**
     * @param options the reader options, to which the mapping's {@code reader:} hints are applied
     */
    public FileIngestor(DatasetMapping mapping, ValidationContext context, ReaderOptions options) {
        this.mapping = mapping;
        this.context = context;
        this.options = mapping.reader().applyTo(options);
    }

    /** Opens, binds and reads a CSV or XLSX file. */
    public IngestSummary ingest(Path file, Consumer<RowOutcome> outcomes) {
        TableReader reader;
        try {
            reader = TableReaders.open(file, options);
        } catch (IngestException e) {
            return failed(file.getFileName().toString(), null, e.error());
        }
        try (reader) {
            return ingest(reader, outcomes);
        }
    }

    /** Binds and reads an open table; the caller closes it. */
    public IngestSummary ingest(TableReader reader, Consumer<RowOutcome> outcomes) {
        SourceDescription source = reader.source();
        ColumnBinding binding;
        try {
            binding = ColumnBinding.bind(mapping, reader.header(), source);
        } catch (IngestException e) {
            return failed(source.file(), source, e.error());
        }
        RowValidator validator = new RowValidator(source.file(), binding, reader.header().size(), context);
        long in = 0;
        long loaded = 0;
        long repaired = 0;
        long rejected = 0;
        Optional<IngestError> error = Optional.empty();
        try {
            for (Row row : reader) {
                RowOutcome outcome = validator.validate(row);
                in++;
                if (outcome instanceof RowOutcome.Loaded l) {
                    loaded++;
                    if (l.repaired()) {
                        repaired++;
                    }
                } else {
                    rejected++;
                }
                outcomes.accept(outcome);
            }
        } catch (IngestException e) {
            error = Optional.of(e.error());
        }
        return new IngestSummary(source.file(), mapping.dataset(), source, in, loaded, repaired, rejected,
                reader.stats().blankRows(), binding.unused(), error);
    }

    private IngestSummary failed(String file, SourceDescription source, IngestError error) {
        return new IngestSummary(file, mapping.dataset(), source, 0, 0, 0, 0, 0, List.of(), Optional.of(error));
    }
}
