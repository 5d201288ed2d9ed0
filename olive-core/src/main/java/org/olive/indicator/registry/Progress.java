package org.olive.indicator.registry;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The verdict on one indicator in one year with its plain-language reason.
 *
 * @param status    met, on track, not met or not evaluable
 * @param reason    why
 * @param arguments the reason's arguments, already formatted as text (values as the user would read them)
 */
public record Progress(ProgressStatus status, Reason reason, List<String> arguments) {

    public Progress {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        arguments = List.copyOf(arguments);
    }

    /** The reason in English, e.g. "1.45 is within the 2023 bound 1.5以内". */
    public String explanation() {
        return new MessageFormat(reason.english().replace("'", "''"), Locale.ROOT).format(arguments.toArray());
    }
}
