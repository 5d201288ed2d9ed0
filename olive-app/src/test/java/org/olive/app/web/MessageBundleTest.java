package org.olive.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.olive.app.account.Role;
import org.olive.app.audit.AuditAction;
import org.olive.app.audit.AuditEvent;
import org.olive.income.Component;
import org.olive.income.DoubleLine;
import org.olive.income.Method;
import org.olive.indicator.registry.Better;
import org.olive.indicator.registry.ProgressStatus;
import org.olive.indicator.registry.Reason;
import org.olive.pipeline.indicator.ValueSource;

/**
 * Issue 11 item 15, statically: every message key a template names literally exists in both bundles, every key built
 * from a prefix and a value has its prefix in both, every enum whose constants name messages has all of them, and the
 * English and Chinese bundles hold the same keys.
 */
class MessageBundleTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** {@code #{key}} or {@code #{key(args)}} with a literal key. */
    static final Pattern LITERAL = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)[}(]");
    /** {@code #messages.msg('key', …)} and {@code msgWithParams('key', …)} with a literal key. */
    static final Pattern MSG = Pattern.compile("msg(?:WithParams)?\\('([A-Za-z][A-Za-z0-9_.-]*)'\\s*[,)]");
    /** Keys built from a literal prefix: {@code #{|prefix.${…}|}}, {@code #{prefix.__${…}__}}, {@code msg('prefix.' + …)}. */
    static final Pattern PREFIX = Pattern.compile(
            "#\\{\\|([A-Za-z][A-Za-z0-9_.]*\\.)\\$\\{|#\\{([A-Za-z][A-Za-z0-9_.]*\\.)__\\$\\{|msg(?:WithParams)?\\('([A-Za-z][A-Za-z0-9_.]*\\.)'\\s*\\+");

    /** A key with an expression that is never evaluated: {@code #{income.method.${m}}} (use {@code |…|} or {@code __…__}). */
    static final Pattern UNEVALUATED = Pattern.compile("#\\{[A-Za-z][A-Za-z0-9_.]*(?<!__)\\$\\{");

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundleTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> s = Files.walk(TEMPLATES)) {
            return s.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void bothBundlesHoldTheSameKeys() throws IOException {
        Set<String> en = bundle("messages.properties").stringPropertyNames();
        Set<String> zh = bundle("messages_zh_CN.properties").stringPropertyNames();
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        assertThat(onlyEn).as("keys missing from messages_zh_CN.properties").isEmpty();
        assertThat(onlyZh).as("keys missing from messages.properties").isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExistsInBothBundles() throws IOException {
        Properties en = bundle("messages.properties");
        Properties zh = bundle("messages_zh_CN.properties");
        List<String> missing = new ArrayList<>();
        int keys = 0;
        for (Path t : templates()) {
            String html = Files.readString(t, StandardCharsets.UTF_8);
            for (Pattern p : List.of(LITERAL, MSG)) {
                Matcher m = p.matcher(html);
                while (m.find()) {
                    keys++;
                    String key = m.group(1);
                    for (Properties b : List.of(en, zh)) {
                        if (!b.containsKey(key)) {
                            missing.add(TEMPLATES.relativize(t) + ": " + key + (b == en ? " (en)" : " (zh_CN)"));
                        }
                    }
                }
            }
            Matcher u = UNEVALUATED.matcher(html);
            while (u.find()) {
                missing.add(TEMPLATES.relativize(t) + ": unevaluated expression in a key: " + u.group());
            }
            Matcher m = PREFIX.matcher(html);
            while (m.find()) {
                String prefix = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                for (Properties b : List.of(en, zh)) {
                    if (b.stringPropertyNames().stream().noneMatch(k -> k.startsWith(prefix))) {
                        missing.add(TEMPLATES.relativize(t) + ": " + prefix + "* (" + (b == en ? "en" : "zh_CN") + ")");
                    }
                }
            }
        }
        assertThat(keys).as("literal keys found in the templates").isGreaterThan(300);
        assertThat(missing).as("message keys used by templates but not in the bundles").isEmpty();
    }

    /** Message families keyed by an enum's constants: each constant needs its message, whether the test data has it or not. */
    @Test
    void everyEnumConstantShownOnAPageHasItsMessage() throws IOException {
        Map<String, Class<? extends Enum<?>>> families = Map.ofEntries(
                Map.entry("income.method.", Method.class),
                Map.entry("income.component.", Component.class),
                Map.entry("income.doubleLine.", DoubleLine.class),
                Map.entry("indicator.status.", ProgressStatus.class),
                Map.entry("indicator.reason.", Reason.class),
                Map.entry("indicator.better.", Better.class),
                Map.entry("indicator.source.", ValueSource.class),
                Map.entry("audit.action.", AuditAction.class),
                Map.entry("audit.outcome.", AuditEvent.Outcome.class),
                Map.entry("role.", Role.class),
                Map.entry("policy.kind.", org.olive.policy.PolicyDefinitions.Kind.class),
                Map.entry("policy.unit.", org.olive.policy.PolicyDefinitions.Unit.class),
                Map.entry("policy.frequency.", org.olive.policy.PolicyDefinitions.Frequency.class));
        List<String> missing = new ArrayList<>();
        for (String bundle : List.of("messages.properties", "messages_zh_CN.properties")) {
            Properties b = bundle(bundle);
            families.forEach((prefix, type) -> {
                for (Enum<?> c : type.getEnumConstants()) {
                    if (!b.containsKey(prefix + c.name())) {
                        missing.add(bundle + ": " + prefix + c.name());
                    }
                }
            });
        }
        assertThat(missing).isEmpty();
    }
}
