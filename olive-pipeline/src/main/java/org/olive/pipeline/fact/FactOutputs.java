package org.olive.pipeline.fact;

import org.olive.pipeline.run.Output;

/** The outputs of step {@code facts}. */
public final class FactOutputs {

    /** Step facts: the person facts of every person of the period's person_period. */
    public static final Output<PersonFacts> PERSON_FACTS = new Output<>("person facts", PersonFacts.class);

    private FactOutputs() {
    }
}
