package org.olive.indicator.registry;

import java.util.Arrays;
import java.util.Optional;

/** The indicator's attribute (指标属性) as written in the targets document. */
public enum Attribute {
    /** 评价指标: scored in the evaluation of the county's work. */
    EVALUATED("评价指标"),
    /** 观察指标: monitored only, not scored. */
    OBSERVED("观察指标");

    private final String chinese;

    Attribute(String chinese) {
        this.chinese = chinese;
    }

    /** The wording in the source document, e.g. 评价指标. */
    public String chinese() {
        return chinese;
    }

    /** Reads 评价指标 / 评价 / 观察指标 / 观察 or the constant's name. */
    public static Optional<Attribute> parse(String text) {
        String t = text.strip();
        return Arrays.stream(values())
                .filter(a -> a.chinese.equals(t) || a.chinese.substring(0, 2).equals(t) || a.name().equalsIgnoreCase(t))
                .findFirst();
    }
}
