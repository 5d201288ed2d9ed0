package org.olive.pipeline.indicator;

/** Where an indicator value comes from. Stored by name. */
public enum ValueSource {
    /** Computed by a pipeline metric (the indicator's {@code computed_by}). */
    COMPUTED,
    /** Entered by hand in the web application. */
    ENTERED
}
