package org.olive.accuracy;

import org.olive.pipeline.figure.RunFigure;
import org.olive.period.Period;
import org.olive.pipeline.ledger.LedgerResult;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accuracy of a period's ledgers against the synthetic county's ground truth ({@code truth/YYYY-MM/residence.csv}
 * and {@code families.csv}, written by olive-synth): precision and recall of resident status over everyone we
 * classify, the resident count, the share of true
 * families reproduced exactly, and same-family pair precision and recall. Our side is the period's stored ledger
 * (person_period, family_member), read back from the database. Only the command line and tests use the truth.
 */
public final class TruthAccuracy {

    private TruthAccuracy() {
    }

    /**
     * The truth folder of the period: {@code explicit/P}, {@code explicit/truth/P} or {@code explicit} itself when it
     * holds residence.csv; without an explicit folder, {@code countyDir/truth/P}. Null when there is none.
     */
    public static Path locate(Path explicit, Path countyDir, Period period) {
        String p = period.toString();
        if (explicit != null) {
            for (Path d : List.of(explicit.resolve(p), explicit.resolve("truth").resolve(p), explicit)) {
                if (Files.isRegularFile(d.resolve("residence.csv"))) {
                    return d;
                }
            }
            return null;
        }
        if (countyDir != null) {
            Path d = countyDir.resolve("truth").resolve(p);
            return Files.isRegularFile(d.resolve("residence.csv")) ? d : null;
        }
        return null;
    }

