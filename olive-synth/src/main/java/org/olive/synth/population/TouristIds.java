package org.olive.synth.population;

import org.olive.identity.IdNumber;
import org.olive.synth.output.Text;

/**
 * IDs and names of tourists, computed on the fly from a tourist number so that millions of visits need no
 * stored registry. The number maps one-to-one onto (home address code, birth date, sequence, sex), so distinct
 * tourists never share an ID, and repeat visitors (the same number drawn again) keep theirs. Tourists are
 * 18–75 years old on 2022-01-01, from the origins below.
 */
public final class TouristIds {

    /** Home address codes of visitors: Shanghai, Jiangsu and Zhejiang districts dominate. */
    private static final String[] ORIGINS = {"310101", "310104", "310105", "310106", "310107", "310110", "310112",
            "310113", "310115", "310117", "310120", "320102", "320106", "320205", "320506", "320583", "330102",
            "330106", "330108", "330203", "330205", "330212", "330302", "330402", "330502", "330602", "330702",
            "330902", "340104", "110105", "440305", "420106", "510107", "370202", "350203"};
    private static final int SPAN_DAYS = 57 * 365;
    private static final int FIRST_BIRTH = (int) java.time.LocalDate.of(1947, 1, 1).toEpochDay();

    private TouristIds() {
    }

    /** Writes the 18-character ID of tourist {@code t} into {@code buf[0..18)}; returns whether male. */
    public static boolean write(long t, char[] buf) {
        int nA = ORIGINS.length;
        String a = ORIGINS[(int) (t % nA)];
        long rest = t / nA;
        int day = FIRST_BIRTH + (int) (rest % SPAN_DAYS);
        rest /= SPAN_DAYS;
        boolean male = (rest & 1) == 0;
        int seq = (int) ((rest >>> 1) % 499) + 1;
        a.getChars(0, 6, buf, 0);
        System.arraycopy(Text.compactDate(day), 0, buf, 6, 8);
        int s = seq * 2 + (male ? 1 : 0);
        buf[14] = (char) ('0' + s / 100);
        buf[15] = (char) ('0' + (s / 10) % 10);
        buf[16] = (char) ('0' + s % 10);
        buf[17] = IdNumber.checkChar(new String(buf, 0, 17));
        return male;
    }

    /** Birth year of tourist {@code t}. */
    public static int birthYear(long t) {
        long rest = t / ORIGINS.length;
        int day = FIRST_BIRTH + (int) (rest % SPAN_DAYS);
        return java.time.LocalDate.ofEpochDay(day).getYear();
    }

    /** Distinct tourist names per sex; a visitor's name is picked by a hash of the tourist number. */
    private static final int NAME_TABLE = 1 << 15;
    private static final String[][] NAMES = new String[2][];

    public static String name(long t, boolean male) {
        long h = t * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return table(male)[(int) ((h >>> 40) & (NAME_TABLE - 1))];
    }

    private static String[] table(boolean male) {
        int k = male ? 1 : 0;
        String[] names = NAMES[k];
        if (names == null) {
            synchronized (NAMES) {
                if (NAMES[k] == null) {
                    String[] n = new String[NAME_TABLE];
                    for (int i = 0; i < NAME_TABLE; i++) {
                        long h = (i + 1L) * 0xBF58476D1CE4E5B9L + (male ? 0x632BE59BD9B4E019L : 0);
                        h ^= h >>> 31;
                        h *= 0x94D049BB133111EBL;
                        n[i] = Names.fromHash(h, male);
                    }
                    NAMES[k] = n;
                }
                names = NAMES[k];
            }
        }
        return names;
    }
}
