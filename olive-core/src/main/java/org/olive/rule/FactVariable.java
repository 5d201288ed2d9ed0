package org.olive.rule;

/**
 * A fact a rule may name: its name in the expression, its type and what it means. The set of variables a rule kind
 * accepts is documented (docs/person-facts.md) and declared to the CEL compiler, so a rule naming an unknown fact is
 * rejected when it is checked, with its position.
 *
 * @param name        the name rules use (snake_case)
 * @param type        its type
 * @param description what it means and where it comes from (shown in the rule editor)
 */
public record FactVariable(String name, Type type, String description) {

    /** The types a fact may have: CEL's int, double, string, bool, list(string) and list(map(string, dyn)). */
    public enum Type { INT, DOUBLE, STRING, BOOL, STRING_LIST, RECORD_LIST }
}
