package org.olive.pipeline.run;

import java.util.Map;

/** The outputs of the monthly steps that steps of other features read. */
public final class LedgerOutputs {

    /** Step registry: ID number → person_key of every person the registry knows this period. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final Output<Map<String, Long>> PERSON_KEYS = new Output<>("person keys", (Class) Map.class);

    /** Step families: whether the period's families (family_period, family_member) were built. */
    public static final Output<Boolean> FAMILIES_BUILT = new Output<>("families built", Boolean.class);

    /** Step income: whether the period's income ledger (person_income, family_income) was written. */
    public static final Output<Boolean> INCOME_BUILT = new Output<>("income built", Boolean.class);

    private LedgerOutputs() {
    }
}
