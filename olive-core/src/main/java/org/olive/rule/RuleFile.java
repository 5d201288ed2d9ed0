package org.olive.rule;

import org.olive.period.Period;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What the profile files of dated CEL rules (groups.yaml, tags.yaml) share: reading (and writing) the YAML, the dates and texts of
 * their entries, compiling a rule into the list of problems, and the exception that lists every problem at once.
 */
public final class RuleFile {

    /** A rules file with problems: each names the key and the reason (a rule's problems, their line and column). */
    public static final class ProblemsException extends IllegalArgumentException {
        private final List<String> problems;

        public ProblemsException(String source, List<String> problems) {
            super(source + ": " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private RuleFile() {
    }

    /** Reads a file with a reader of (stream, source name). */
    public static <T> T read(Path file, BiFunction<InputStream, String, T> reader) {
        try (InputStream in = Files.newInputStream(file)) {
            return reader.apply(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The YAML document (safe constructor: plain maps, lists and scalars). */
    public static Object yaml(InputStream in) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }

    /**
     * A document of maps, lists and strings as YAML text, for a profile file written back (tags.yaml's export): block
     * style, two-space indents, Chinese as is, long rules on one line; {@link #yaml} reads it back to the same values.
     */
    public static String dump(Object document) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setSplitLines(false);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        return new Yaml(options).dump(document);
    }

    /** A month (YYYY-MM, or a date whose month is taken), or null with a problem naming the key. */
    public static Period period(Object o, String key, List<String> problems) {
        String s = text(o);
        try {
            return Period.parse(s.length() > 7 ? s.substring(0, 7) : s);
        } catch (RuntimeException e) {
            problems.add(key + ": '" + s + "' is not a month (YYYY-MM)");
            return null;
        }
    }

    /** A scalar as trimmed text, "" when absent. */
    public static String text(Object o) {
        return o == null ? "" : o.toString().strip();
    }

    /** Compiles a boolean rule (or, with {@code value}, a value expression), adding its problems under the key. */
    public static void check(RuleCompiler compiler, String key, String expression, boolean value, List<String> problems) {
        try {
            if (value) {
                compiler.compileValue(key, expression);
            } else {
                compiler.compile(key, expression);
            }
        } catch (RuleException e) {
            e.problems().forEach(p -> problems.add(key + ": " + p));
        }
    }
}
