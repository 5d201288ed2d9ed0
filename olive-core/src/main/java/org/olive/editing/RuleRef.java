package org.olive.editing;

/**
 * The identity of an editing rule as recorded with every edit: an id (e.g. {@code IIT-TAX}) and the version of its
 * parameters, raised whenever its logic or defaults change so that an edit can be traced to the rule that made it.
 */
public record RuleRef(String id, int version) {

    public RuleRef {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a rule needs an id");
        }
        if (version < 1) {
            throw new IllegalArgumentException("rule " + id + ": version must be at least 1");
        }
    }

    @Override
    public String toString() {
        return id + " v" + version;
    }
}
