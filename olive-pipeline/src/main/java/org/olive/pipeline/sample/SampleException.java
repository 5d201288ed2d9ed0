package org.olive.pipeline.sample;

import java.util.List;

/** A sample that cannot be analysed, with every problem found (up to the reader's limit) and the total count. */
public class SampleException extends RuntimeException {

    private final transient List<SampleError> errors;
    private final long total;

    public SampleException(List<SampleError> errors, long total) {
        super(total + (total == 1 ? " error" : " errors") + " in the sample"
                + (total > errors.size() ? " (the first " + errors.size() + " are listed)" : "") + ":\n  "
                + String.join("\n  ", errors.stream().map(SampleError::toString).toList()));
        this.errors = List.copyOf(errors);
        this.total = total;
    }

    /** The errors listed, in file and row order. */
    public List<SampleError> errors() {
        return errors;
    }

    /** All errors found, including those beyond the listing limit. */
    public long total() {
        return total;
    }
}
