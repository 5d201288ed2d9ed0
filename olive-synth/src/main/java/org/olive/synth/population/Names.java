package org.olive.synth.population;

import java.util.SplittableRandom;

/**
 * Chinese personal names: a surname drawn from a list weighted towards the surnames common in Zhoushan and
 * Zhejiang, and a one- or two-character given name from sex-specific character pools (two characters for
 * 75%). Children take the father's surname.
 */
public final class Names {

    /** Surnames, most frequent first; drawn with weight proportional to 1/(rank+4). */
    private static final String SURNAMES = "王陈张李林周徐刘吴黄胡杨郑朱孙金邵虞应俞翁丁沈钱方蒋叶何罗梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡贾魏薛余杜戴夏钟汪任姜范石姚谭廖邹熊陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文";
    private static final String MALE = "伟强军勇杰涛明超斌辉刚峰磊鹏华建国平志海波浩宇杰俊凯文龙飞鑫晨阳成康林亮振东永健兵新力家荣春雷江";
    private static final String FEMALE = "芳娟敏静丽艳娜秀英华慧玲红霞燕萍琳雪婷莉颖佳梅琴云凤洁倩欣怡晓月玉兰美娇素珍丹蓉璐瑶悦诗";
    private static final double[] CUMULATIVE;

    static {
        CUMULATIVE = new double[SURNAMES.length()];
        double s = 0;
        for (int i = 0; i < SURNAMES.length(); i++) {
            s += 1.0 / (i + 4);
            CUMULATIVE[i] = s;
        }
        for (int i = 0; i < CUMULATIVE.length; i++) {
            CUMULATIVE[i] /= s;
        }
    }

    private Names() {
    }

    public static char surname(SplittableRandom r) {
        return surnameAt(r.nextDouble());
    }

    static char surnameAt(double u) {
        int lo = 0, hi = CUMULATIVE.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (CUMULATIVE[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return SURNAMES.charAt(lo);
    }

    public static String given(SplittableRandom r, boolean male) {
        String pool = male ? MALE : FEMALE;
        char a = pool.charAt(r.nextInt(pool.length()));
        if (r.nextInt(4) == 0) {
            return String.valueOf(a);
        }
        return new String(new char[]{a, pool.charAt(r.nextInt(pool.length()))});
    }

    public static String full(char surname, SplittableRandom r, boolean male) {
        return surname + given(r, male);
    }

    /** A deterministic name from a 64-bit hash (for tourists, generated on the fly). */
    public static String fromHash(long h, boolean male) {
        String pool = male ? MALE : FEMALE;
        char s = surnameAt(((h >>> 11) & 0xFFFFF) / (double) 0x100000);
        char a = pool.charAt((int) ((h >>> 33) % pool.length()));
        if (((h >>> 45) & 3) == 0) {
            return new String(new char[]{s, a});
        }
        return new String(new char[]{s, a, pool.charAt((int) ((h >>> 50) % pool.length()))});
    }
}
