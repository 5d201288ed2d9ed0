package org.olive.occupation;

import java.util.Optional;

/**
 * GB/T 4754-2017 industries (国民经济行业分类): 门类 (section letter, level 1), 大类 (2 digits), 中类 (3 digits) and
 * 小类 (4 digits), from the core reference {@code /org/olive/reference/industry_classification.csv}.
 */
public final class IndustryClassification {

    private static final IndustryClassification GBT_4754 =
            new IndustryClassification(CodeTree.resource("/org/olive/reference/industry_classification.csv"));

    private final CodeTree tree;

    private IndustryClassification(CodeTree tree) {
        this.tree = tree;
    }

    public static IndustryClassification gbt4754() {
        return GBT_4754;
    }

    /** Whether the code is a GB/T 4754 code at any level (section letter or 2–4 digits). */
    public boolean isValid(String code) {
        return tree.get(code) != null;
    }

    /** Whether the code is a 4-digit 小类 of GB/T 4754. */
    public boolean isClass(String code) {
        CodeTree.Entry e = tree.get(code);
        return e != null && e.level() == 4;
    }

    /** The section letter (门类, A–T) of a code, empty when unknown. */
    public Optional<String> section(String code) {
        return Optional.ofNullable(tree.at(code, 1)).map(CodeTree.Entry::code);
    }

    public Optional<String> name(String code) {
        return Optional.ofNullable(tree.get(code)).map(CodeTree.Entry::name);
    }
}
