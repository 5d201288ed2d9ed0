package org.olive.pipeline.policy;

import org.olive.geography.Division;
import org.olive.geography.Divisions;
import org.olive.group.GroupDefinitions;
import org.olive.policy.PolicyDefinitions;
import org.olive.policy.reform.Reform;
import org.olive.policy.reform.ReformException;
import org.olive.policy.reform.ReformLoader;

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

/**
 * The reforms of a county profile to simulate (docs/policy-simulation.md): the built-in profile's examples
 * ({@link #BUILT_IN}, resources of this package) or the {@code reforms/*.yaml} of a profile folder, each checked
 * against the profile's policies.yaml, groups and townships. {@code olive county check} reports a bad file with its line.
 */
public final class PolicySimulationReforms {

    /** The built-in examples, in this order. */
    public static final List<String> BUILT_IN = List.of("old-age-150", "dibian-2-5", "fishery-income");
    /** The folder of a profile's reforms, and the resource folder of the built-in ones. */
    public static final String FOLDER = "reforms";
    public static final String RESOURCE = "/org/olive/pipeline/policy/reforms/";

    /** What a reform is checked against: the library, the key-group ids and the township codes of the profile. */
    public record Library(PolicyDefinitions policies, Set<String> groups, Set<String> townships) {

        public static Library of(PolicyDefinitions policies, GroupDefinitions groups, Divisions divisions) {
            Set<String> ids = new HashSet<>();
            groups.groups().forEach(g -> ids.add(g.id()));
            Set<String> towns = new HashSet<>();
            for (Division d : divisions.townships()) {
                towns.add(d.code().length() == 12 ? d.code().substring(0, 9) : d.code());
            }
            return new Library(policies, Set.copyOf(ids), Set.copyOf(towns));
        }

        /** Reads a reform's text (a file's, or one pasted on the web page). */
        public Reform read(String text, String file, String defaultName) {
            return ReformLoader.read(text, file, defaultName, policies, groups, townships);
        }

        public Reform read(Path file) {
            return ReformLoader.read(file, policies, groups, townships);
        }
    }

    private PolicySimulationReforms() {
    }

    /** The built-in reform file's text. */
    public static String builtInText(String name) {
        try (InputStream in = Objects.requireNonNull(PolicySimulationReforms.class.getResourceAsStream(RESOURCE + name
                + ".yaml"), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The reforms of a profile by name: the built-in ones for the built-in profile (dir null), else the profile folder's
     * {@code reforms/*.yaml} (none when it has no such folder).
     */
    public static Map<String, Reform> of(Path profileDir, Library library) {
        Map<String, Reform> out = new LinkedHashMap<>();
        if (profileDir == null) {
            for (String n : BUILT_IN) {
                out.put(n, library.read(builtInText(n), FOLDER + "/" + n + ".yaml", n));
            }
            return out;
        }
        for (Path f : files(profileDir)) {
            Reform r = library.read(f);
            out.put(r.name(), r);
        }
        return out;
    }

    /**
     * A reform by file or by the name of one of the profile's: a path that exists is read as a file, else the name is
     * looked up among the profile's reforms.
     */
    public static Reform find(String fileOrName, Path profileDir, Library library) {
        Path p = Path.of(fileOrName);
        if (Files.isRegularFile(p)) {
            return library.read(p);
        }
        Reform r = of(profileDir, library).get(fileOrName.replaceFirst("\\.ya?ml$", ""));
        if (r == null) {
            throw new ReformException(fileOrName, 0, "no such file, nor a reform of the profile (" + String.join(", ",
                    of(profileDir, library).keySet()) + ")");
        }
        return r;
    }

    /** The problems of a profile folder's reforms: one message per bad file ({@code reforms/F.yaml:LINE: reason}). */
    public static List<String> check(Path profileDir, Library library) {
        List<String> out = new ArrayList<>();
        for (Path f : files(profileDir)) {
            try {
                library.read(f);
            } catch (ReformException e) {
                out.add(FOLDER + "/" + f.getFileName() + ":" + e.line() + ": " + e.reason());
            }
        }
        return out;
    }

    private static List<Path> files(Path profileDir) {
        return org.olive.pipeline.whatif.Scenarios.yamlFiles(profileDir, FOLDER);
    }
}
