package org.olive.accuracy;

import org.olive.pipeline.figure.RunFigure;
import org.olive.pipeline.ledger.LedgerResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy of the occupation ledger (person_occupation, issue 13) against the generator's truth
 * ({@code occupations.csv}: the simulated occupation 细类, its 中类, the industry and whether the person works), over
 * <em>every</em> person the ledger lists for the period: a person the truth does not list counts as wrong. Figures
 * (area '' unless said):
 * <ul>
 *   <li>{@code occupation_level2_precision}: coded persons whose GB/T 6565 中类 is the true one / coded persons; with
 *       area = a source (CERTIFICATE, EMPLOYER …), the same over that source's coded persons;</li>
 *   <li>{@code occupation_level2_recall}: truly working persons of working age ({@value #MIN_AGE}–{@value #MAX_AGE} at the
 *       period's last day, from the ID number) with a true occupation whom the ledger codes with the true 中类 / those
 *       persons (absent from the ledger = missed);</li>
 *   <li>{@code occupation_coverage}: coded rows / rows of the ledger;</li>
 *   <li>{@code occupation_unknown_share}: truly working persons of working age whom the ledger leaves without a code (a
 *       row with no code, or no row) / truly working persons of working age (informal workers included: the truth
 *       has no code for them, so an unknown there is not an error of the code, but it is a gap of the ledger);</li>
 *   <li>{@code occupation_detail_precision}: rows with a level-4 detail (细类) equal to the simulated one / rows with a
 *       level-4 detail;</li>
 *   <li>{@code occupation_industry_precision} and {@code occupation_industry_division_precision}: rows with an industry
 *       whose 4-digit GB/T 4754 小类 (resp. 2-digit division) is the true one / rows with an industry.</li>
 * </ul>
 * Only the command line and tests use the truth.
 */
final class OccupationTruthAccuracy {

    static final int MIN_AGE = 16;
    static final int MAX_AGE = 64;
    static final String PRECISION = "occupation_level2_precision";

    private OccupationTruthAccuracy() {
    }

    /** One person of the truth: level-2 code ("" when none), 细类, industry, works. */
    record True(String level2, String detail, String industry, boolean employed) {
    }

    /** Whether the ledger has rows for the period (the occupation step ran). */
    static boolean hasLedger(Connection c, String period) throws SQLException {
        return TruthAccuracyStep.hasRows(c, "person_occupation", period);
    }

    static List<RunFigure> compare(Connection c, String period, Path truthDir) throws SQLException {
        List<RunFigure> out = new ArrayList<>();
        Path file = truthDir.resolve("occupations.csv");
        if (!Files.isRegularFile(file)) {
            return out;
        }
        Map<String, True> truth = new HashMap<>();
        TruthAccuracy.read(file, List.of("person_id", "occupation", "occupation_level2", "industry", "employed"),
                r -> truth.put(r[0], new True(r[2], r[1], r[3], "1".equals(r[4]))));
        LocalDate end = org.olive.period.Period.parse(period).lastDay();
        long rows = 0;
        long coded = 0;
        long right = 0;
        long detailed = 0;
        long detailRight = 0;
        long withIndustry = 0;
        long industryRight = 0;
        long divisionRight = 0;
        Map<String, long[]> bySource = new TreeMap<>();
        Map<String, String> ours = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.id_number, o.occupation_code, o.occupation_detail, "
                + "o.industry_code, o.source FROM person_occupation o JOIN person p ON p.person_key = o.person_key "
                + "WHERE o.data_period = ?")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    String id = rs.getString(1);
                    String code = trim(rs.getString(2));
                    String detail = trim(rs.getString(3));
                    String industry = trim(rs.getString(4));
                    True t = truth.get(id);
                    ours.put(id, code);
                    if (code != null) {
                        coded++;
                        boolean ok = t != null && code.equals(t.level2());
                        right += ok ? 1 : 0;
                        long[] s = bySource.computeIfAbsent(rs.getString(5), k -> new long[2]);
                        s[0] += ok ? 1 : 0;
                        s[1]++;
                    }
                    if (detail != null && detail.length() >= 10) {
                        detailed++;
                        detailRight += t != null && detail.equals(t.detail()) ? 1 : 0;
                    }
                    if (industry != null) {
                        withIndustry++;
                        industryRight += t != null && industry.equals(t.industry()) ? 1 : 0;
                        divisionRight += t != null && t.industry().length() >= 2 && industry.length() >= 2
                                && industry.substring(0, 2).equals(t.industry().substring(0, 2)) ? 1 : 0;
                    }
                }
            }
        }
        long working = 0;
        long workingCoded = 0;
        long workingFound = 0;
        long unknown = 0;
        for (Map.Entry<String, True> e : truth.entrySet()) {
            True t = e.getValue();
            int age = age(e.getKey(), end);
            if (!t.employed() || age < MIN_AGE || age > MAX_AGE) {
                continue;
            }
            working++;
            String code = ours.get(e.getKey());
            unknown += code == null ? 1 : 0;
            if (!t.level2().isEmpty()) {
                workingCoded++;
                workingFound += t.level2().equals(code) ? 1 : 0;
            }
        }
        out.add(RunFigure.of(PRECISION, "", right, coded,
                "persons the ledger codes whose GB/T 6565 中类 is the simulated one / persons the ledger codes (persons "
                        + "the truth does not list count as wrong)"));
        out.add(RunFigure.of("occupation_level2_recall", "", workingFound, workingCoded,
                "truly working persons aged " + MIN_AGE + "–" + MAX_AGE + " with a simulated occupation whom the ledger "
                        + "codes with its 中类 / those persons"));
        out.add(RunFigure.of("occupation_coverage", "", coded, rows,
                "rows of person_occupation with an occupation code / rows of person_occupation"));
        out.add(RunFigure.of("occupation_unknown_share", "", unknown, working,
                "truly working persons aged " + MIN_AGE + "–" + MAX_AGE + " without a code in the ledger (no code or no "
                        + "row) / truly working persons aged " + MIN_AGE + "–" + MAX_AGE + " (informal work included)"));
        out.add(RunFigure.of("occupation_detail_precision", "", detailRight, detailed,
                "rows whose level-4 detail (细类) is the simulated occupation / rows with a level-4 detail"));
        out.add(RunFigure.of("occupation_industry_precision", "", industryRight, withIndustry,
                "rows whose GB/T 4754 小类 (4 digits) is the simulated industry / rows with an industry"));
        out.add(RunFigure.of("occupation_industry_division_precision", "", divisionRight, withIndustry,
                "rows whose GB/T 4754 division (2 digits) is the simulated industry's / rows with an industry"));
        bySource.forEach((source, s) -> out.add(RunFigure.of(PRECISION, source, s[0], s[1],
                "persons coded from source " + source + " whose 中类 is the simulated one / persons coded from it")));
        return out;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Age at a day from an 18-digit ID number's birth date, -1 when it has none. */
    static int age(String id, LocalDate day) {
        if (id == null || id.length() != 18) {
            return -1;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            return Period.between(birth, day).getYears();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
