package org.olive.family;

/**
 * Builds a period's families from the hukou snapshot and the civil registers (domain.md §6), with stable keys and
 * the conflicts it meets. Stateless and thread-safe; linear in the size of its input.
 */
public final class FamilyBuilder {

    private final FamilyRules rules;

    public FamilyBuilder(FamilyRules rules) {
        this.rules = rules;
    }

    public FamilyLedger build(FamilyInput input) {
        throw new UnsupportedOperationException("not built yet");
    }
}
