package org.olive.synth.fault;

import java.util.SplittableRandom;
import org.olive.synth.FaultRates;

/**
 * Decides, from a seeded random stream, where faults go, and builds the faulty values. One injector serves a
 * whole run; its decisions depend only on the seed and the order of opportunities, so output stays
 * deterministic. See {@link FaultRates} for the meaning of each rate and the forcing rule.
 */
public final class FaultInjector {

    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** Pairs of characters that clerks confuse (same or similar sound or shape). */
    private static final String TYPO_FROM = "王张陈李林华明伟丽军芳红海国建平文英玲志峰娟斌强杰静敏燕霞辉";
    private static final String TYPO_TO = "汪章程黎琳桦铭玮莉君方宏亥囯健萍雯瑛铃智锋鹃彬蔷洁婧敏艳震晖";

    private final FaultRates rates;
    private final SplittableRandom random;
    private final FaultLog log;
    private final long[] opportunities = new long[FaultType.values().length];
    private final long[] injected = new long[FaultType.values().length];
    /** Opportunities left until the next chance hit of each type (geometric gaps: one draw per fault). */
    private final long[] countdown = new long[FaultType.values().length];

    public FaultInjector(FaultRates rates, long seed, FaultLog log) {
        this.rates = rates;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.log = log;
    }

    public FaultRates rates() {
        return rates;
    }

    public FaultLog log() {
        return log;
    }

    public double rate(FaultType t) {
        return switch (t) {
            case INVALID_ID_CHECKSUM -> rates.invalidIdChecksum();
            case LEGACY_ID_15 -> rates.legacyId15();
            case DUPLICATE_ROW -> rates.duplicateRow();
            case MISSING_CROSSING -> rates.missingCrossing();
            case STALE_ADDRESS -> rates.staleAddress();
            case DEAD_STILL_IN_HUKOU -> rates.deadStillInHukou();
            case SPOUSE_CONFLICT -> rates.spouseConflict();
            case NAME_TYPO -> rates.nameTypo();
            case ABSURD_AMOUNT -> rates.absurdAmount();
            case WRONG_ENCODING -> rates.misencodedFiles() > 0 ? 1 : 0;
            case UNKNOWN_CODE -> 0;
        };
    }

    /**
     * One opportunity for a fault whose rate is a dataset's own option rather than a {@link FaultRates} field (the
     * unknown policy item of the 一卡通): injected at that rate, forced like the others, and never while this
     * injector's rates are all off ({@link FaultRates#none()}).
     */
    public boolean roll(FaultType t, double rate) {
        if (rate <= 0 || rates.equals(FaultRates.none())) {
            return false;
        }
        return hit(t, rate);
    }

    /** One opportunity for a fault of this type: true if it is to be injected here. */
    public boolean roll(FaultType t) {
        double r = rate(t);
        if (r <= 0) {
            return false;
        }
        return hit(t, r);
    }

    private boolean hit(FaultType t, double r) {
        int i = t.ordinal();
        opportunities[i]++;
        if (countdown[i] == 0) {
            countdown[i] = gap(r);
        }
        boolean hit = --countdown[i] == 0 || (injected[i] == 0 && opportunities[i] >= forceAfter(t));
        if (hit) {
            injected[i]++;
        }
        return hit;
    }

    /** Opportunities up to and including the next hit when each one hits with probability {@code r}. */
    private long gap(double r) {
        if (r >= 1) {
            return 1;
        }
        double u = 1 - random.nextDouble();
        return 1 + (long) Math.floor(Math.log(u) / Math.log1p(-r));
    }

    /** Per-event faults are rare by nature and forced sooner than per-row ones. */
    private static int forceAfter(FaultType t) {
        return switch (t) {
            case DEAD_STILL_IN_HUKOU, SPOUSE_CONFLICT, STALE_ADDRESS -> FaultRates.FORCE_AFTER_EVENTS;
            default -> FaultRates.FORCE_AFTER_OPPORTUNITIES;
        };
    }

    /** A wrong check character for an 18-character ID. */
    public String breakChecksum(String id) {
        char right = id.charAt(17);
        int idx = 0;
        for (int i = 0; i < ID_CHECK.length; i++) {
            if (ID_CHECK[i] == right) {
                idx = i;
            }
        }
        char wrong = ID_CHECK[(idx + 1 + random.nextInt(10)) % 11];
        return id.substring(0, 17) + wrong;
    }

    /** The 15-digit legacy form: no century, no check character. */
    public static String legacy15(String id) {
        return id.substring(0, 6) + id.substring(8, 17);
    }

    /** A name with one character replaced by a confusable one. */
    public String typo(String name) {
        for (int i = name.length() - 1; i >= 0; i--) {
            int k = TYPO_FROM.indexOf(name.charAt(i));
            if (k >= 0 && TYPO_TO.charAt(k) != name.charAt(i)) {
                return name.substring(0, i) + TYPO_TO.charAt(k) + name.substring(i + 1);
            }
        }
        int pos = name.length() > 1 ? 1 + random.nextInt(name.length() - 1) : 0;
        char c = name.charAt(pos) == '晓' ? '小' : '晓';
        return name.substring(0, pos) + c + name.substring(pos + 1);
    }

    /** An absurd amount: 100 times the value (a fen/yuan slip) or its negative. */
    public long absurd(long cents) {
        return random.nextInt(3) == 0 ? -Math.max(cents, 100) : Math.max(cents, 100) * 100;
    }

    public SplittableRandom random() {
        return random;
    }
}
