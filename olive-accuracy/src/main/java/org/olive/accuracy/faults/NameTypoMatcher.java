package org.olive.accuracy.faults;

import java.util.List;

/**
 * NAME_TYPO: neutralised when the row's person, found by ID number, carries the true name in the registry (the person
 * registry keys on the ID, so a typo neither splits nor renames the person), or the row was rejected.
 */
final class NameTypoMatcher extends PersonRowMatcher {

    @Override
    public String type() {
        return "NAME_TYPO";
    }

    @Override
    String judge(Evidence e, Subject s) {
        if (s.registryName() != null && s.registryName().equals(s.fault().original())) {
            return "the registry keeps the true name for the row's ID";
        }
        // the presence step reads only the ID, time and direction of a crossing: a visitor's misspelt name reaches
        // nothing (a registered person's would show in the registry name, judged above)
        boolean crossing = e.mapping(s.fault()).map(m -> m.dataset().equals("crossings")).orElse(false);
        return crossing && s.personKey() == null ? "a crossing's name is not read (persons are keyed by ID)" : null;
    }

    @Override
    String note() {
        return "the row's person (by ID) keeps the true name in the registry";
    }

    @Override
    void prepare(Evidence e, List<Subject> subjects) {
        // the registry names are read with the subjects
    }

    @Override
    java.util.Set<String> flagKinds() {
        return java.util.Set.of("NAME_VARIANT");
    }
}
