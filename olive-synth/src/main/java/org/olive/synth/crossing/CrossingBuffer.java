package org.olive.synth.crossing;

import java.util.Arrays;

/**
 * The crossings of one month as packed longs, sorted by time before writing. Layout, high to low bits:
 * second of the month (22 bits), direction (1 = IN), tourist flag, port (3 bits), reference (36 bits: the
 * person's index or the tourist's number). Packing keeps the largest dataset free of per-row objects.
 */
public final class CrossingBuffer {

    static final int REF_BITS = 36;
    static final long REF_MASK = (1L << REF_BITS) - 1;

    private long[] data = new long[1 << 16];
    private int size;

    public void add(long secondOfMonth, boolean in, boolean tourist, int port, long ref) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = (secondOfMonth << 41) | ((in ? 1L : 0L) << 40) | ((tourist ? 1L : 0L) << 39)
                | ((long) port << 36) | (ref & REF_MASK);
    }

    public void sort() {
        Arrays.sort(data, 0, size);
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    public long get(int i) {
        return data[i];
    }

    public static int second(long packed) {
        return (int) (packed >>> 41);
    }

    public static boolean in(long packed) {
        return ((packed >>> 40) & 1) == 1;
    }

    public static boolean tourist(long packed) {
        return ((packed >>> 39) & 1) == 1;
    }

    public static int port(long packed) {
        return (int) ((packed >>> 36) & 7);
    }

    public static long ref(long packed) {
        return packed & REF_MASK;
    }
}
