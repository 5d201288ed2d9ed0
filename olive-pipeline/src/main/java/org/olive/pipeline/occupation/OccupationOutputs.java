package org.olive.pipeline.occupation;

import org.olive.occupation.Occupation;
import org.olive.pipeline.run.Output;

import java.util.Map;

/** The outputs of step {@code occupations}. */
public final class OccupationOutputs {

    /** Step occupations: person_key → occupation of every working-age person of the period (unmodifiable). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final Output<Map<Long, Occupation>> OCCUPATIONS = new Output<>("occupations", (Class) Map.class);

    private OccupationOutputs() {
    }
}
