package org.olive.occupation;

import org.olive.fact.PersonFact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Hand-built person facts for the tests. */
final class Facts {

    long key = 1;
    String sex = "M";
    int age = 35;
    final List<PersonFact.Certificate> certificates = new ArrayList<>();
    final List<PersonFact.Employment> employments = new ArrayList<>();
    final List<PersonFact.Business> businesses = new ArrayList<>();
    final List<PersonFact.PlatformWork> platform = new ArrayList<>();
    final List<PersonFact.FisheryWork> fishery = new ArrayList<>();
    final List<PersonFact.Bnb> bnbs = new ArrayList<>();
    final List<PersonFact.Graduation> graduations = new ArrayList<>();
    final List<PersonFact.Benefit> benefits = new ArrayList<>();
    private int row = 1;

    static Facts person() {
        return new Facts();
    }

    PersonFact.Source src(String dataset) {
        return new PersonFact.Source(dataset, "2025-03", dataset + "_202503.csv", row++);
    }

    Facts age(int a) {
        age = a;
        return this;
    }

    Facts sex(String s) {
        sex = s;
        return this;
    }

    Facts certificate(String code, int level, String issued) {
        certificates.add(new PersonFact.Certificate(code, level, LocalDate.parse(issued), src("skill_cert")));
        return this;
    }

    Facts employment(String month, String uscc, String industry) {
        employments.add(new PersonFact.Employment(month, uscc, uscc == null ? null : "LLC", industry, "110", src("social_insurance")));
        return this;
    }

    Facts business(String uscc, String kind, String industry, boolean open) {
        businesses.add(new PersonFact.Business(uscc, kind, industry, 2, new BigDecimal("300000"), open, src("market_entity")));
        return this;
    }

    Facts platform(String month, String kind) {
        platform.add(new PersonFact.PlatformWork(month, "美团外卖", kind, new BigDecimal("5000"), src("platform_work")));
        return this;
    }

    Facts fishery(String month, String role, String ref) {
        fishery.add(new PersonFact.FisheryWork(month, role, ref, "", src("fishery_crew")));
        return this;
    }

    Facts bnb(String month) {
        bnbs.add(new PersonFact.Bnb(month, "B001", null, 6, src("bnb")));
        return this;
    }

    Facts benefit(String month, String type) {
        benefits.add(new PersonFact.Benefit(month, type, new BigDecimal("3000"), src("benefits")));
        return this;
    }

    Facts studying() {
        graduations.add(new PersonFact.Graduation("BACHELOR", null, "浙江海洋大学", "STUDYING", src("education")));
        return this;
    }

    PersonFact fact() {
        return new PersonFact(key, "F0000001", sex, age, true, true, false, "330922100", "330922100201", true, "20",
                certificates, employments, businesses, platform, fishery, bnbs, graduations, benefits, List.of(), 0);
    }
}
