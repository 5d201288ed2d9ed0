package org.olive.app;

import java.time.ZoneId;

import org.olive.geography.Divisions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans from the framework-free core. */
@Configuration(proxyBeanMethods = false)
public class AppConfiguration {

    /** The county's townships and villages (Shengsi, NBS 2023 codes). */
    @Bean
    public Divisions divisions() {
        return Divisions.shengsi();
    }

    /** Time zone in which timestamps are shown ({@code olive.display-time-zone}, default Asia/Shanghai). */
    @Bean
    public ZoneId displayZone(@Value("${olive.display-time-zone:Asia/Shanghai}") String zone) {
        return ZoneId.of(zone);
    }
}
