package org.olive.pipeline.whatif;

import org.olive.geography.Division;
import org.olive.geography.Divisions;
import org.olive.group.GroupDefinitions;
import org.olive.whatif.Scenario;
import org.olive.whatif.ScenarioException;
import org.olive.whatif.ScenarioLoader;
import org.olive.whatif.Vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The example scenarios of a county profile (docs/whatif.md): the built-in profile's ({@link #BUILT_IN}, resources of
 * this package) or the {@code scenarios/*.yaml} of a profile folder, validated against the profile's vocabulary.
 */
public final class Scenarios {

    /** The built-in examples, in this order. */
    public static final List<String> BUILT_IN = List.of("moratorium", "typhoon", "dibao-raise");

    /** The folder of a profile's scenarios, and the resource folder of the built-in ones. */
    public static final String FOLDER = "scenarios";
    public static final String RESOURCE = "/org/olive/pipeline/whatif/scenarios/";

    private Scenarios() {
    }

    /** What the profile's scenarios may name: the income sources, its groups, its townships and villages. */
    public static Vocabulary vocabulary(Divisions divisions, GroupDefinitions groups) {
        Set<String> areas = new HashSet<>();
        for (Division d : divisions.townships()) {
            areas.add(d.code().length() == 12 ? d.code().substring(0, 9) : d.code());
        }
        for (Division d : divisions.villages()) {
            areas.add(d.code());
        }
        Set<String> ids = new HashSet<>();
        groups.groups().forEach(g -> ids.add(g.id()));
        return new Vocabulary(WhatIf.SOURCES, ids, areas);
    }

    /** The built-in scenario file's text. */
    public static String builtInText(String name) {
        try (InputStream in = Objects.requireNonNull(Scenarios.class.getResourceAsStream(RESOURCE + name + ".yaml"),
                name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The scenarios of a profile by name: the built-in ones for the built-in profile (dir null), else the profile
     * folder's {@code scenarios/*.yaml} (none when it has no such folder).
     */
    public static Map<String, Scenario> of(Path profileDir, Vocabulary vocabulary) {
        Map<String, Scenario> out = new LinkedHashMap<>();
        if (profileDir == null) {
            for (String n : BUILT_IN) {
                out.put(n, ScenarioLoader.read(builtInText(n), FOLDER + "/" + n + ".yaml", n, vocabulary));
            }
            return out;
        }
        for (Path f : files(profileDir)) {
            Scenario s = ScenarioLoader.read(f, vocabulary);
            out.put(s.name(), s);
        }
        return out;
    }

    /** The problems of a profile folder's scenarios: one message per bad file (file:line: reason). */
    public static List<String> check(Path profileDir, Vocabulary vocabulary) {
        List<String> out = new ArrayList<>();
        for (Path f : files(profileDir)) {
            try {
                ScenarioLoader.read(f, vocabulary);
            } catch (ScenarioException e) {
                out.add(FOLDER + "/" + f.getFileName() + ":" + e.line() + ": " + e.reason());
            }
        }
        return out;
    }

    private static List<Path> files(Path profileDir) {
        return yamlFiles(profileDir, FOLDER);
    }

    /**
     * The {@code *.yaml} files of a profile's optional folder (scenarios/, reforms/), sorted; none when the folder is
     * absent.
     */
    public static List<Path> yamlFiles(Path profileDir, String folder) {
        Path dir = profileDir.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
