package org.olive.ingest.mapping;

/** A mapping file that cannot be used, naming the file and the place in it. */
public class MappingException extends RuntimeException {

    public MappingException(String source, String path, String reason) {
        super(source + (path.isEmpty() ? "" : " at " + path) + ": " + reason);
    }

    public MappingException(String source, String path, String reason, Throwable cause) {
        super(source + (path.isEmpty() ? "" : " at " + path) + ": " + reason, cause);
    }
}
