package org.olive.pipeline.ingest;

/** An ingest run that could not complete; its changes were rolled back and the run is marked FAILED. */
public class IngestRunException extends RuntimeException {
    public IngestRunException(String message) {
        super(message);
    }

    public IngestRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
