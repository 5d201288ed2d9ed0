package org.olive.indicator.registry;

/**
 * A registry file that cannot be used. The message names the file, the indicator (when the fault is in one), the field
 * and the reason, e.g. {@code shengsi-2021.yaml: indicator C14, field targets.2022-2025: '1.5以外' is not a number, ...}.
 */
public class RegistryException extends RuntimeException {

    private final String file;
    private final String indicatorId;
    private final String field;
    private final String reason;

    public RegistryException(String file, String indicatorId, String field, String reason) {
        super(file + ": " + (indicatorId == null ? "" : "indicator " + indicatorId + ", ") + "field " + field + ": "
                + reason);
        this.file = file;
        this.indicatorId = indicatorId;
        this.field = field;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** The indicator's id, or null when the fault is outside the indicators. */
    public String indicatorId() {
        return indicatorId;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
