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
                .hasMessageContaining("forest or xgboost");
        assertThatThrownBy(() -> EstimationSettings.fromYaml("estimation: {trees: 2.5}"))
                .hasMessageContaining("whole number");
    }
}
