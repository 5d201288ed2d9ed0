package org.olive.whatif;

import org.olive.rule.FileLineException;

/** A scenario file that cannot be used: the message names the file, the line and the reason. */
public final class ScenarioException extends FileLineException {

    public ScenarioException(String file, int line, String reason) {
        super(file, line, reason);
    }
}
