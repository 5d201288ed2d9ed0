package org.olive.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.olive.period.Period;
import org.olive.synth.livelihood.Livelihood;
import org.olive.synth.output.Catalog;
import org.olive.synth.truth.GroupTruth;

/**
 * The truth of occupations and key groups ({@code truth/P/occupations.csv}, {@code groups.csv}; data-catalog.md §5) on
 * the small clean county (3,000 persons, no faults): the same persons as residence.csv, codes consistent, every one of
 * the 11 groups non-empty with a plausible size, and memberships that the clean extracts confirm where they carry the
 * fact.
 */
class TruthGroupsTest {

    static final Period P = Period.of(2023, 12);

    static List<String[]> rows(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    }

    static Path truth(String file) throws Exception {
        return Counties.clean().outputDir().resolve("truth").resolve(P.toString()).resolve(file);
    }

    @Test
    void occupationsListTheResidencePersonsWithConsistentCodes() throws Exception {
        assertThat(Files.readAllLines(truth("occupations.csv")).get(0))
                .isEqualTo("period,person_id,livelihood,occupation,occupation_level2,industry,employed");
        List<String> residence = rows(truth("residence.csv")).stream().map(r -> r[1]).toList();
        List<String[]> occupations = rows(truth("occupations.csv"));
        assertThat(occupations.stream().map(r -> r[1]).toList()).isEqualTo(residence);
        long coded = 0;
        long employed = 0;
        for (String[] r : occupations) {
            assertThat(r).hasSize(7);
            assertThat(r[0]).isEqualTo(P.toString());
            Livelihood l = Livelihood.valueOf(r[2]);
            assertThat(r[6]).isEqualTo(l.working() ? "1" : "0");
            if (r[3].isEmpty()) {
                assertThat(r[4]).isEmpty();
            } else {
                coded++;
                assertThat(r[3]).matches("\\d-\\d{2}-\\d{2}-\\d{2}").startsWith(r[4]);
                assertThat(r[4]).matches("\\d-\\d{2}");
                assertThat(r[5]).matches("\\d{4}");
                assertThat(l.working()).isTrue();
            }
            employed += r[6].equals("1") ? 1 : 0;
        }
        System.out.printf("occupations %s: %d persons, %d employed, %d coded%n", P, occupations.size(), employed, coded);
        assertThat(employed).isBetween(occupations.size() * 3 / 10L, occupations.size() * 8 / 10L);
        assertThat(coded).isBetween(employed * 6 / 10, employed);
    }

    @Test
    void everyGroupHasMembersOfAPlausibleSize() throws Exception {
        assertThat(Files.readAllLines(truth("groups.csv")).get(0)).isEqualTo("period,person_id,group_id");
        Set<String> persons = new HashSet<>(rows(truth("residence.csv")).stream().map(r -> r[1]).toList());
        Map<String, Integer> size = new LinkedHashMap<>();
        GroupTruth.GROUP_IDS.forEach(g -> size.put(g, 0));
        Set<String> seen = new HashSet<>();
        for (String[] r : rows(truth("groups.csv"))) {
            assertThat(r).hasSize(3);
            assertThat(r[0]).isEqualTo(P.toString());
            assertThat(persons).contains(r[1]);
            assertThat(size).containsKey(r[2]);
            assertThat(seen.add(r[1] + "/" + r[2])).as("duplicate " + r[1] + " " + r[2]).isTrue();
            size.merge(r[2], 1, Integer::sum);
        }
        System.out.println("groups " + P + " of " + persons.size() + " persons: " + size);
        assertThat(GroupTruth.GROUP_IDS).containsExactly("skilled_worker", "sme_owner", "individual_business", "graduate",
                "new_form_worker", "fisher_farmer", "hardship", "bnb_owner", "port_worker", "tourism_worker",
                "fishery_worker");
        size.forEach((g, n) -> assertThat(n).as(g).isPositive().isLessThan(persons.size() / 4));
        assertThat(size.get("skilled_worker")).isGreaterThan(persons.size() / 50);
        assertThat(size.get("individual_business")).isGreaterThanOrEqualTo(size.get("bnb_owner"));
    }

