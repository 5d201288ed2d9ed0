package org.olive.pipeline.ledger;

import java.util.List;

/** Test access to the standard run's planned step names. */
public final class StandardRunAccess {

    private StandardRunAccess() {
    }

    public static List<String> plannedStepNames() {
        return StandardRun.plannedStepNames();
    }
}
