package org.olive.synth.output;

import java.io.Closeable;
import java.io.IOException;
import org.olive.synth.fault.FaultInjector;
import org.olive.synth.fault.FaultType;

/**
 * Writes the rows of one extract file, cell by cell, and injects the cell-level faults (invalid and legacy
 * IDs, name typos, absurd amounts, duplicate rows) as it goes, logging each with its file, row and field.
 * Rows are numbered from 1 (the header is row 0). Subclasses write CSV or XLSX.
 */
public abstract class RowSink implements Closeable {

    protected final DatasetSpec spec;
    protected final String relPath;
    protected final FaultInjector faults;
    protected final String[] headers;
    protected long rows;
    protected int col;
    private final Runnable onClose;

    protected RowSink(DatasetSpec spec, String relPath, FaultInjector faults, Runnable onClose) {
        this.spec = spec;
        this.relPath = relPath;
        this.faults = faults;
        this.headers = spec.headers();
        this.onClose = onClose;
    }

    public DatasetSpec spec() {
        return spec;
    }

    public String relPath() {
        return relPath;
    }

    /** Data rows written so far (duplicates included). */
    public long rows() {
        return rows;
    }

    /** The 1-based number of the row being written. */
    public long currentRow() {
        return rows + 1;
    }

    /** A person's ID; may become an invalid-checksum or (if born before 2000) a 15-digit legacy ID. */
    public void id(String id, int birthYear) {
        if (faults != null && id.length() == 18) {
            if (faults.roll(FaultType.INVALID_ID_CHECKSUM)) {
                String bad = faults.breakChecksum(id);
                logFault(FaultType.INVALID_ID_CHECKSUM, id, bad);
                put(bad);
                return;
            }
            if (birthYear < 2000 && faults.roll(FaultType.LEGACY_ID_15)) {
                String old = FaultInjector.legacy15(id);
                logFault(FaultType.LEGACY_ID_15, id, old);
                put(old);
                return;
            }
        }
        put(id);
    }

    /** An 18-character ID held in a buffer (tourists); a String is made only when a fault changes it. */
    public void id(char[] id18, int birthYear) {
        if (faults != null) {
            if (faults.roll(FaultType.INVALID_ID_CHECKSUM)) {
                String id = new String(id18, 0, 18);
                String bad = faults.breakChecksum(id);
                logFault(FaultType.INVALID_ID_CHECKSUM, id, bad);
                put(bad);
                return;
            }
            if (birthYear < 2000 && faults.roll(FaultType.LEGACY_ID_15)) {
                String id = new String(id18, 0, 18);
                String old = FaultInjector.legacy15(id);
                logFault(FaultType.LEGACY_ID_15, id, old);
                put(old);
                return;
            }
        }
        putChars(id18);
    }

    /** A person's name; may get a typo. */
    public void name(String name) {
        if (faults != null && faults.roll(FaultType.NAME_TYPO)) {
            String bad = faults.typo(name);
            logFault(FaultType.NAME_TYPO, name, bad);
            put(bad);
            return;
        }
        put(name);
    }

    /** An amount in cents, written as yuan; may become absurd. */
    public void money(long cents) {
        if (faults != null && faults.roll(FaultType.ABSURD_AMOUNT)) {
            long bad = faults.absurd(cents);
            logFault(FaultType.ABSURD_AMOUNT, Text.money(cents), Text.money(bad));
            putMoney(bad);
            return;
        }
        putMoney(cents);
    }

    /** An amount without fault injection (derived figures such as counts of money in aggregates). */
    public void moneyExact(long cents) {
        putMoney(cents);
    }

    public void text(String s) {
        put(s == null ? "" : s);
    }

    public void num(long v) {
        putLong(v);
    }

    public void date(int epochDay) {
        putChars(Text.isoDate(epochDay));
    }

    /** A date, or an empty cell when {@code epochDay < 0}. */
    public void dateOrEmpty(int epochDay) {
        if (epochDay < 0) {
            put("");
        } else {
            putChars(Text.isoDate(epochDay));
        }
    }

    public void empty() {
        put("");
    }

    /** Logs a fault at the current row and column. */
    public void logFault(FaultType type, String original, String faulty) {
        faults.log().log(type, relPath, currentRow(), headers[Math.min(col, headers.length - 1)], original, faulty);
    }

    /** Logs a fault that removed a whole row: it would have been the current row. */
    public void logDroppedRow(FaultType type, String originalRowText) {
        faults.log().log(type, relPath, currentRow(), "*", originalRowText, "");
    }

    /** Ends the row; it may be written twice (duplicate-row fault). */
    public void endRow() {
        boolean dup = faults != null && faults.roll(FaultType.DUPLICATE_ROW);
        commit(dup);
        rows += dup ? 2 : 1;
        if (dup) {
            faults.log().log(FaultType.DUPLICATE_ROW, relPath, rows, "*", "", "duplicate of row " + (rows - 1));
        }
        col = 0;
    }

    protected abstract void put(String s);

    protected abstract void putChars(char[] c);

    protected abstract void putLong(long v);

    protected abstract void putMoney(long cents);

    /** Writes the current row, twice if asked. */
    protected abstract void commit(boolean twice);

    protected abstract void finish() throws IOException;

    @Override
    public final void close() throws IOException {
        finish();
        onClose.run();
    }
}