    /** Where a clean extract carries the fact, it confirms the truth: B&B owners, severe disability, platform work. */
    @Test
    void theCleanExtractsConfirmTheMembershipsTheyCarry() throws Exception {
        Map<String, Set<String>> members = new HashMap<>();
        for (String[] r : rows(truth("groups.csv"))) {
            members.computeIfAbsent(r[2], k -> new HashSet<>()).add(r[1]);
        }
        Path dir = Counties.clean().outputDir().resolve(P.toString());
        Set<String> persons = new HashSet<>(rows(truth("residence.csv")).stream().map(r -> r[1]).toList());
        // every owner of a B&B delivered this month with rooms sold is an owner of an operating B&B
        List<List<String>> bnb = Files2.xlsx(dir.resolve(Catalog.BNB.fileName(P)));
        int owner = bnb.get(0).indexOf("经营者公民身份号码");
        int nights = bnb.get(0).indexOf("入住间夜数");
        assertThat(owner).as(bnb.get(0).toString()).isNotNegative();
        int checked = 0;
        for (List<String> row : bnb.subList(1, bnb.size())) {
            // a B&B closed during the month is still delivered, without room nights
            if (persons.contains(row.get(owner)) && !row.get(nights).equals("0")) {
                checked++;
                assertThat(members.get("bnb_owner")).contains(row.get(owner));
            }
        }
        assertThat(checked).isPositive();
        // grade 1–2 disability certificates make hardship
        List<List<String>> dis = Files2.csv(dir.resolve(Catalog.DISABILITY.fileName(P)), Catalog.DISABILITY.encoding().charset());
        int grade = dis.get(0).indexOf("残疾等级");
        assertThat(grade).as(dis.get(0).toString()).isNotNegative();
        for (List<String> row : dis.subList(1, dis.size())) {
            if (persons.contains(row.get(0)) && (row.get(grade).equals("1") || row.get(grade).equals("2"))) {
                assertThat(members.get("hardship")).contains(row.get(0));
            }
        }
        // platform work is steady: most persons paid by a platform in December were paid in ≥ 3 of the 12 months
        // (the ring is kept from the first warm-up month, so the first periods have their window)
        Set<String> paidDecember = new HashSet<>();
        List<List<String>> pw = Files2.xlsx(dir.resolve(Catalog.PLATFORM_WORK.fileName(P)));
        for (List<String> row : pw.subList(1, pw.size())) {
            paidDecember.add(row.get(0));
        }
        long both = paidDecember.stream().filter(members.get("new_form_worker")::contains).count();
        assertThat(both).isGreaterThan(paidDecember.size() * 8 / 10L);
    }
    /**
     * The definitions settled in docs/groups.md: a college graduate now enrolled in (or admitted to) further study is a
     * student, not a recent graduate; a port or tourism worker is at work at P (paid a wage this month: a seasonal
     * migrant outside the season is no employee at P).
     */
    @Test
    void graduatesInFurtherStudyAndOffSeasonWorkersAreNotMembers() throws Exception {
        Map<String, Set<String>> members = new HashMap<>();
        for (String[] r : rows(truth("groups.csv"))) {
            members.computeIfAbsent(r[2], k -> new HashSet<>()).add(r[1]);
        }
        Path dir = Counties.clean().outputDir().resolve(P.toString());
        List<List<String>> edu = Files2.xlsx(dir.resolve(Catalog.EDUCATION.fileName(P)));
        int level = edu.get(0).indexOf("学段");
        int status = edu.get(0).indexOf("就业状态");
        assertThat(level).as(edu.get(0).toString()).isNotNegative();
        assertThat(status).as(edu.get(0).toString()).isNotNegative();
        Set<String> college = Set.of("专科", "本科", "研究生");
        int students = 0;
        int graduates = 0;
        for (List<String> row : edu.subList(1, edu.size())) {
            if (!college.contains(row.get(level))) {
                continue;
            }
            if (row.get(status).equals("在读") || row.get(status).equals("升学")) {
                students++;
                assertThat(members.get("graduate")).as(row.toString()).doesNotContain(row.get(0));
            } else {
                graduates++;
                assertThat(members.get("graduate")).as(row.toString()).contains(row.get(0));
            }
        }
        assertThat(students).isPositive();
        assertThat(graduates).isPositive();
        Map<String, Double> wage = new HashMap<>();
        for (String[] r : rows(truth("incomes.csv"))) {
            wage.put(r[1], Double.parseDouble(r[4]));
        }
        for (String g : List.of("port_worker", "tourism_worker")) {
            for (String id : members.get(g)) {
                assertThat(wage.get(id)).as(g + " " + id + " paid at " + P).isPositive();
            }
        }
    }
}
