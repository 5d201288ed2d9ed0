package org.olive.rule;

import java.util.List;

/** A rule that does not compile: names the rule and lists each problem with its line and column. */
public final class RuleException extends RuntimeException {

    private final String rule;
    private final List<String> problems;

    public RuleException(String rule, List<String> problems) {
        super("rule " + rule + ": " + String.join("; ", problems));
        this.rule = rule;
        this.problems = List.copyOf(problems);
    }

    /** The rule's name (e.g. {@code groups.yaml: skilled_worker v2}). */
    public String rule() {
        return rule;
    }

    /** Each problem, as {@code line L, column C: message}. */
    public List<String> problems() {
        return problems;
    }
}
