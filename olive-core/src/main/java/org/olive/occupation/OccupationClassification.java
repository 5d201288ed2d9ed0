package org.olive.occupation;

import java.util.Optional;

/**
 * GB/T 6565 occupations (职业分类大典 2022): 大类 (level 1, {@code 4}), 中类 (level 2, {@code 4-03}), 小类 (level 3,
 * {@code 4-03-02}) and 细类 (level 4, {@code 4-03-02-01}), from the core reference
 * {@code /org/olive/reference/occupation_classification.csv}. The occupation ledger keeps the 中类 of a person.
 */
public final class OccupationClassification {

    private static final OccupationClassification GBT_6565 =
            new OccupationClassification(CodeTree.resource("/org/olive/reference/occupation_classification.csv"));

    private final CodeTree tree;

    private OccupationClassification(CodeTree tree) {
        this.tree = tree;
    }

    /** The built-in table (the reference file of the core). */
    public static OccupationClassification gbt6565() {
        return GBT_6565;
    }

    /** Whether the code is a GB/T 6565 code at any level. */
    public boolean isValid(String code) {
        return tree.get(code) != null;
    }

    /** Whether the code is a GB/T 6565 中类 (level 2) code. */
    public boolean isLevel2(String code) {
        CodeTree.Entry e = tree.get(code);
        return e != null && e.level() == 2;
    }

    /** The level (1–4) of a code, 0 when unknown. */
    public int level(String code) {
        CodeTree.Entry e = tree.get(code);
        return e == null ? 0 : e.level();
    }

    /** The 中类 (level 2) of a code of level 2 to 4; empty for unknown codes and 大类. */
    public Optional<String> level2(String code) {
        return Optional.ofNullable(tree.at(code, 2)).map(CodeTree.Entry::code);
    }

    public Optional<String> name(String code) {
        return Optional.ofNullable(tree.get(code)).map(CodeTree.Entry::name);
    }

    public int size() {
        return tree.size();
    }
}
