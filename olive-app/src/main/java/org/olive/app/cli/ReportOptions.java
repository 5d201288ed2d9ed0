package org.olive.app.cli;

import java.util.List;

import org.olive.geography.Division;
import org.olive.period.Period;
import org.olive.pipeline.county.CountyProfile;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of the aggregate reports ({@code olive groups}, {@code olive occupations}): {@code --period} and
 * {@code --format}, parsed and checked here once (a bad value is a usage error, exit 2), and the report printed on
 * standard output itself (logs go to standard error: with json and csv it holds only the data).
 */
public class ReportOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "The period.")
    String period;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output (default: ${DEFAULT-VALUE}): text, json or csv on standard output (json and csv print "
                    + "only the data); olive occupations also xlsx, written to --out FILE.")
    String format;

    /** The period, or a usage error. */
    Period period() {
        try {
            return Period.parse(period);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The format when it is one of {@code allowed}, or a usage error naming them. */
    String format(List<String> allowed) {
        if (!allowed.contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format is "
                    + String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or " + allowed.get(allowed.size() - 1)
                    + ", not '" + format + "'");
        }
        return format;
    }

    /** A township of the profile's divisions (9 or 12 digits) as its 9-digit code; null for none; else a usage error. */
    String township(String option, String code, CountyProfile profile) {
        if (code == null) {
            return null;
        }
        String c = code.strip();
        Division d = c.length() == 9 || c.length() == 12 ? profile.divisions().get(c.length() == 9 ? c + "000" : c) : null;
        if (d == null || d.level() != Division.Level.TOWNSHIP) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + code
                    + " is not a township of the county profile's divisions (9 or 12 digits)");
        }
        return d.code().substring(0, 9);
    }

    /** Prints a report on standard output itself. */
    static void print(String text) {
        java.io.PrintStream out = System.out;
        out.print(text);
        out.flush();
    }
}
