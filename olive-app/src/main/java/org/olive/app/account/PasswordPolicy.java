package org.olive.app.account;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The password rule of every account, whoever sets it ({@code olive account create}, a reset, the demo start-up):
 * at least {@code olive.password.min-length} characters (default 10), at most 72 bytes (bcrypt ignores the rest),
 * not one of the 30,000 most common passwords, and not easy to guess: the zxcvbn estimate (zxcvbn4j, the Java port
 * of Dropbox's estimator, whose bundled lists include those common passwords, English words and names, keyboard
 * patterns, sequences, repeats, dates and years) must reach {@code olive.password.min-score} (default 3 of 0-4,
 * about 10⁸ guesses). The username and display name count as guessable words.
 */
public class PasswordPolicy {

    public static final int DEFAULT_MIN_LENGTH = 10;
    public static final int DEFAULT_MIN_SCORE = 3;
    /** bcrypt reads at most 72 bytes. */
    public static final int MAX_BYTES = 72;

    /** Why a password is refused; the message key is {@code password.<name>}. */
    public enum Reason { TOO_SHORT, TOO_LONG, COMMON, CONTAINS_NAME, GUESSABLE }

    /**
     * A refused password.
     *
     * @param limit    the length or byte limit it broke (TOO_SHORT, TOO_LONG), else 0
     * @param patterns for GUESSABLE: what makes it guessable, as message keys {@code password.pattern.*}
     */
    public record Violation(Reason reason, int limit, List<String> patterns) {
    }

    private final int minLength;
    private final int minScore;
    private final MessageSource messages;
    private final Zxcvbn zxcvbn = new Zxcvbn();

    public PasswordPolicy(int minLength, int minScore, MessageSource messages) {
        if (minLength < 8 || minScore < 0 || minScore > 4) {
            throw new IllegalArgumentException("olive.password.min-length must be ≥ 8 and olive.password.min-score 0-4");
        }
        this.minLength = minLength;
        this.minScore = minScore;
        this.messages = messages;
    }

    /** The default policy with the application's message bundles (for tests and tools outside Spring). */
    public static PasswordPolicy defaults() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasename("messages");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        return new PasswordPolicy(DEFAULT_MIN_LENGTH, DEFAULT_MIN_SCORE, bundles);
    }

    public int minLength() {
        return minLength;
    }

    /**
     * Checks a password.
     *
     * @param userInputs words of the account (username, display name) that must not carry the password
     * @return the first rule it breaks, or empty if it is acceptable
     */
    public Optional<Violation> check(String password, String... userInputs) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            return violation(Reason.TOO_SHORT, minLength, List.of());
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return violation(Reason.TOO_LONG, MAX_BYTES, List.of());
        }
        List<String> inputs = new ArrayList<>();
        for (String s : userInputs) {
            if (s != null && !s.isBlank()) {
                inputs.add(s.strip().toLowerCase(Locale.ROOT));
            }
        }
        Strength strength = measure(password, inputs);
        List<Match> sequence = strength.getSequence();
        if (sequence.size() == 1 && sequence.get(0).pattern == Pattern.Dictionary
                && "passwords".equals(sequence.get(0).dictionaryName)) {
            return violation(Reason.COMMON, 0, List.of());
        }
        if (strength.getScore() >= minScore) {
            return Optional.empty();
        }
        if (sequence.stream().anyMatch(m -> "user_inputs".equals(m.dictionaryName))) {
            return violation(Reason.CONTAINS_NAME, 0, List.of());
        }
        return violation(Reason.GUESSABLE, 0, patterns(sequence));
    }

    /** Like {@link #check} but throws. */
    public void require(String password, String... userInputs) {
        Optional<Violation> v = check(password, userInputs);
        if (v.isPresent()) {
            throw new WeakPasswordException(v.get(), describe(v.get(), Locale.SIMPLIFIED_CHINESE) + " ("
                    + describe(v.get(), Locale.ENGLISH) + ")");
        }
    }

    /** The message of a violation in a language (message keys {@code password.<reason>}, one line). */
    public String describe(Violation v, Locale locale) {
        String patterns = String.join(messages.getMessage("password.pattern.separator", null, ", ", locale),
                v.patterns().stream().map(k -> messages.getMessage(k, null, k, locale)).toList());
        return messages.getMessage("password." + v.reason().name(), new Object[] {v.limit(), patterns}, locale);
    }

    private synchronized Strength measure(String password, List<String> inputs) {
        return zxcvbn.measure(password, inputs);
    }

    /** What makes a weak password guessable, as message keys, e.g. repeat and date. */
    private static List<String> patterns(List<Match> sequence) {
        Set<String> keys = new LinkedHashSet<>();
        for (Match m : sequence) {
            switch (m.pattern) {
                case Dictionary -> keys.add("password.pattern.dictionary");
                case Spatial -> keys.add("password.pattern.keyboard");
                case Repeat -> keys.add("password.pattern.repeat");
                case Sequence -> keys.add("password.pattern.sequence");
                case Regex, Date -> keys.add("password.pattern.date");
                case Bruteforce -> { }
            }
        }
        if (keys.isEmpty()) {
            keys.add("password.pattern.short");
        }
        return List.copyOf(keys);
    }

    private static Optional<Violation> violation(Reason reason, int limit, List<String> patterns) {
        return Optional.of(new Violation(reason, limit, patterns));
    }
}
