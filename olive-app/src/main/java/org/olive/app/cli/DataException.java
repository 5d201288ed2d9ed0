package org.olive.app.cli;

/** A problem with input data (or an output location) that stops a run; mapped to exit code 3. */
public class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
