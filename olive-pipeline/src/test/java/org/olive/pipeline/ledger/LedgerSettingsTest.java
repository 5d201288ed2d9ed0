package org.olive.pipeline.ledger;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerSettingsTest {

    @Test
    void builtInSettingsAreTheDocumentedDefaults() {
        LedgerSettings s = LedgerSettings.builtIn();
        assertThat(s.residence().windowDays()).isEqualTo(365);
        assertThat(s.residence().residentDays()).isEqualTo(183);
        assertThat(s.family().minParentAgeGap()).isEqualTo(14);
        assertThat(s.otherSources()).contains("income_iit.person_id", "work_bnb.owner_id");
        assertThat(s.family()).isEqualTo(org.olive.family.FamilyRules.defaults());
        assertThat(s.matching()).isEqualTo(org.olive.person.MatchRules.defaults());
        assertThat(s.residence()).isEqualTo(org.olive.population.ResidenceRules.defaults());
    }

    @Test
    void matchingRulesAndOptionalThresholdsCanBeChanged() {
        String yaml = "residence: {window_days: 365, resident_days: 183, duplicate_within_hours: 6, day_rule: ANY_TIME,\n"
                + "  fallback_away_days: 3, no_crossings_means_present: true, lookback_days: 31, unregistered_open_stay_days: 0}\n"
                + "family: {min_parent_age_gap: 14, max_age: 120, adult_age: 20}\nregistry: {other_sources: []}\n"
                + "matching: {matchThreshold: 14, margin: 4}\n";
        LedgerSettings s = LedgerSettings.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "my.yaml");
        assertThat(s.matching().matchThreshold()).isEqualTo(14);
        assertThat(s.matching().margin()).isEqualTo(4);
        assertThat(s.matching().nameAgree()).isEqualTo(org.olive.person.MatchRules.defaults().nameAgree());
        assertThat(s.family().adultAge()).isEqualTo(20);
        assertThat(s.family().maxSpouseAgeGap()).isEqualTo(org.olive.family.FamilyRules.defaults().maxSpouseAgeGap());
        assertThat(s.residence().unregisteredOpenStay()).isZero();
        String bad = yaml.replace("margin: 4", "margins: 4");
        assertThatThrownBy(() -> LedgerSettings.load(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), "my.yaml"))
                .hasMessageContaining("my.yaml: matching").hasMessageContaining("margins");
    }

    @Test
    void badSettingsNameTheSourceAndTheSetting() {
        String yaml = "residence: {window_days: 365, resident_days: 400, duplicate_within_hours: 6, day_rule: ANY_TIME,\n"
                + "  fallback_away_days: 3, no_crossings_means_present: true, lookback_days: 31}\n"
                + "family: {min_parent_age_gap: 14, max_age: 120}\nregistry: {other_sources: []}\n";
        assertThatThrownBy(() -> LedgerSettings.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "my.yaml"))
                .hasMessageContaining("my.yaml").hasMessageContaining("residentDays");
        String missing = yaml.replace("max_age: 120", "oldest: 120");
        assertThatThrownBy(() -> LedgerSettings.load(new ByteArrayInputStream(missing.replace("400", "183")
                .getBytes(StandardCharsets.UTF_8)), "my.yaml")).hasMessageContaining("'max_age'");
    }

    @Test
    void registryChecksAreReadFromTheChecksSectionAndBadValuesAreNamed() {
        assertThat(RegistryChecks.defaults().villageRecords()).containsExactly("income_utilities.holder_id");
        assertThat(LedgerSettings.builtIn().checks()).isEqualTo(RegistryChecks.defaults());
        String yaml = "residence: {window_days: 365, resident_days: 183, duplicate_within_hours: 6, day_rule: ANY_TIME,\n"
                + "  fallback_away_days: 3, no_crossings_means_present: true, lookback_days: 31}\n"
                + "family: {min_parent_age_gap: 14, max_age: 120}\nregistry: {other_sources: []}\n"
                + "checks: {no_trace_min_age: 60, no_trace_sources: [income_benefits.person_id]}\n";
        LedgerSettings s = LedgerSettings.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "my.yaml");
        assertThat(s.checks().noTraceMinAge()).isEqualTo(60);
        assertThat(s.checks().noTraceSources()).containsExactly("income_benefits.person_id");
        assertThat(s.checks().previousPeriodVotes()).isEqualTo(RegistryChecks.defaults().previousPeriodVotes());
        String bad = yaml.replace("no_trace_min_age: 60", "no_trace_months: 0");
        assertThatThrownBy(() -> LedgerSettings.load(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), "my.yaml"))
                .hasMessageContaining("my.yaml").hasMessageContaining("no_trace_months");
        String badSource = yaml.replace("income_benefits.person_id", "benefits");
        assertThatThrownBy(() -> LedgerSettings.load(new ByteArrayInputStream(badSource.getBytes(StandardCharsets.UTF_8)),
                "my.yaml")).hasMessageContaining("no_trace_sources").hasMessageContaining("'benefits'");
    }
}
