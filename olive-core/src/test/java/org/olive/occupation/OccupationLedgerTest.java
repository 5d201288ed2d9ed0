package org.olive.occupation;

import org.junit.jupiter.api.Test;
import org.olive.period.Period;

import static org.assertj.core.api.Assertions.assertThat;

class OccupationLedgerTest {

    static final Period MARCH = Period.of(2025, 3);
    final OccupationRules rules = ShippedOccupation.rules();

    Occupation decide(Facts f) {
        return OccupationLedger.decide(f.fact(), rules, MARCH);
    }

    @Test
    void aCertificateGivesItsLevel2CodeTheDetailAndTheRecordAndTakesTheIndustryOfTheWork() {
        Occupation o = decide(Facts.person().certificate("4-03-02-01", 3, "2019-05-01")
                .employment("2025-03", "91330922MA2A00001X", "5532"));
        assertThat(o.code()).isEqualTo("4-03");
        assertThat(o.detail()).isEqualTo("4-03-02-01");
        assertThat(o.source()).isEqualTo("CERTIFICATE");
        assertThat(o.industry()).isEqualTo("5532");
        assertThat(o.confidence()).isEqualTo(rules.confidence("CERTIFICATE"));
        assertThat(o.evidence()).contains("skill_cert:skill_cert_202503.csv:1").contains("also employment");
    }

    @Test
    void theHighestLevelCertificateWinsAndWithoutWorkTheConfidenceIsLower() {
        Occupation o = decide(Facts.person().certificate("6-29-01-01", 5, "2024-01-01").certificate("4-02-02-01", 2, "2010-01-01"));
        assertThat(o.code()).isEqualTo("4-02");
        assertThat(o.industry()).isNull();
        assertThat(o.confidence()).isEqualTo(rules.confidence(OccupationRules.CERTIFICATE_WITHOUT_WORK));
        assertThat(o.reason()).contains("no current work record");
    }

    @Test
    void anEmployeeGetsTheLikelyOccupationOfTheEmployersIndustry() {
        Occupation port = decide(Facts.person().employment("2025-02", "91330922MA2A00001X", "5532")
                .employment("2025-03", "91330922MA2A00001X", "5532").employment("2025-03", "91330922MA2A00002X", "6110"));
        assertThat(port.code()).isEqualTo("4-02");
        assertThat(port.source()).isEqualTo("EMPLOYER");
        assertThat(port.industry()).isEqualTo("5532");
        assertThat(port.reason()).contains("2 of the last 3 months").contains("货运港口");
        assertThat(decide(Facts.person().employment("2025-03", "91330922MA2A00003X", "9221")).code()).isEqualTo("3-01");
        assertThat(decide(Facts.person().employment("2025-03", "91330922MA2A00003X", "8331")).code()).isEqualTo("2-08");
        assertThat(decide(Facts.person().employment("2025-03", "91330922MA2A00003X", "1361")).code()).isEqualTo("6-01");
        Occupation unregistered = decide(Facts.person().employment("2025-03", "91330922MA2A00004X", null));
        assertThat(unregistered.code()).isEqualTo("8-00");
        assertThat(unregistered.confidence()).isEqualTo(rules.confidence(OccupationRules.EMPLOYER_UNCLASSIFIED));
        assertThat(unregistered.industry()).isNull();
    }

    @Test
    void businessesManagersAndIndividualOperators() {
        Occupation manager = decide(Facts.person().business("91330922MA2A00005X", "LLC", "5532", true)
                .employment("2025-03", "91330922MA2A00005X", "5532"));
        assertThat(manager.code()).isEqualTo("1-06");
        assertThat(manager.source()).isEqualTo("BUSINESS");
        assertThat(manager.industry()).isEqualTo("5532");
        Occupation shop = decide(Facts.person().business("92330922MA2A00006X", "INDIVIDUAL", "6210", true));
        assertThat(shop.code()).isEqualTo("4-03");
        Occupation closed = decide(Facts.person().business("92330922MA2A00006X", "INDIVIDUAL", "6210", false));
        assertThat(closed.source()).isEqualTo("NONE");
        assertThat(closed.reason()).contains("business closed");
    }

    @Test
    void platformKindsAreTheNewInternetOccupations() {
        Occupation rider = decide(Facts.person().platform("2025-03", "DELIVERY").platform("2025-02", "DELIVERY"));
        assertThat(rider.code()).isEqualTo("4-10");
        assertThat(rider.detail()).isEqualTo("4-10-08-01");
        assertThat(rider.industry()).isEqualTo("6242");
        assertThat(decide(Facts.person().platform("2025-03", "COURIER")).detail()).isEqualTo("4-02-07-08");
        assertThat(decide(Facts.person().platform("2025-03", "LIVE_STREAMING")).detail()).isEqualTo("4-01-06-02");
        assertThat(decide(Facts.person().platform("2025-03", "RIDE_HAILING")).code()).isEqualTo("4-02");
        // outside the platform window (3 months): not current
        assertThat(decide(Facts.person().platform("2024-10", "DELIVERY")).source()).isEqualTo("NONE");
    }

