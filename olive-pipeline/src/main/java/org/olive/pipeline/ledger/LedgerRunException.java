package org.olive.pipeline.ledger;

/** A ledger run that could not be done or failed; the period keeps the rows of its previous successful run. */
public class LedgerRunException extends RuntimeException {
    public LedgerRunException(String message) {
        super(message);
    }

    public LedgerRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
