package org.olive.family;

import org.olive.identity.IdNumber;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test fixture: hukou members and register records written the way the ingest hands them to the builder. */
final class Households {

    static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);
    private static final AtomicInteger SEQ = new AtomicInteger(100);

    final List<HukouMember> hukou = new ArrayList<>();
    final List<String> migrants = new ArrayList<>();
    final List<CivilRecords.Marriage> marriages = new ArrayList<>();
    final List<CivilRecords.Birth> births = new ArrayList<>();
    final List<CivilRecords.Death> deaths = new ArrayList<>();
    final Map<String, String> previous = new HashMap<>();
    final Map<String, String> resolutions = new HashMap<>();
    private int next = 1;

    /** A valid ID number for a person born on {@code birth}. */
    static String id(String birth, boolean male) {
        return IdNumber.compose("330922", LocalDate.parse(birth), SEQ.incrementAndGet() % 1000, male).value();
    }

    /** Adds a NORMAL member and returns its ID number. */
    String member(String hukouNo, String code, String sex, String birth, String marital) {
        String id = id(birth, "M".equals(sex));
        hukou.add(row(id, hukouNo, code, sex, birth, marital, "NORMAL"));
        return id;
    }

    HukouMember row(String id, String hukouNo, String code, String sex, String birth, String marital, String status) {
        return new HukouMember(id, "成员" + (hukou.size() + 1), hukouNo, code, sex, LocalDate.parse(birth), marital,
                "330922100001", status, null, "户籍人口_202503.csv 第" + (hukou.size() + 2) + "行");
    }

    void marriage(String husband, String wife, String date) {
        marriages.add(new CivilRecords.Marriage(husband, wife, false, LocalDate.parse(date),
                "婚姻登记_202503.xlsx 第" + (marriages.size() + 2) + "行"));
    }

    void divorce(String husband, String wife, String date) {
        marriages.add(new CivilRecords.Marriage(husband, wife, true, LocalDate.parse(date),
                "婚姻登记_202503.xlsx 第" + (marriages.size() + 2) + "行"));
    }

    void birth(String child, String mother, String father, String date) {
        births.add(new CivilRecords.Birth(child, mother, father, LocalDate.parse(date),
                "出生死亡登记_202503.csv 第" + (births.size() + 2) + "行"));
    }

    void death(String person, String date) {
        deaths.add(new CivilRecords.Death(person, LocalDate.parse(date), "出生死亡登记_202503.csv 第" + (deaths.size() + 2) + "行"));
    }

    FamilyInput input() {
        return new FamilyInput("2025-03", AS_OF, hukou, migrants, marriages, births, deaths, previous, resolutions,
                () -> "N" + next++);
    }

    FamilyLedger build() {
        return new FamilyBuilder(FamilyRules.defaults()).build(input());
    }

    /** The family the person is in. */
    static Family familyOf(FamilyLedger l, String id) {
        Family found = null;
        for (Family f : l.families()) {
            for (Family.Member m : f.members()) {
                if (m.personId().equals(id)) {
                    if (found != null) {
                        throw new AssertionError(id + " is in two families");
                    }
                    found = f;
                }
            }
        }
        return found;
    }

    static List<String> ids(Family f) {
        return f.members().stream().map(Family.Member::personId).toList();
    }
}
