package org.olive.pipeline.county;

import org.olive.geography.CountyArea;
import org.olive.geography.Divisions;
import org.olive.indicator.registry.IndicatorRegistry;
import org.olive.indicator.registry.RegistryLoader;
import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.DatasetMapping;
import org.olive.ingest.mapping.MappingLoader;
import org.olive.occupation.OccupationRules;
import org.olive.pipeline.editing.EditingSettings;
import org.olive.pipeline.income.IncomeSettings;
import org.olive.pipeline.ingest.DatasetSettings;
import org.olive.pipeline.ingest.IngestChecks;
import org.olive.pipeline.ingest.PeriodIngest;
import org.olive.pipeline.ledger.LedgerSettings;
import org.olive.pipeline.occupation.OccupationSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A county profile: everything that describes a county, as files a county edits without code (docs/county-profile.md).
 *
 * <pre>
 * county.yaml                       code, name, city, province
 * divisions.csv                     code,name,level,parent_code,urban_rural_code (townships, villages, urban-rural class)
 * divisions_urban_rural_2016.csv    optional: an older vintage giving the class where the current codes lack it
 * boundaries.geojson                optional: township boundaries for the map
 * township_centers.csv              optional: township centres for the map
 * mappings/DATASET.yaml             how the county's departments name their columns and code their values
 * datasets.yaml                     ingestion: deliveries, plausible ranges, collapse checks
 * ledger.yaml                       residence, family and registry rules
 * income.yaml                       income parameters; lines (低保, 低边, 特困) and brackets by validity date; estimation
 * editing.yaml                      the editing rules of amounts
 * indicators.yaml                   the indicator registry
 * occupation.yaml                   the occupation ledger's rules and the person facts' windows
 * groups.yaml                       the key groups (7+4): dated CEL rules over the person facts, and the tiers
 * tags.yaml                         the tag system: person and family tags as dated CEL rules
 * warnings.yaml                     the warning colours: dated CEL rules over the family facts, and their parameters
 * vulnerability.yaml                the vulnerability model's dated parameters (horizon, training, floor)
 * policies.yaml                     the policy library: dated CEL eligibility rules and amount formulas
 * </pre>
 *
 * The built-in profile is {@code shengsi}; {@code olive county init DIR} writes an editable copy of it and
 * {@code olive county check DIR} validates one. A profile folder is complete: nothing of the built-in profile is
 * mixed into it (a county without a department simply has no mapping for its dataset).
 */
