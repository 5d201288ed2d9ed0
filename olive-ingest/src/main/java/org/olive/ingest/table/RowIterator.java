package org.olive.ingest.table;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * An iterator over rows produced by a function that returns the next row or {@code null} at the end; shared by the
 * readers, which may each be iterated once.
 */
public final class RowIterator implements Iterator<Row> {

    private final Supplier<Row> advance;
    private Row next;
    private boolean done;

    public RowIterator(Supplier<Row> advance) {
        this.advance = advance;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = advance.get();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
    }
}
