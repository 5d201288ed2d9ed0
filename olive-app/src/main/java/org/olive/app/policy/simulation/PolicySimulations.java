package org.olive.app.policy.simulation;

import org.olive.geography.Division;
import org.olive.period.Period;
import org.olive.pipeline.county.CountyProfile;
import org.olive.pipeline.fact.PersonFactsReader;
import org.olive.pipeline.policy.PolicyRuleVersions;
import org.olive.pipeline.policy.PolicySimulation;
import org.olive.pipeline.policy.PolicySimulationReforms;
import org.olive.pipeline.policy.PolicySubjectsReader;
import org.olive.policy.PolicyDefinitions;
import org.olive.policy.reform.Reform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The policy simulation of a county profile (docs/policy-simulation.md), shared by {@code olive simulate} and the
 * /policies/simulate page: the profile's library and reforms, the reader of the subjects with the profile's rules, and
 * the names of its townships and groups.
 */
public final class PolicySimulations {

    /** How many of the largest gains and losses an outcome lists. */
    public static final int LARGEST = 20;

    private final CountyProfile profile;
    private final PolicySimulationReforms.Library library;

    public PolicySimulations(CountyProfile profile) {
        this.profile = profile;
        this.library = PolicySimulationReforms.Library.of(profile.policies(), profile.groups(), profile.divisions());
    }

    public PolicySimulationReforms.Library library() {
        return library;
    }

    /**
     * The profile's reforms: its folder's reforms/*.yaml, or the built-in ones (the built-in profile, or a folder
     * without reforms/).
     */
    public Map<String, Reform> reforms() {
        Path dir = profile.dir();
        if (dir != null && Files.isDirectory(dir.resolve(PolicySimulationReforms.FOLDER))) {
            return PolicySimulationReforms.of(dir, library);
        }
        return PolicySimulationReforms.of(null, library);
    }

    /** A reform by file path, or by the name of one of the profile's. Empty when neither. */
    public Optional<Reform> reform(String fileOrName) {
        Path p = Path.of(fileOrName);
        if (Files.isRegularFile(p)) {
            return Optional.of(library.read(p));
        }
        return Optional.ofNullable(reforms().get(fileOrName));
    }

    /**
     * The subjects of a period as the tables a run left give them; no families when the period has no ledger. The
     * last subjects read are kept while their key ({@link PolicySubjectsReader#stamp}: the period's last run and the
     * saved tag versions) is unchanged: reading them is most of a simulation (30–47 s on the default county,
     * docs/benchmarks.md), and a policy officer tries several reforms on one period. A kept read reports 0 ms.
     */
    public PolicySimulation.Input read(Connection c, Period p) throws SQLException {
        String key = PolicySubjectsReader.stamp(c, p);
        synchronized (this) {
            if (key.equals(keptKey)) {
                PolicySimulation.Input k = kept;
                return new PolicySimulation.Input(k.period(), k.persons(), k.families(), k.rows(), k.stored(), 0);
            }
        }
        PolicySubjectsReader reader = new PolicySubjectsReader(PersonFactsReader.of(profile.occupation(),
                profile.divisions()), profile.tags(), profile.income().family(), profile.vulnerability());
        PolicySimulation.Input input = PolicySimulation.Input.of(reader.read(c, p));
        synchronized (this) {
            keptKey = key;
            kept = input;
        }
        return input;
    }

    private String keptKey;
    private PolicySimulation.Input kept;

    /**
     * Simulates a reform over the subjects of a period: the baseline is the library step policies used, the profile's
     * policies.yaml with the versions saved from the policy editor laid over it (PolicyRuleVersions).
     */
    public PolicySimulation.Result run(Connection c, Reform reform, Period p) throws SQLException {
        PolicySimulation.Input input = read(c, p);
        PolicyDefinitions library = PolicyRuleVersions.overlay(c, profile.policies());
        return new PolicySimulation(profile.income().family()).run(library, reform, input, LARGEST);
    }

    /** Township code (9 digits) → short name, and group id → Chinese name: the names the outcome's keys show as. */
    public Map<String, String> names() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Division d : profile.divisions().townships()) {
            out.put(d.code().length() == 12 ? d.code().substring(0, 9) : d.code(), d.name());
        }
        profile.groups().groups().forEach(g -> out.put(g.id(), g.nameZh()));
        return out;
    }
}
