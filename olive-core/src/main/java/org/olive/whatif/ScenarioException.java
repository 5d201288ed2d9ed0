package org.olive.whatif;

/** A scenario file that cannot be used: the message names the file, the line and the reason. */
public final class ScenarioException extends RuntimeException {

    private final String file;
    private final int line;
    private final String reason;

    public ScenarioException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
