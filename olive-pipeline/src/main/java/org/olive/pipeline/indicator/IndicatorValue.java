package org.olive.pipeline.indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One stored value of a registry indicator.
 *
 * @param id              the row id (null before it is stored)
 * @param indicatorId     the registry id, e.g. C35 or P6
 * @param period          {@code YYYY}, {@code YYYY-Qn} or {@code YYYY-MM}
 * @param value           the value in the indicator's unit
 * @param source          computed or entered
 * @param enteredBy       the account that entered it; for a computed value, optionally the run that wrote it
 * @param enteredAt       when it was stored
 * @param note            the source of the figure or a remark (optional)
 * @param registryVersion the registry file version the value was entered against
 */
public record IndicatorValue(Long id, String indicatorId, ValuePeriod period, BigDecimal value, ValueSource source,
                             String enteredBy, OffsetDateTime enteredAt, String note, String registryVersion) {

    public IndicatorValue {
        Objects.requireNonNull(indicatorId, "indicatorId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(registryVersion, "registryVersion");
    }
}
