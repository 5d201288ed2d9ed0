package org.olive.ingest.load;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.olive.identity.IdNumber;

/**
 * The rows of a file without a primary key (crossings: ~1M events a month), remembered by a 64-bit fingerprint of
 * their parsed values, to find exact duplicates in one streaming pass. Memory is one {@code long} and one {@code int}
 * per distinct row in an open-addressing table (about 24 bytes per row at the worst load, 48 MB for two million
 * rows); no value is kept. Two different rows share a fingerprint with a probability of about n²/2⁶⁵ (10⁻⁷ for two
 * million rows), in which case the second is reported as a duplicate of the first, which the message names.
 */
final class RowFingerprints {

    private static final long EMPTY = 0L;
    private long[] keys = new long[1 << 12];
    private int[] rows = new int[1 << 12];
    private int size;

    /** Remembers the row; returns the row that had the same values first, or -1. */
    long putIfAbsent(Object[] values, long row) {
        long h = fingerprint(values);
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == h) {
                return rows[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = h;
        rows[i] = (int) Math.min(row, Integer.MAX_VALUE);
        size++;
        return -1;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long h = oldKeys[j];
            if (h != EMPTY) {
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = h;
                rows[i] = oldRows[j];
            }
        }
    }

    static long fingerprint(Object[] values) {
        long h = 0x9E3779B97F4A7C15L;
        for (Object v : values) {
            h = mix(h, 0x1F);
            if (v == null) {
                h = mix(h, 0);
            } else if (v instanceof LocalDateTime t) {
                h = mix(mix(h, t.toLocalDate().toEpochDay()), t.toLocalTime().toNanoOfDay());
            } else if (v instanceof LocalDate d) {
                h = mix(h, d.toEpochDay());
            } else if (v instanceof Long || v instanceof Integer) {
                h = mix(h, ((Number) v).longValue());
            } else {
                CharSequence s = v instanceof IdNumber id ? id.value()
                        : v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : v.toString();
                for (int i = 0; i < s.length(); i++) {
                    h = mix(h, s.charAt(i));
                }
            }
        }
        h = finish(h);
        return h == EMPTY ? 1 : h;
    }

    private static long mix(long h, long v) {
        return Long.rotateLeft(h ^ (v * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
    }

    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
