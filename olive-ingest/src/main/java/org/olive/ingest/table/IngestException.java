package org.olive.ingest.table;

/**
 * A file-level problem that stops reading a file: empty file, corrupt workbook, unbalanced quote, undecodable
 * bytes, missing columns. It always names the file, the row when known, and a reason meant for the person who
 * supplied the file; the cause (if any) is kept for the log, never shown instead of the reason.
 */
public class IngestException extends RuntimeException {

    private final transient IngestError error;

    public IngestException(IngestError error) {
        this(error, null);
    }

    public IngestException(IngestError error, Throwable cause) {
        super(error.toString(), cause);
        this.error = error;
    }

    /** The structured error: file, row (0 when unknown), kind and reason. */
    public IngestError error() {
        return error;
    }
}
