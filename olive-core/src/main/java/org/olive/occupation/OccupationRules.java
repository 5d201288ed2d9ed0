package org.olive.occupation;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of the occupation ledger (职业一本账) and the windows of the person facts, as the county profile's
 * {@code occupation.yaml} gives them (docs/occupations.md, docs/person-facts.md). No value is a Java constant:
 * {@link #read} checks every one and reports all problems at once, each with its key.
 *
 * @param version            the rules' version, stored with every person_occupation row
 * @param employmentMonths   the trailing months of social insurance that make an employment current (person facts)
 * @param graduationMonths   how far back the education register's earlier deliveries are read for graduations
 * @param employmentInsurance the insurance types (GB codes as mapped: 110 …) that are employment; resident schemes are not
 * @param workingAge         who gets an occupation row
 * @param precedence         the evidence sources in the order they decide (the first with evidence wins)
 * @param confidence         the confidence of each source, plus CERTIFICATE_WITHOUT_WORK and EMPLOYER_UNCLASSIFIED
 * @param activityMonths     per monthly source (PLATFORM, FISHERY, AQUACULTURE, BNB, PENSION): trailing months that count
 * @param managerKinds       market-entity kinds whose operator is a manager (企事业单位负责人), not a worker of the industry
 * @param managerOccupation  the 中类 of such a manager
 * @param pensionTypes       the benefit types that mean retired
 * @param targets            what a source gives: keys VESSEL_OWNER, CREW, AQUACULTURE, BNB and PLATFORM:KIND
 * @param industryOccupations GB/T 4754 prefix → the most likely 中类 of an employee (the longest prefix wins)
 * @param industryFallback   the 中类 of an employee whose industry is unknown or matches no prefix
 */
public record OccupationRules(String version, int employmentMonths, int graduationMonths, Set<String> employmentInsurance,
                              WorkingAge workingAge,
                              List<OccupationSource> precedence, Map<String, Double> confidence,
                              Map<OccupationSource, Integer> activityMonths, Set<String> managerKinds,
                              String managerOccupation, Set<String> pensionTypes, Map<String, Target> targets,
                              Map<String, String> industryOccupations, String industryFallback) {

    /** The confidence keys beyond the sources. */
    public static final String CERTIFICATE_WITHOUT_WORK = "CERTIFICATE_WITHOUT_WORK";
    public static final String EMPLOYER_UNCLASSIFIED = "EMPLOYER_UNCLASSIFIED";

    /** What a kind of activity tells: the 中类, the finest code (or null) and the GB/T 4754 小类 (or null). */
    public record Target(String occupation, String detail, String industry) {
    }

    /**
     * Working age, inclusive: from {@code from} to {@code to} of the person's sex ("M"/"F"); a person of unknown sex
     * uses the highest upper bound, a person of unknown age (−1) is not of working age.
     */
    public record WorkingAge(int from, Map<String, Integer> to) {
        public WorkingAge {
            to = Map.copyOf(to);
        }

        public boolean contains(String sex, int age) {
            if (age < 0 || age < from) {
                return false;
            }
            Integer upper = sex == null ? null : to.get(sex);
            int max = upper != null ? upper : to.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
            return age <= max;
        }
    }

    public OccupationRules {
        employmentInsurance = Set.copyOf(employmentInsurance);
        precedence = List.copyOf(precedence);
        confidence = Map.copyOf(confidence);
        activityMonths = Collections.unmodifiableMap(new EnumMap<>(activityMonths));
        managerKinds = Set.copyOf(managerKinds);
        pensionTypes = Set.copyOf(pensionTypes);
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        industryOccupations = Collections.unmodifiableMap(new LinkedHashMap<>(industryOccupations));
    }

    /** The confidence of a source (or of CERTIFICATE_WITHOUT_WORK, EMPLOYER_UNCLASSIFIED). */
    public double confidence(String key) {
        Double c = confidence.get(key);
        if (c == null) {
            throw new IllegalArgumentException("no confidence for " + key);
        }
        return c;
    }

    /** The trailing months that count for a monthly source. */
    public int months(OccupationSource s) {
        Integer m = activityMonths.get(s);
        if (m == null) {
            throw new IllegalArgumentException("no activity_months for " + s);
        }
        return m;
    }

    /** The 中类 of an employee of an industry (4-digit GB/T 4754 class), by the longest matching prefix. */
    public String occupationOfIndustry(String industry) {
        if (industry == null) {
            return industryFallback;
        }
        for (int n = industry.length(); n >= 2; n--) {
            String code = industryOccupations.get(industry.substring(0, n));
            if (code != null) {
                return code;
            }
        }
        return industryFallback;
    }

    /** Whether the industry has its own entry (a prefix) rather than the fallback. */
    public boolean classifies(String industry) {
        if (industry == null) {
            return false;
        }
        for (int n = industry.length(); n >= 2; n--) {
            if (industryOccupations.containsKey(industry.substring(0, n))) {
                return true;
            }
        }
        return false;
    }

    // ----------------------------------------------------------------------------------------------- loading

    static final Set<String> TOP_KEYS = Set.of("version", "facts", "working_age", "precedence", "confidence",
            "activity_months", "business", "pension", "targets", "industry_occupations", "industry_fallback");
    static final List<OccupationSource> MONTHLY = List.of(OccupationSource.PLATFORM, OccupationSource.FISHERY,
            OccupationSource.AQUACULTURE, OccupationSource.BNB, OccupationSource.PENSION);
    static final List<String> FIXED_TARGETS = List.of("VESSEL_OWNER", "CREW", "AQUACULTURE", "BNB");

    /** The rules of a file; errors name the file, the key and the reason. */
    public static OccupationRules read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The rules of a YAML stream; {@code source} (the file) prefixes the error, which lists every problem. */
    public static OccupationRules read(InputStream in, String source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": not YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + ": expected a map with the keys " + new java.util.TreeSet<>(TOP_KEYS));
        }
        List<String> problems = new ArrayList<>();
        OccupationRules rules = new RulesReader(problems).read(map);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + String.join("; ", problems));
        }
        return rules;
    }
}
