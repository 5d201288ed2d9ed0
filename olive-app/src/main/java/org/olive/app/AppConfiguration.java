package org.olive.app;

import java.time.ZoneId;

import org.olive.geography.Divisions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans from the framework-free core. */
@Configuration(proxyBeanMethods = false)
public class AppConfiguration {

    /** The county profile ({@code olive.county}: its folder; empty for the built-in profile, Shengsi). */
    @Bean
    public org.olive.pipeline.county.CountyProfile countyProfile(@Value("${olive.county:}") String dir) {
        return org.olive.pipeline.county.CountyProfile.of(dir.isBlank() ? null : java.nio.file.Path.of(dir));
    }

    /** The county's townships and villages, from its profile. */
    @Bean
    public Divisions divisions(org.olive.pipeline.county.CountyProfile profile) {
        return profile.divisions();
    }

    /** Time zone in which timestamps are shown ({@code olive.display-time-zone}, default Asia/Shanghai). */
    @Bean
    public ZoneId displayZone(@Value("${olive.display-time-zone:Asia/Shanghai}") String zone) {
        return ZoneId.of(zone);
    }
}
