package org.olive.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Login throttling: counts failed logins per account (the username as typed, whether it exists or not) and per remote
 * address. After {@code olive.login.lock.account-failures} failures of an account (default 5), or
 * {@code address-failures} from one address (default 20: an office may share one address), that account or address
 * is locked for {@code first} (1 minute); each further lock doubles the time (2, 4, 8 … minutes) up to {@code max}
 * (30 minutes). During a lock every login is refused, the right password too. A successful login clears the
 * account's count and lock level (not the address's: one valid account must not open the door for guessing others);
 * a key without failure for {@code forget-after} (24 hours) starts afresh.
 *
 * <p>The state is in memory: a restart clears it, and each instance of a cluster counts on its own. At most
 * {@code max-entries} keys are kept (10,000): past that the stale ones, then the oldest unlocked ones, are dropped.
 */
@Component
public class LoginThrottle {

    /** What is locked. */
    public enum Kind { ACCOUNT, ADDRESS }

    /**
     * A lock.
     *
     * @param key      the username (ACCOUNT) or the remote address (ADDRESS)
     * @param level    1 for the first lock of this key, 2 for the second …
     * @param failures failed logins that led to it
     */
    public record Lock(Kind kind, String key, Instant until, Duration duration, int level, int failures) {

        /** Whole minutes left, rounded up, at least 1: what the login page tells. */
        public long minutesLeft(Instant now) {
            long seconds = Math.max(0, Duration.between(now, until).toSeconds());
            return Math.max(1, (seconds + 59) / 60);
        }
    }

    /** The limits; see the class comment. */
    public record Settings(int accountFailures, int addressFailures, Duration firstLock, Duration maxLock,
                           Duration forgetAfter, int maxEntries) {

        public Settings {
            if (accountFailures < 1 || addressFailures < 1 || maxEntries < 10 || firstLock.isNegative()
                    || firstLock.isZero() || maxLock.compareTo(firstLock) < 0 || forgetAfter.compareTo(maxLock) < 0) {
                throw new IllegalArgumentException("invalid olive.login.lock settings: " + this);
            }
        }

        public static Settings defaults() {
            return new Settings(5, 20, Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ofHours(24), 10_000);
        }
    }

    /** Longest username or address kept as a key: longer input is cut (it cannot log in anyway). */
    private static final int MAX_KEY = 100;

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Counter> counters = new HashMap<>();

    public LoginThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Autowired
    public LoginThrottle(@Value("${olive.login.lock.account-failures:5}") int accountFailures,
                         @Value("${olive.login.lock.address-failures:20}") int addressFailures,
                         @Value("${olive.login.lock.first:1m}") Duration firstLock,
                         @Value("${olive.login.lock.max:30m}") Duration maxLock,
                         @Value("${olive.login.lock.forget-after:24h}") Duration forgetAfter,
                         @Value("${olive.login.lock.max-entries:10000}") int maxEntries,
                         ObjectProvider<Clock> clock) {
        this(new Settings(accountFailures, addressFailures, firstLock, maxLock, forgetAfter, maxEntries),
                clock.getIfAvailable(Clock::systemUTC));
    }

    public Instant now() {
        return clock.instant();
    }

    /** The lock in force for this username or this address (the one that ends last), if any. */
    public synchronized Optional<Lock> lockOf(String username, String address) {
        Instant now = now();
        Lock lock = null;
        for (String key : keys(username, address)) {
            Counter c = counters.get(key);
            if (c != null && c.lockedUntil != null && now.isBefore(c.lockedUntil)
                    && (lock == null || c.lockedUntil.isAfter(lock.until()))) {
                lock = c.lock(key);
            }
        }
        return Optional.ofNullable(lock);
    }

    /** Counts a failed login; returns the locks it started (none, the account's, the address's or both). */
    public synchronized List<Lock> failure(String username, String address) {
        Instant now = now();
        List<Lock> locks = new ArrayList<>(2);
        for (String key : keys(username, address)) {
            Counter c = counters.get(key);
            if (c == null) {
                evictIfFull(now);
                c = new Counter();
                counters.put(key, c);
            } else if (c.stale(now, settings.forgetAfter())) {
                c.reset();
            }
            c.lastFailure = now;
            if (c.locked(now)) {
                continue; // refused before the password was checked; a race of two requests lands here
            }
            c.failures++;
            int threshold = key.startsWith("u:") ? settings.accountFailures() : settings.addressFailures();
            if (c.failures >= threshold) {
                c.level++;
                c.lockFailures = c.failures;
                c.lockedFor = lockDuration(c.level);
                c.lockedUntil = now.plus(c.lockedFor);
                c.failures = 0;
                locks.add(c.lock(key));
            }
        }
        return locks;
    }

    /** A successful login: the account's count and lock level start afresh. */
    public synchronized void success(String username) {
        String key = accountKey(username);
        if (key != null) {
            counters.remove(key);
        }
    }

    /** Number of keys kept (for tests and monitoring). */
    public synchronized int size() {
        return counters.size();
    }

    Duration lockDuration(int level) {
        Duration d = settings.firstLock();
        for (int i = 1; i < level && d.compareTo(settings.maxLock()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(settings.maxLock()) > 0 ? settings.maxLock() : d;
    }

    private void evictIfFull(Instant now) {
        if (counters.size() < settings.maxEntries()) {
            return;
        }
        counters.values().removeIf(c -> c.stale(now, settings.forgetAfter()));
        int target = settings.maxEntries() * 9 / 10;
        if (counters.size() <= target) {
            return;
        }
        // still full: drop the oldest unlocked keys first, then the oldest of all
        List<Map.Entry<String, Counter>> entries = new ArrayList<>(counters.entrySet());
        entries.sort(Comparator.<Map.Entry<String, Counter>, Boolean>comparing(e -> e.getValue().locked(now))
                .thenComparing(e -> e.getValue().lastFailure));
        Iterator<Map.Entry<String, Counter>> it = entries.iterator();
        while (counters.size() > target && it.hasNext()) {
            counters.remove(it.next().getKey());
        }
    }

    private static List<String> keys(String username, String address) {
        List<String> keys = new ArrayList<>(2);
        String account = accountKey(username);
        if (account != null) {
            keys.add(account);
        }
        if (address != null && !address.isBlank()) {
            keys.add("a:" + cut(address.strip()));
        }
        return keys;
    }

    /** Usernames as {@link OliveUserDetailsService} reads them: trimmed, lower case. */
    private static String accountKey(String username) {
        return username == null || username.isBlank() ? null : "u:" + cut(username.strip().toLowerCase(Locale.ROOT));
    }

    private static String cut(String s) {
        return s.length() <= MAX_KEY ? s : s.substring(0, MAX_KEY);
    }

    private static final class Counter {
        int failures;
        int level;
        int lockFailures;
        Duration lockedFor;
        Instant lockedUntil;
        Instant lastFailure;

        boolean locked(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        boolean stale(Instant now, Duration forgetAfter) {
            return !locked(now) && lastFailure != null && !now.isBefore(lastFailure.plus(forgetAfter));
        }

        void reset() {
            failures = 0;
            level = 0;
            lockFailures = 0;
            lockedFor = null;
            lockedUntil = null;
        }

        Lock lock(String key) {
            return new Lock(key.startsWith("u:") ? Kind.ACCOUNT : Kind.ADDRESS, key.substring(2), lockedUntil,
                    lockedFor, level, lockFailures);
        }
    }
}