    /**
     * The period's stored ledger against the truth folder of the period: residents of person_period, and the families of
     * family_member when the period has families.
     */
    static List<RunFigure> compare(Connection c, String p, Path truthDir) throws SQLException {
        Set<String> resident = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.id_number FROM person_period pp JOIN person p "
                + "ON p.person_key = pp.person_key WHERE pp.data_period = ? AND pp.resident = TRUE")) {
            ps.setString(1, p);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    resident.add(rs.getString(1));
                }
            }
        }
        Map<String, List<String>> ours = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.family_key, p.id_number FROM family_member m "
                + "JOIN person p ON p.person_key = m.person_key WHERE m.data_period = ?")) {
            ps.setString(1, p);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ours.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return compare(truthDir, resident, ours.isEmpty() ? null : ours);
    }

    /**
     * @param resident the ID numbers we list as resident
     * @param ours     our families (key → member ID numbers), or null when families were not built
     */
    static List<RunFigure> compare(Path truthDir, Set<String> resident, Map<String, List<String>> ours) {
        List<RunFigure> out = new ArrayList<>();
        Set<String> trueResident = new HashSet<>();
        Set<String> inTruth = new HashSet<>();
        Path residence = truthDir.resolve("residence.csv");
        read(residence, List.of("person_id", "resident"), r -> {
            inTruth.add(r[0]);
            if ("1".equals(r[1])) {
                trueResident.add(r[0]);
            }
        });
        out.addAll(residence(resident, trueResident, inTruth.size(), residence.getFileName().toString()));
        if (ours == null) {
            return out;
        }
        // true families: those with a registered or resident member (the others are migrants who are not here)
        Map<String, Set<String>> trueFamilies = new HashMap<>();
        Map<String, Boolean> relevant = new HashMap<>();
        Path families = truthDir.resolve("families.csv");
        read(families, List.of("family_id", "person_id", "hukou_no", "resident"), r -> {
            trueFamilies.computeIfAbsent(r[0], k -> new HashSet<>()).add(r[1]);
            if (!r[2].isEmpty() || "1".equals(r[3])) {
                relevant.put(r[0], true);
            }
        });
        trueFamilies.keySet().retainAll(relevant.keySet());
        Map<String, String> trueFamilyOf = new HashMap<>();
        trueFamilies.forEach((f, members) -> members.forEach(m -> trueFamilyOf.put(m, f)));
        Set<Set<String>> ourSets = new HashSet<>();
        Map<String, String> ourFamilyOf = new HashMap<>();
        ours.forEach((k, members) -> {
            ourSets.add(new HashSet<>(members));
            members.forEach(m -> ourFamilyOf.put(m, k));
        });
        long exact = 0;
        for (Set<String> members : trueFamilies.values()) {
            if (ourSets.contains(members)) {
                exact++;
            }
        }
        out.add(RunFigure.of("family_exact", "", exact, trueFamilies.size(),
                "true families (with a registered or resident member) that we reproduce with exactly the same members / "
                        + "those true families"));
        // pairs among persons known to both sides
        long ourPairs = 0;
        long ourTruePairs = 0;
        for (List<String> members : ours.values()) {
            List<String> known = members.stream().filter(trueFamilyOf::containsKey).toList();
            ourPairs += pairs(known.size());
            ourTruePairs += samePairs(known, trueFamilyOf);
        }
        long truePairs = 0;
        long trueFoundPairs = 0;
        for (Set<String> members : trueFamilies.values()) {
            List<String> known = members.stream().filter(ourFamilyOf::containsKey).toList();
            truePairs += pairs(members.size());
            trueFoundPairs += samePairs(known, ourFamilyOf);
        }
        out.add(RunFigure.of("family_pair_precision", "", ourTruePairs, ourPairs,
                "pairs of persons in one of our families who are in one true family / pairs in our families "
                        + "(persons present in both)"));
        out.add(RunFigure.of("family_pair_recall", "", trueFoundPairs, truePairs,
                "pairs of persons in one true family whom we also put in one family / pairs in the true families"));
        return out;
    }

    /**
     * Residence accuracy over everyone we classify: a person we list as resident (常住) who is not resident in the truth
     * is a false positive, whether the truth lists them as not resident or does not list them at all (a visitor, or
     * a migrant who left: the truth lists only persons of the county). And the resident count against the truth's.
     *
     * @param resident     the persons we list as resident
     * @param trueResident the residents of the truth
     * @param truthPersons how many persons the truth lists (for the notes)
     */
    static List<RunFigure> residence(Set<String> resident, Set<String> trueResident, long truthPersons,
                                               String source) {
        long both = 0;
        for (String id : resident) {
            if (trueResident.contains(id)) {
                both++;
            }
        }
        long falsePositives = resident.size() - both;
        List<RunFigure> out = new ArrayList<>();
        out.add(RunFigure.of("residence_precision", "", both, resident.size(),
                "persons we list as resident (常住) who are resident in the truth / all persons we list as resident; "
                        + falsePositives + " false residents (not resident in the truth, or not in it at all: visitors, "
                        + "migrants who left)"));
        out.add(RunFigure.of("residence_recall", "", both, trueResident.size(),
                "residents of the truth whom we list as resident / residents of the truth (" + source + ", "
                        + truthPersons + " persons listed)"));
        long diff = resident.size() - (long) trueResident.size();
        out.add(RunFigure.of("resident_count", "", resident.size(), trueResident.size(),
                "our residents (常住人口) / the truth's: " + resident.size() + " vs " + trueResident.size() + ", "
                        + (diff >= 0 ? "+" : "") + diff + " ("
                        + (trueResident.isEmpty() ? "n/a" : String.format(java.util.Locale.ROOT, "%+.2f%%",
                        100.0 * diff / trueResident.size())) + " relative error)"));
        return out;
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }

    private static long samePairs(Collection<String> members, Map<String, String> groupOf) {
        Map<String, Long> count = new HashMap<>();
        for (String m : members) {
            count.merge(groupOf.get(m), 1L, Long::sum);
        }
        long s = 0;
        for (long n : count.values()) {
            s += pairs(n);
        }
        return s;
    }

    interface Row {
        void accept(String[] values);
    }

    /** Reads the named columns of a plain CSV (no quoted fields, as the generator writes it). */
    static void read(Path file, List<String> columns, Row row) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + ": empty file, expected a header with " + columns);
            }
            List<String> names = List.of(header.strip().split(","));
            int[] idx = new int[columns.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = names.indexOf(columns.get(i));
                if (idx[i] < 0) {
                    throw new IllegalArgumentException(file + ": missing column '" + columns.get(i) + "' (header " + names + ")");
                }
            }
            String line;
            long n = 1;
            String[] out = new String[idx.length];
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                for (int i = 0; i < idx.length; i++) {
                    if (idx[i] >= f.length) {
                        throw new IllegalArgumentException(file + " row " + n + ": expected " + names.size()
                                + " fields, found " + f.length);
                    }
                    out[i] = f[idx[i]].strip();
                }
                row.accept(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
