package org.olive.app.indicator;

import javax.sql.DataSource;

import org.olive.indicator.registry.IndicatorRegistry;
import org.olive.indicator.registry.ProgressEvaluator;
import org.olive.indicator.registry.RegistryLoader;
import org.olive.pipeline.indicator.IndicatorValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The indicator registry (built-in Shengsi file), its evaluator and the value store. */
@Configuration(proxyBeanMethods = false)
public class IndicatorConfiguration {

    /** The county's 61 indicators and the pilot's 8, read once at start-up; a bad file stops the start. */
    @Bean
    public IndicatorRegistry indicatorRegistry(org.olive.pipeline.county.CountyProfile profile) {
        return profile.registry();
    }

    @Bean
    public ProgressEvaluator progressEvaluator(IndicatorRegistry registry) {
        return new ProgressEvaluator(registry.settings());
    }

    @Bean
    public IndicatorValues indicatorValues(DataSource dataSource) {
        return new IndicatorValues(dataSource);
    }
}
