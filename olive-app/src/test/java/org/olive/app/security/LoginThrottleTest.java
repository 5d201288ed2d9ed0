package org.olive.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.olive.app.security.LoginThrottle.Kind;
import org.olive.app.security.LoginThrottle.Lock;

/** The throttle's arithmetic on a clock that the test moves: no sleeping. */
class LoginThrottleTest {

    /** A clock that only moves when told. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(LoginThrottle.Settings.defaults(), clock);

    private List<Lock> fail(String user, String address, int times) {
        List<Lock> last = List.of();
        for (int i = 0; i < times; i++) {
            last = throttle.failure(user, address);
        }
        return last;
    }

    @Test
    void fifthFailureLocksTheAccountAndEvenTheRightPasswordWaits() {
        assertThat(fail("analyst", "192.0.2.1", 4)).isEmpty();
        assertThat(throttle.lockOf("analyst", "192.0.2.9")).isEmpty();
        List<Lock> locks = throttle.failure("Analyst ", "192.0.2.1");
        assertThat(locks).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(Kind.ACCOUNT);
            assertThat(l.key()).isEqualTo("analyst");
            assertThat(l.duration()).isEqualTo(Duration.ofMinutes(1));
            assertThat(l.level()).isEqualTo(1);
            assertThat(l.failures()).isEqualTo(5);
        });
        // locked from any address, whatever the case of the name; the filter refuses before the password is checked
        assertThat(throttle.lockOf("ANALYST", "198.51.100.7")).get().extracting(Lock::kind).isEqualTo(Kind.ACCOUNT);
        assertThat(throttle.lockOf("analyst", null).orElseThrow().minutesLeft(throttle.now())).isEqualTo(1);
        clock.advance(Duration.ofSeconds(59));
        assertThat(throttle.lockOf("analyst", null)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.lockOf("analyst", null)).isEmpty();
        // other accounts are not affected
        assertThat(throttle.lockOf("cadre", "192.0.2.2")).isEmpty();
    }

    @Test
    void eachFurtherLockDoublesUpToTheCap() {
        List<Duration> durations = new java.util.ArrayList<>();
        for (int lock = 1; lock <= 8; lock++) {
            List<Lock> locks = fail("target", "192.0.2." + lock, 5);
            assertThat(locks).as("lock %d", lock).hasSize(1);
            durations.add(locks.get(0).duration());
            assertThat(locks.get(0).level()).isEqualTo(lock);
            clock.advance(locks.get(0).duration());
        }
        assertThat(durations).extracting(Duration::toMinutes).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(throttle.lockOf("target", null)).isEmpty();
    }

    @Test
    void successClearsTheAccountButNotTheAddress() {
        fail("policy", "192.0.2.5", 4);
        throttle.success("policy");
        assertThat(fail("policy", "192.0.2.5", 4)).isEmpty();
        assertThat(throttle.failure("policy", "192.0.2.5")).extracting(Lock::kind).containsExactly(Kind.ACCOUNT);
        clock.advance(Duration.ofMinutes(1));
        throttle.success("policy");
        // the lock level is gone too: the next lock is 1 minute again, not 2
        assertThat(fail("policy", "192.0.2.6", 5)).singleElement().extracting(Lock::duration)
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void oneAddressTryingManyNamesIsLockedAfterTwenty() {
        for (int i = 0; i < 19; i++) {
            assertThat(throttle.failure("user" + i, "203.0.113.9")).isEmpty();
        }
        List<Lock> locks = throttle.failure("user19", "203.0.113.9");
        assertThat(locks).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(Kind.ADDRESS);
            assertThat(l.key()).isEqualTo("203.0.113.9");
            assertThat(l.failures()).isEqualTo(20);
        });
        // every account from that address is refused, the same account from elsewhere is not
        assertThat(throttle.lockOf("admin", "203.0.113.9")).get().extracting(Lock::kind).isEqualTo(Kind.ADDRESS);
        assertThat(throttle.lockOf("admin", "203.0.113.10")).isEmpty();
        // a success (another account) does not reset the address
        throttle.success("admin");
        assertThat(throttle.lockOf(null, "203.0.113.9")).isPresent();
    }

    @Test
    void failuresAreForgottenAfterADayWithoutAny() {
        fail("cadre", "192.0.2.3", 5);
        clock.advance(Duration.ofMinutes(1));
        fail("cadre", "192.0.2.3", 4);
        clock.advance(Duration.ofHours(24));
        // count and level start afresh: four more failures lock nothing, the fifth locks for 1 minute
        assertThat(fail("cadre", "192.0.2.3", 4)).isEmpty();
        assertThat(throttle.failure("cadre", "192.0.2.3")).singleElement().extracting(Lock::duration)
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void memoryIsBoundedAndLocksOutliveTheEviction() {
        LoginThrottle small = new LoginThrottle(new LoginThrottle.Settings(5, 20, Duration.ofMinutes(1),
                Duration.ofMinutes(30), Duration.ofHours(24), 100), clock);
        for (int i = 0; i < 5; i++) {
            small.failure("victim", null);
        }
        assertThat(small.lockOf("victim", null)).isPresent();
        for (int i = 0; i < 1000; i++) {
            clock.advance(Duration.ofMillis(10));
            small.failure("random" + i, null);
        }
        assertThat(small.size()).isLessThanOrEqualTo(100);
        assertThat(small.lockOf("victim", null)).as("locked keys are evicted last").isPresent();
    }

    @Test
    void minutesLeftRoundUp() {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");
        Lock lock = new Lock(Kind.ACCOUNT, "a", now.plusSeconds(61), Duration.ofMinutes(2), 2, 5);
        assertThat(lock.minutesLeft(now)).isEqualTo(2);
        assertThat(lock.minutesLeft(now.plusSeconds(60))).isEqualTo(1);
        assertThat(lock.minutesLeft(now.plusSeconds(600))).isEqualTo(1);
    }
}
