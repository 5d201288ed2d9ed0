package org.olive.pipeline.run;

import java.util.Objects;

/**
 * A typed output of a monthly step: the key under which the step publishes a value in the {@link StepContext} and
 * later steps read it. Outputs are compared by identity: declare each once, as a constant of the publishing feature
 * (or of {@link LedgerOutputs} when steps of other features read it).
 *
 * @param name the output's name, for messages
 * @param type the type of the value
 */
public record Output<T>(String name, Class<T> type) {

    public Output {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
