package org.olive.policy.reform;

import org.olive.rule.FileLineException;

/** A reform file that cannot be used: the message names the file, the line (1-based) and the reason. */
public final class ReformException extends FileLineException {

    public ReformException(String file, int line, String reason) {
        super(file, line, reason);
    }
}