    @Test
    void fishingAquacultureAndBnbsOverAYear() {
        Occupation crew = decide(Facts.person().fishery("2024-08", "CREW", "浙嵊渔12345"));
        assertThat(crew.code()).isEqualTo("5-04");
        assertThat(crew.detail()).isEqualTo("5-04-03-02");
        assertThat(crew.industry()).isEqualTo("0421");
        assertThat(crew.source()).isEqualTo("FISHERY");
        Occupation owner = decide(Facts.person().fishery("2025-01", "CREW", "V1").fishery("2025-01", "VESSEL_OWNER", "V1"));
        assertThat(owner.detail()).isEqualTo("5-04-03-01");
        Occupation mussels = decide(Facts.person().fishery("2025-03", "AQUACULTURE", "L1"));
        assertThat(mussels.source()).isEqualTo("AQUACULTURE");
        assertThat(mussels.industry()).isEqualTo("0411");
        Occupation bnb = decide(Facts.person().bnb("2024-07"));
        assertThat(bnb.code()).isEqualTo("4-03");
        assertThat(bnb.industry()).isEqualTo("6130");
        assertThat(decide(Facts.person().fishery("2024-03", "CREW", "V1")).source()).isEqualTo("NONE");
    }

    @Test
    void precedenceDecidesWhenSourcesDisagree() {
        Occupation o = decide(Facts.person().fishery("2025-03", "CREW", "V1").platform("2025-03", "DELIVERY")
                .employment("2025-03", "91330922MA2A00001X", "6110"));
        assertThat(o.source()).isEqualTo(rules.precedence().stream()
                .filter(s -> s == OccupationSource.EMPLOYER || s == OccupationSource.FISHERY || s == OccupationSource.PLATFORM)
                .findFirst().orElseThrow().name());
        assertThat(o.evidence()).contains("also");
    }

    @Test
    void aRetiredPersonOfWorkingAgeIsPensionWithoutACode() {
        Occupation o = decide(Facts.person().sex("F").age(52).benefit("2025-03", "EMPLOYEE_PENSION"));
        assertThat(o.source()).isEqualTo("PENSION");
        assertThat(o.code()).isNull();
        assertThat(o.reason()).startsWith("retired");
        // work beats the pension
        assertThat(decide(Facts.person().age(55).benefit("2025-03", "EMPLOYEE_PENSION").bnb("2025-01")).source()).isEqualTo("BNB");
    }

    @Test
    void unknownOccupationsSayWhy() {
        Occupation none = decide(Facts.person());
        assertThat(none.code()).isNull();
        assertThat(none.source()).isEqualTo("NONE");
        assertThat(none.confidence()).isZero();
        assertThat(none.reason()).isEqualTo("no work record in the last 3 months");
        assertThat(decide(Facts.person().age(19).studying()).reason()).contains("enrolled in education");
        assertThat(decide(Facts.person().benefit("2025-03", "UNEMPLOYMENT")).reason()).contains("unemployment benefit");
        Occupation flexible = decide(Facts.person().employment("2025-03", null, null));
        assertThat(flexible.source()).isEqualTo("NONE");
        assertThat(flexible.reason()).contains("flexible-employment");
        assertThat(flexible.evidence()).contains("social_insurance:");
        assertThat(decide(Facts.person().platform("2025-03", "SPACE_TOURISM")).reason()).contains("does not map");
    }

    @Test
    void outsideWorkingAgeNoOccupation() {
        assertThat(decide(Facts.person().age(15).platform("2025-03", "DELIVERY")).reason()).startsWith("below working age");
        assertThat(decide(Facts.person().age(60).platform("2025-03", "DELIVERY")).reason()).startsWith("above working age");
        assertThat(decide(Facts.person().age(-1)).reason()).startsWith("age unknown");
        assertThat(rules.workingAge().contains("M", 16)).isTrue();
        assertThat(rules.workingAge().contains("F", 59)).isTrue();
        assertThat(rules.workingAge().contains(null, 59)).isTrue();
    }

    @Test
    void reasonsAndEvidenceFitTheirColumns() {
        Facts f = Facts.person();
        for (int i = 0; i < 200; i++) {
            f.employment("2025-03", null, null);
            f.certificate("4-03-02-01", 3, "2019-05-01");
        }
        Occupation o = decide(f);
        assertThat(o.reason().length()).isLessThanOrEqualTo(200);
        assertThat(o.evidence().length()).isLessThanOrEqualTo(2000);
    }
}
