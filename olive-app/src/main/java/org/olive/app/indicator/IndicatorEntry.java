package org.olive.app.indicator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;

import org.olive.indicator.registry.Indicator;
import org.olive.indicator.registry.IndicatorRegistry;
import org.olive.pipeline.indicator.IndicatorValue;
import org.olive.pipeline.indicator.IndicatorValues;
import org.olive.pipeline.indicator.ValuePeriod;
import org.olive.pipeline.indicator.ValueSource;
import org.springframework.stereotype.Service;

/**
 * Checks and stores a value entered by hand. Only indicators without {@code computed_by} take entries; the year must
 * lie between the indicator's baseline year and the current year; the value is a plain decimal number.
 */
@Service
public class IndicatorEntry {

    /** Most decimal places stored (the column is DECIMAL(24, 6)). */
    public static final int MAX_SCALE = 6;

    private final IndicatorRegistry registry;
    private final IndicatorValues values;
    private final Clock clock = Clock.systemDefaultZone();

    public IndicatorEntry(IndicatorRegistry registry, IndicatorValues values) {
        this.registry = registry;
        this.values = values;
    }

    /**
     * Stores the value.
     *
     * @throws EntryException with a message key and arguments when the entry is refused
     */
    public IndicatorValue enter(Indicator indicator, String yearText, String valueText, String note, String user) {
        if (indicator.computed()) {
            throw new EntryException("indicator.entry.error.computed", indicator.computedBy());
        }
        int year;
        try {
            year = Integer.parseInt(yearText == null ? "" : yearText.strip());
        } catch (NumberFormatException e) {
            throw new EntryException("indicator.entry.error.year", String.valueOf(yearText));
        }
        int now = Year.now(clock).getValue();
        if (year < indicator.baseline().year() || year > now) {
            throw new EntryException("indicator.entry.error.yearRange", String.valueOf(year),
                    String.valueOf(indicator.baseline().year()), String.valueOf(now));
        }
        BigDecimal value;
        try {
            value = new BigDecimal(valueText == null ? "" : valueText.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new EntryException("indicator.entry.error.value", String.valueOf(valueText));
        }
        if (value.stripTrailingZeros().scale() > MAX_SCALE || value.abs().compareTo(new BigDecimal("1e17")) >= 0) {
            throw new EntryException("indicator.entry.error.precision", IndicatorBoard.plain(value),
                    String.valueOf(MAX_SCALE));
        }
        if (note != null && note.strip().length() > IndicatorValues.MAX_NOTE) {
            throw new EntryException("indicator.entry.error.note", String.valueOf(IndicatorValues.MAX_NOTE));
        }
        return values.add(new IndicatorValue(null, indicator.id(), ValuePeriod.ofYear(year), value,
                ValueSource.ENTERED, user, null, note, registry.version()));
    }

    /** A refused entry: a message key of the bundles and its arguments. */
    public static class EntryException extends RuntimeException {
        private final String key;
        private final Object[] arguments;

        public EntryException(String key, Object... arguments) {
            super(key + " " + java.util.Arrays.toString(arguments));
            this.key = key;
            this.arguments = arguments;
        }

        public String key() {
            return key;
        }

        public Object[] arguments() {
            return arguments.clone();
        }
    }
}
