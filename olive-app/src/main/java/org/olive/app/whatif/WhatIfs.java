package org.olive.app.whatif;

import org.olive.geography.Division;
import org.olive.pipeline.county.CountyProfile;
import org.olive.pipeline.fact.PersonFactsReader;
import org.olive.pipeline.whatif.Scenarios;
import org.olive.pipeline.whatif.WhatIf;
import org.olive.whatif.Scenario;
import org.olive.whatif.ScenarioLoader;
import org.olive.whatif.Vocabulary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The what-if of a county profile (docs/whatif.md), shared by {@code olive whatif} and the /whatif page: the engine
 * with the profile's income rules, warning rules and person-facts reader, its scenarios and the names of its townships
 * and groups.
 */
public final class WhatIfs {

    private final CountyProfile profile;
    private final Vocabulary vocabulary;

    public WhatIfs(CountyProfile profile) {
        this.profile = profile;
        this.vocabulary = Scenarios.vocabulary(profile.divisions(), profile.groups());
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public WhatIf engine() {
        return new WhatIf(profile.income().family(), profile.warnings(), profile.vulnerability(),
                PersonFactsReader.of(profile.occupation(), profile.divisions()).only(WhatIf.FACTS)::read);
    }

    /**
     * The profile's example scenarios: its folder's scenarios/*.yaml, or the built-in ones (the built-in profile, or a
     * folder without scenarios/).
     */
    public Map<String, Scenario> examples() {
        Path dir = profile.dir();
        if (dir != null && Files.isDirectory(dir.resolve(Scenarios.FOLDER))) {
            return Scenarios.of(dir, vocabulary);
        }
        return Scenarios.of(null, vocabulary);
    }

    /** A scenario by file path, or by the name of an example. Empty when neither. */
    public Optional<Scenario> scenario(String fileOrName) {
        Path p = Path.of(fileOrName);
        if (Files.isRegularFile(p)) {
            return Optional.of(ScenarioLoader.read(p, vocabulary));
        }
        return Optional.ofNullable(examples().get(fileOrName));
    }

    /** Township code (9 digits) → short name. */
    public Map<String, String> townshipNames() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Division d : profile.divisions().townships()) {
            out.put(d.code().length() == 12 ? d.code().substring(0, 9) : d.code(), d.name());
        }
        return out;
    }

    /** Group id → Chinese name. */
    public Map<String, String> groupNames() {
        Map<String, String> out = new LinkedHashMap<>();
        profile.groups().groups().forEach(g -> out.put(g.id(), g.nameZh()));
        return out;
    }
}
