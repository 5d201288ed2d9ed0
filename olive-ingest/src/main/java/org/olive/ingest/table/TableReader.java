package org.olive.ingest.table;

import java.io.Closeable;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A streaming source of rows from one table (a CSV file or a worksheet), read once, front to back, with bounded
 * memory. The header is read when the reader is opened; iteration yields the data rows, skipping blank rows
 * (which are counted in {@link #stats()}).
 *
 * <p>Problems with the file as a whole are thrown as {@link IngestException}, also from the iterator; problems
 * with single values are the caller's to judge, row by row.
 */
public interface TableReader extends Closeable, Iterable<Row> {

    /** The header row's column names. */
    Header header();

    /** Format, encoding and delimiter, with the reason for each choice. */
    SourceDescription source();

    /** Rows read and blank rows skipped so far. */
    ReadStats stats();

    /** An iterator over the data rows; may be called once. */
    @Override
    Iterator<Row> iterator();

    /** The data rows as a sequential stream; closing the stream does not close the reader. */
    default Stream<Row> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Closes the underlying file; never throws a checked exception. */
    @Override
    void close();
}