public record CountyProfile(String name, Path dir, CountyArea area, List<DatasetMapping> mappings,
                            Map<String, DatasetSettings> datasets, IngestChecks checks, LedgerSettings ledger,
                            IncomeSettings income, EditingSettings editing, IndicatorRegistry registry,
                            OccupationRules occupation, org.olive.group.GroupDefinitions groups,
                            org.olive.tag.TagDefinitions tags, org.olive.warning.WarningDefinitions warnings,
                            org.olive.vulnerability.VulnerabilitySettings vulnerability,
                            org.olive.policy.PolicyDefinitions policies) {

    public static final String BUILT_IN = "shengsi";

    /** A problem of a profile: the file, and what is wrong (naming the key). */
    public record Problem(String file, String reason) {
        @Override
        public String toString() {
            return file + ": " + reason;
        }
    }

    /** A profile that cannot be loaded, with every problem found. */
    public static final class ProfileException extends RuntimeException {
        private final List<Problem> problems;

        public ProfileException(Path dir, List<Problem> problems) {
            super("county profile " + dir + " has " + problems.size() + " problem(s):\n  "
                    + String.join("\n  ", problems.stream().map(Problem::toString).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** The files of a profile: name in the folder → resource of the built-in profile. Optional ones may be absent. */
    private static final Map<String, String> FILES = new LinkedHashMap<>();
    private static final List<String> OPTIONAL = List.of(CountyArea.URBAN_RURAL_FILE, "boundaries.geojson",
            "township_centers.csv");

    static {
        FILES.put(CountyArea.COUNTY_FILE, "/org/olive/geography/shengsi-county.yaml");
        FILES.put(CountyArea.DIVISIONS_FILE, "/org/olive/reference/shengsi_divisions.csv");
        FILES.put(CountyArea.URBAN_RURAL_FILE, "/org/olive/reference/shengsi_divisions_2016_urban_rural.csv");
        FILES.put("boundaries.geojson", "/org/olive/reference/shengsi.geojson");
        FILES.put("township_centers.csv", "/org/olive/reference/shengsi_township_centers.csv");
        FILES.put("datasets.yaml", "/org/olive/pipeline/ingest/datasets.yaml");
        FILES.put("ledger.yaml", "/org/olive/pipeline/ledger/ledger.yaml");
        FILES.put("income.yaml", "/org/olive/pipeline/income/income.yaml");
        FILES.put("editing.yaml", "/org/olive/pipeline/editing/editing.yaml");
        FILES.put("indicators.yaml", "/" + RegistryLoader.BUILT_IN);
        FILES.put("occupation.yaml", OccupationSettings.RESOURCE);
        FILES.put("groups.yaml", org.olive.pipeline.group.GroupSettings.RESOURCE);
        FILES.put("tags.yaml", org.olive.pipeline.tag.TagSettings.RESOURCE);
        FILES.put("warnings.yaml", org.olive.pipeline.warning.WarningSettings.RESOURCE);
        FILES.put("vulnerability.yaml", org.olive.pipeline.vulnerability.VulnerabilitySettingsFile.RESOURCE);
        FILES.put("policies.yaml", org.olive.pipeline.policy.PolicySettings.RESOURCE);
        for (String d : BuiltInMappings.DATASETS) {
            FILES.put("mappings/" + d + ".yaml", "/org/olive/ingest/mapping/" + d + ".yaml");
        }
        // the what-if's example scenarios (docs/whatif.md): optional, validated when present
        for (String n : org.olive.pipeline.whatif.Scenarios.BUILT_IN) {
            String f = org.olive.pipeline.whatif.Scenarios.FOLDER + "/" + n + ".yaml";
            FILES.put(f, org.olive.pipeline.whatif.Scenarios.RESOURCE + n + ".yaml");
        }
        // the policy simulation's example reforms (docs/policy-simulation.md): optional, validated when present
        for (String n : org.olive.pipeline.policy.PolicySimulationReforms.BUILT_IN) {
            FILES.put(org.olive.pipeline.policy.PolicySimulationReforms.FOLDER + "/" + n + ".yaml",
                    org.olive.pipeline.policy.PolicySimulationReforms.RESOURCE + n + ".yaml");
        }
    }

    private static boolean optional(String file) {
        return OPTIONAL.contains(file) || file.startsWith(org.olive.pipeline.whatif.Scenarios.FOLDER + "/")
                || file.startsWith(org.olive.pipeline.policy.PolicySimulationReforms.FOLDER + "/");
    }

    public Divisions divisions() {
        return area.divisions();
    }

    /**
     * Ingestion with the profile's mappings, dataset settings, checks and divisions; the 一卡通 disbursements' policy
     * codes are checked against the policies of policies.yaml paid through them ({@link #SUBSIDY_POLICY_CODES}).
     */
    public PeriodIngest periodIngest(javax.sql.DataSource dataSource) {
        return new PeriodIngest(dataSource, mappings, datasets, org.olive.ingest.table.ReaderOptions.defaults(),
                java.time.Clock.systemDefaultZone()).checks(checks).divisions(area.divisions())
                .referenceCodes(org.olive.policy.PolicyDefinitions.Receipts.SUBSIDY, "policy_code", subsidyPolicyCodes(),
                        SUBSIDY_POLICY_CODES);
    }

    /**
     * What the policy codes of subsidy_payment are checked against, as a refusal says it: a code of policies.yaml
     * whose receipts are the 一卡通 disbursements (低保, paid through the assistance register, is not one of them, so
     * a 低保 row in the disbursements cannot be counted twice).
     */
    public static final String SUBSIDY_POLICY_CODES = "a policy of policies.yaml paid through subsidy_payment";

    /** The codes of the profile's policies paid through the 一卡通 disbursements (subsidy_payment). */
    public java.util.Set<String> subsidyPolicyCodes() {
        java.util.Set<String> codes = new java.util.LinkedHashSet<>();
        for (org.olive.policy.PolicyDefinitions.Policy p : policies.policies()) {
            if (p.receipts() == null || !p.receipts().fromAssistance()) {
                codes.add(p.code());
            }
        }
        return codes;
    }

    /** The monthly run with the profile's parameters, divisions and registry. */
    public org.olive.pipeline.ledger.LedgerRun ledgerRun(javax.sql.DataSource dataSource,
                                                         java.util.function.Consumer<String> progress) {
        return org.olive.pipeline.ledger.LedgerRun.withSettings(dataSource, ledger, income, editing, area.divisions(),
                registry, occupation, progress).groups(groups).tags(tags).warnings(warnings)
                .vulnerability(vulnerability).cases(cases()).policies(policies);
    }

    /** The parameters of the assistance cases: the {@code cases:} section of the profile's warnings.yaml. */
    public org.olive.assistance.CaseDefinitions cases() {
        return dir == null ? org.olive.pipeline.assistance.CaseSettings.builtIn()
                : CASES.computeIfAbsent(dir.toAbsolutePath().normalize(),
                        d -> org.olive.pipeline.assistance.CaseSettings.load(d.resolve("warnings.yaml")));
    }

    private static final Map<Path, org.olive.assistance.CaseDefinitions> CASES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The built-in profile (Shengsi). */
    public static CountyProfile builtIn() {
        return BuiltIn.PROFILE;
    }

    private static final class BuiltIn {
        static final CountyProfile PROFILE = new CountyProfile(BUILT_IN, null, CountyArea.shengsi(), BuiltInMappings.all(),
                DatasetSettings.builtIn(), IngestChecks.builtIn(), LedgerSettings.builtIn(), IncomeSettings.builtIn(),
                EditingSettings.builtIn(), RegistryLoader.builtIn(), OccupationSettings.builtIn(),
                org.olive.pipeline.group.GroupSettings.builtIn(), org.olive.pipeline.tag.TagSettings.builtIn(),
                org.olive.pipeline.warning.WarningSettings.builtIn(),
                org.olive.pipeline.vulnerability.VulnerabilitySettingsFile.builtIn(),
                org.olive.pipeline.policy.PolicySettings.builtIn());
    }

    /** The profile of a folder, or the built-in one for null. */
    public static CountyProfile of(Path dir) {
        return dir == null ? builtIn() : load(dir);
    }

    /** Loads a profile folder; every problem found is reported at once ({@link ProfileException}). */
    public static CountyProfile load(Path dir) {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            throw new ProfileException(dir, List.of(new Problem(dir.toString(), "not a folder")));
        }
        for (String f : FILES.keySet()) {
            if (!f.startsWith("mappings/") && !optional(f) && !Files.isRegularFile(dir.resolve(f))) {
                problems.add(new Problem(f, "missing (olive county init DIR writes a complete profile to edit)"));
            }
        }
        CountyArea area = part(problems, CountyArea.COUNTY_FILE, () -> CountyArea.load(dir));
        if (area == null && !problems.isEmpty()) {
            // CountyArea names the file it failed on (county.yaml or divisions.csv) at the start of its message
            Problem last = problems.get(problems.size() - 1);
            for (String f : List.of(CountyArea.DIVISIONS_FILE, CountyArea.COUNTY_FILE)) {
                if (last.reason().startsWith(f + ": ")) {
                    problems.set(problems.size() - 1, new Problem(f, last.reason().substring(f.length() + 2)));
                }
            }
        }
        List<DatasetMapping> mappings = new ArrayList<>();
        Path mdir = dir.resolve("mappings");
        if (!Files.isDirectory(mdir)) {
            problems.add(new Problem("mappings/", "missing: the folder of the county's dataset mappings"));
        } else {
            try (Stream<Path> s = Files.list(mdir)) {
                for (Path m : s.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
                    String file = "mappings/" + m.getFileName();
                    DatasetMapping dm = part(problems, file, () -> MappingLoader.load(m));
                    if (dm != null) {
                        part(problems, file, () -> {
                            PeriodIngest.checkMapping(dm);
                            return dm;
                        });
                        if (mappings.stream().anyMatch(x -> x.dataset().equals(dm.dataset()))) {
                            problems.add(new Problem(file, "dataset: " + dm.dataset() + " has another mapping in mappings/"));
                        }
                        mappings.add(dm);
                    }
                }
            } catch (IOException e) {
                problems.add(new Problem("mappings/", "cannot list: " + e.getMessage()));
            }
        }
        Map<String, DatasetSettings> datasets = part(problems, "datasets.yaml", () -> DatasetSettings.load(dir.resolve("datasets.yaml")));
        IngestChecks checks = part(problems, "datasets.yaml", () -> IngestChecks.load(dir.resolve("datasets.yaml")));
        LedgerSettings ledger = part(problems, "ledger.yaml", () -> LedgerSettings.load(dir.resolve("ledger.yaml")));
        IncomeSettings income = part(problems, "income.yaml", () -> IncomeSettings.load(dir.resolve("income.yaml")));
        EditingSettings editing = part(problems, "editing.yaml", () -> EditingSettings.load(dir.resolve("editing.yaml")));
        if (income != null && area != null) {
            problems.addAll(unknownAreas(income, area.divisions()));
        }
        IndicatorRegistry registry = part(problems, "indicators.yaml", () -> {
            try {
                return RegistryLoader.load(dir.resolve("indicators.yaml"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        OccupationRules occupation = part(problems, "occupation.yaml",
                () -> OccupationSettings.load(dir.resolve("occupation.yaml")));
        org.olive.group.GroupDefinitions groups = part(problems, "groups.yaml",
                () -> org.olive.pipeline.group.GroupSettings.load(dir.resolve("groups.yaml")));
        org.olive.tag.TagDefinitions tags = part(problems, "tags.yaml",
                () -> org.olive.pipeline.tag.TagSettings.load(dir.resolve("tags.yaml")));
        org.olive.warning.WarningDefinitions warnings = part(problems, "warnings.yaml",
                () -> org.olive.pipeline.warning.WarningSettings.load(dir.resolve("warnings.yaml")));
        org.olive.vulnerability.VulnerabilitySettings vulnerability = part(problems, "vulnerability.yaml",
                () -> org.olive.pipeline.vulnerability.VulnerabilitySettingsFile.load(dir.resolve("vulnerability.yaml")));
        org.olive.policy.PolicyDefinitions policies = part(problems, "policies.yaml",
                () -> org.olive.pipeline.policy.PolicySettings.load(dir.resolve("policies.yaml")));
        if (policies != null && area != null && groups != null) {
            problems.addAll(unknownTargets(policies, groups, area.divisions()));
        }
        if (area != null && groups != null) {
            // scenarios/*.yaml: every file with its line and reason
            for (String m : org.olive.pipeline.whatif.Scenarios.check(dir,
                    org.olive.pipeline.whatif.Scenarios.vocabulary(area.divisions(), groups))) {
                int colon = m.indexOf(':');
                problems.add(new Problem(m.substring(0, colon), "line " + m.substring(colon + 1)));
            }
        }
        if (policies != null && area != null && groups != null) {
            // reforms/*.yaml: every file with its line and reason
            for (String m : org.olive.pipeline.policy.PolicySimulationReforms.check(dir,
                    org.olive.pipeline.policy.PolicySimulationReforms.Library.of(policies, groups, area.divisions()))) {
                int colon = m.indexOf(':');
                problems.add(new Problem(m.substring(0, colon), "line " + m.substring(colon + 1)));
            }
        }
        org.olive.assistance.CaseDefinitions cases = part(problems, "warnings.yaml",
                () -> org.olive.pipeline.assistance.CaseSettings.load(dir.resolve("warnings.yaml")));
        if (cases != null) {
            CASES.put(dir.toAbsolutePath().normalize(), cases);
        }
        if (!problems.isEmpty()) {
            // the loaders prefix their messages with the file's path; the problem names the file already
            List<Problem> clean = problems.stream().map(p -> new Problem(p.file(), p.reason()
                    .replace(dir.resolve(p.file()).toString() + ": ", "").replace(dir.resolve(p.file()).toString(), p.file())))
                    .toList();
            throw new ProfileException(dir, clean);
        }
        String name = Objects.requireNonNullElse(area.profile(), "").isBlank() ? dir.getFileName().toString() : area.profile();
        return new CountyProfile(name, dir, area, mappings, datasets, checks, ledger, income, editing, registry,
                occupation, groups, tags, warnings, vulnerability, policies);
    }

    /** The policies' target groups that are not groups of groups.yaml, and areas that are not townships. */
    static List<Problem> unknownTargets(org.olive.policy.PolicyDefinitions policies, org.olive.group.GroupDefinitions groups,
                                        org.olive.geography.Divisions divisions) {
        List<Problem> out = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        groups.groups().forEach(g -> ids.add(g.id()));
        for (org.olive.policy.PolicyDefinitions.Policy p : policies.policies()) {
            for (String g : p.targetGroups()) {
                if (!ids.contains(g)) {
                    out.add(new Problem("policies.yaml", p.code() + ".target_groups: '" + g + "' is not a group of groups.yaml"));
                }
            }
            for (String a : p.areas()) {
                org.olive.geography.Division d = divisions.get(a + "000");
                if (d == null || d.level() != org.olive.geography.Division.Level.TOWNSHIP) {
                    out.add(new Problem("policies.yaml", p.code() + ".areas: " + a + " is not a township of divisions.csv"));
                }
            }
        }
        return out;
    }

    /** The lines' figures whose area (a township or village code) is not one of the profile's divisions. */
    static List<Problem> unknownAreas(IncomeSettings income, org.olive.geography.Divisions divisions) {
        List<Problem> out = new ArrayList<>();
        org.olive.income.IncomeLines l = income.family().lines();
        for (org.olive.income.DatedFigures f : java.util.Arrays.asList(l.dibao(), l.dibian(), l.tekun(), l.wageTier())) {
            if (f == null) {
                continue;
            }
            for (org.olive.income.DatedFigures.Figure x : f.figures()) {
                String code = x.area().divisionCode();
                if (code == null) {
                    continue;
                }
                org.olive.geography.Division d = divisions.get(code.length() == 9 ? code + "000" : code);
                org.olive.geography.Division.Level want = code.length() == 9 ? org.olive.geography.Division.Level.TOWNSHIP
                        : org.olive.geography.Division.Level.VILLAGE;
                if (d == null || d.level() != want) {
                    out.add(new Problem("income.yaml", x.key() + ".area: " + code + " is not a "
                            + want.name().toLowerCase(java.util.Locale.ROOT) + " of divisions.csv"));
                }
            }
        }
        return out;
    }

    /** The problems of a profile folder; empty when it loads. */
    public static List<Problem> check(Path dir) {
        try {
            load(dir);
            return List.of();
        } catch (ProfileException e) {
            return e.problems();
        }
    }

    private static <T> T part(List<Problem> problems, String file, Supplier<T> load) {
        if (problems.stream().anyMatch(p -> p.file().equals(file) && p.reason().startsWith("missing"))) {
            return null; // already reported as missing
        }
        try {
            return load.get();
        } catch (RuntimeException e) {
            problems.add(new Problem(file, reason(e)));
            return null;
        }
    }

    /** The message of a loader's failure, without the path it prefixes (the problem names the file). */
    private static String reason(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e.getCause() != null && e.getCause().getMessage() != null && m.startsWith("cannot read")) {
            m = e.getCause().getMessage();
        }
        return m;
    }

    /** Writes an editable copy of the built-in profile into {@code dir} (which must not hold a profile yet). */
    public static List<Path> writeBuiltIn(Path dir) {
        if (Files.exists(dir.resolve(CountyArea.COUNTY_FILE))) {
            throw new IllegalArgumentException(dir.resolve(CountyArea.COUNTY_FILE) + " exists: init writes a new profile "
                    + "and does not overwrite one");
        }
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<String, String> f : FILES.entrySet()) {
                Path target = dir.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                try (InputStream in = Objects.requireNonNull(CountyProfile.class.getResourceAsStream(f.getValue()),
                        f.getValue())) {
                    Files.copy(in, target);
                }
                written.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the profile to " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }
}
