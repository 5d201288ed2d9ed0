package org.olive.pipeline.family;

import org.olive.family.Family;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Built families against the generator's true families (truth/YYYY-MM/families.csv), over the persons present in
 * both: the share of true families whose member set is reproduced exactly, and pairwise same-family precision and
 * recall (over all pairs of persons placed in the same family).
 */
record TruthComparison(int trueFamilies, int exact, long truePairs, long builtPairs, long commonPairs,
                       int untouchedFamilies, int untouchedExact, int builtNotInTruth, List<String> examples) {

    /** Exact share among the true families none of whose hukou rows the ingest rejected. */
    double untouchedExactShare() {
        return untouchedFamilies == 0 ? 1 : (double) untouchedExact / untouchedFamilies;
    }

    double exactShare() {
        return trueFamilies == 0 ? 1 : (double) exact / trueFamilies;
    }

    double precision() {
        return builtPairs == 0 ? 1 : (double) commonPairs / builtPairs;
    }

    double recall() {
        return truePairs == 0 ? 1 : (double) commonPairs / truePairs;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d true families, exact %.4f (%d wrong); pairs precision %.5f "
                + "recall %.5f; exact among the %d families untouched by rejected rows %.4f; %d built members not in the "
                + "truth", trueFamilies, exactShare(), trueFamilies - exact, precision(), recall(), untouchedFamilies,
                untouchedExactShare(), builtNotInTruth);
    }

    static Map<String, String> readTruth(Path familiesCsv) {
        Map<String, String> family = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(familiesCsv);
            List<String> header = List.of(lines.get(0).split(","));
            int fi = header.indexOf("family_id");
            int pi = header.indexOf("person_id");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                family.put(f[pi], f[fi]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return family;
    }

    /** Compares over the persons that are both in the truth and in a built family. */
    static TruthComparison compare(Map<String, String> truth, List<Family> built, Set<String> hukousWithRejects) {
        Map<String, String> mine = new HashMap<>();
        Set<String> touched = new HashSet<>();
        int notInTruth = 0;
        for (Family f : built) {
            for (Family.Member m : f.members()) {
                mine.put(m.personId(), f.familyKey());
                if (!truth.containsKey(m.personId())) {
                    notInTruth++;
                }
                if (f.hukouNo() != null && hukousWithRejects.contains(f.hukouNo())) {
                    touched.add(m.personId());
                }
            }
        }
        Map<String, Set<String>> trueSets = new HashMap<>();
        Map<String, Set<String>> mySets = new HashMap<>();
        for (Map.Entry<String, String> e : truth.entrySet()) {
            String mk = mine.get(e.getKey());
            if (mk == null) {
                continue;
            }
            trueSets.computeIfAbsent(e.getValue(), k -> new HashSet<>()).add(e.getKey());
            mySets.computeIfAbsent(mk, k -> new HashSet<>()).add(e.getKey());
        }
        int exact = 0;
        int untouched = 0;
        int untouchedExact = 0;
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : trueSets.entrySet()) {
            Set<String> t = e.getValue();
            Set<String> m = mySets.get(mine.get(t.iterator().next()));
            boolean clean = t.stream().noneMatch(touched::contains) && m.stream().noneMatch(touched::contains);
            if (clean) {
                untouched++;
            }
            if (t.equals(m)) {
                exact++;
                untouchedExact += clean ? 1 : 0;
            } else if (examples.size() < 15 && clean) {
                examples.add(e.getKey() + " true " + t + " built " + m);
            }
        }
        long truePairs = 0;
        for (Set<String> s : trueSets.values()) {
            truePairs += (long) s.size() * (s.size() - 1) / 2;
        }
        long builtPairs = 0;
        long common = 0;
        for (Set<String> s : mySets.values()) {
            builtPairs += (long) s.size() * (s.size() - 1) / 2;
            Map<String, Integer> byTrue = new HashMap<>();
            for (String p : s) {
                byTrue.merge(truth.get(p), 1, Integer::sum);
            }
            for (int n : byTrue.values()) {
                common += (long) n * (n - 1) / 2;
            }
        }
        return new TruthComparison(trueSets.size(), exact, truePairs, builtPairs, common, untouched, untouchedExact, notInTruth,
                examples);
    }
}
