package org.olive.pipeline.income.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.olive.income.Component;

class EstimationSettingsTest {

    @Test
    void defaultsModelFourComponentsWithTheBriefedRules() {
        EstimationSettings s = EstimationSettings.defaults();
        assertThat(s.enabled()).isTrue();
        assertThat(s.surveyYears()).isEqualTo(3);
        assertThat(s.parameters().learner()).isEqualTo(ResidualModel.Learner.FOREST);
        assertThat(s.parameters().coverage()).isEqualTo(0.8);
        assertThat(s.rules()).containsOnlyKeys(Component.WAGE, Component.BUSINESS, Component.PROPERTY,
                Component.TRANSFER_IN);
        EstimationSettings.Rule wage = s.rules().get(Component.WAGE);
        assertThat(wage.applies(16, 0)).isTrue();
        assertThat(wage.applies(64, 11)).isTrue();
        assertThat(wage.applies(64, 12)).isFalse();
        assertThat(wage.applies(15, 0)).isFalse();
        assertThat(wage.applies(65, 0)).isFalse();
        EstimationSettings.Rule property = s.rules().get(Component.PROPERTY);
        assertThat(property.applies(18, 12)).isTrue();
        assertThat(property.applies(90, 12)).isTrue();
        assertThat(property.applies(17, 0)).isFalse();
        assertThat(s.rules().values()).allMatch(EstimationSettings.Rule::clampNegative);
    }

    @Test
    void readsTheEstimationSectionOfAYamlSnippet() {
        EstimationSettings s = EstimationSettings.fromYaml("""
                estimation:
                  learner: xgboost
                  coverage: 0.9
                  trees: 50
                  survey_years: 1
                  components:
                    wage: {min_age: 18, max_age: 59, below_months: 6}
                    property: {clamp_negative: false}
                """);
        assertThat(s.parameters().learner()).isEqualTo(ResidualModel.Learner.XGBOOST);
        assertThat(s.parameters().coverage()).isEqualTo(0.9);
        assertThat(s.parameters().trees()).isEqualTo(50);
        assertThat(s.surveyYears()).isEqualTo(1);
        // listing components models only those listed; unlisted settings keep the component's defaults
        assertThat(s.rules()).containsOnlyKeys(Component.WAGE, Component.PROPERTY);
        assertThat(s.rules().get(Component.WAGE)).isEqualTo(new EstimationSettings.Rule(18, 59, 6, true));
        assertThat(s.rules().get(Component.PROPERTY)).isEqualTo(new EstimationSettings.Rule(18, 200, Integer.MAX_VALUE, false));
    }

    @Test
    void readsTheCalibrationSettings() {
        EstimationSettings d = EstimationSettings.defaults();
        assertThat(d.diIntervals()).isTrue();
        assertThat(d.trainOnApplied()).isTrue();
        assertThat(d.clipShare()).isZero();
        assertThat(d.baseline()).isEqualTo(ResidualModel.Learner.GROUP_MEAN);
        assertThat(d.parameters().folds()).isEqualTo(5);
        assertThat(d.ageBand(10)).isEqualTo("age0");
        assertThat(d.ageBand(16)).isEqualTo("age16");
        assertThat(d.ageBand(80)).isEqualTo("age65");
        EstimationSettings s = EstimationSettings.fromYaml("""
                estimation:
                  learner: group_median
                  baseline: none
                  interval_level: component
                  train_population: ages
                  folds: 4
                  min_group_rows: 12
                  group_age_bands: [18, 40, 60]
                  group_by_records: false
                  absurd_ratio: 5
                  clip_share: 0.01
                """);
        assertThat(s.parameters().learner()).isEqualTo(ResidualModel.Learner.GROUP_MEDIAN);
        assertThat(s.baseline()).isNull();
        assertThat(s.diIntervals()).isFalse();
        assertThat(s.trainOnApplied()).isFalse();
        assertThat(s.parameters().folds()).isEqualTo(4);
        assertThat(s.parameters().minGroupRows()).isEqualTo(12);
        assertThat(s.ageBands()).containsExactly(18, 40, 60);
        assertThat(s.groupByRecords()).isFalse();
        assertThat(s.absurdRatio()).isEqualTo(5);
        assertThat(s.clipShare()).isEqualTo(0.01);
        assertThatThrownBy(() -> EstimationSettings.fromYaml("estimation: {interval_level: family}"))
                .hasMessageContaining("di or component");
        assertThatThrownBy(() -> EstimationSettings.fromYaml("estimation: {group_age_bands: [60, 16]}"))
                .hasMessageContaining("increasing");
        assertThatThrownBy(() -> EstimationSettings.fromYaml("estimation: {folds: 1}"))
                .hasMessageContaining("folds");
    }

    @Test
    void canBeSwitchedOff() {
        assertThat(EstimationSettings.fromMap(Map.of("enabled", false)).enabled()).isFalse();
    }

    @Test
    void rejectsTyposAndWhatTheSurveyCannotModel() {
        assertThatThrownBy(() -> EstimationSettings.fromYaml("estimation: {coverag: 0.8}"))
                .hasMessageContaining("unknown setting 'coverag'");
        assertThatThrownBy(() -> EstimationSettings.fromYaml("estimation: {components: {transfer_out: {}}}"))
                .hasMessageContaining("cannot be modelled");
        assertThatThrownBy(() -> EstimationSettings.fromYaml("estimation: {components: {wages: {}}}"))
                .hasMessageContaining("unknown component 'wages'");
        assertThatThrownBy(() -> EstimationSettings.fromYaml("estimation: {coverage: 1.2}"))
                .hasMessageContaining("coverage");
        assertThatThrownBy(() -> EstimationSettings.fromYaml("estimation: {learner: svm}"))
                .hasMessageContaining("group_median");
        assertThatThrownBy(() -> EstimationSettings.fromYaml("estimation: {trees: 2.5}"))
                .hasMessageContaining("whole number");
    }
}
