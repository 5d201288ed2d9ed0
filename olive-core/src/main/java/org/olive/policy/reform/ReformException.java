package org.olive.policy.reform;

/** A reform file that cannot be used: the message names the file, the line (1-based) and the reason. */
public final class ReformException extends RuntimeException {

    private final String file;
    private final int line;
    private final String reason;

    public ReformException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based; 0 when the file could not be read at all. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
