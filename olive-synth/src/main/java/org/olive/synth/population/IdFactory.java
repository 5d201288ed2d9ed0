package org.olive.synth.population;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.olive.identity.IdNumber;

/**
 * Issues unique, valid ID numbers with {@link IdNumber#compose}: for each address code, birth date and sex the
 * sequence number counts up, so two persons never share a number. The map is only looked up, never iterated.
 */
public final class IdFactory {

    /** Address codes of migrants' and in-marrying spouses' home counties (Anhui, Henan, Sichuan, Jiangxi,
     * Guizhou, Hubei, and nearby Zhejiang and Shanghai). */
    public static final String[] ORIGINS = {"340822", "340826", "341522", "411524", "411526", "412726", "510322",
            "511324", "513030", "362329", "360732", "522126", "421182", "330902", "330903", "330921", "330226",
            "330324", "310115", "320623"};

    private final Map<String, Integer> next = new HashMap<>();

    public String issue(String address, LocalDate birth, boolean male) {
        String key = address + birth + (male ? 'M' : 'F');
        int seq = next.merge(key, 1, Integer::sum);
        if (seq > 499) {
            throw new IllegalStateException("more than 499 persons with the same address, birth date and sex: " + key);
        }
        return IdNumber.compose(address, birth, seq, male).value();
    }
}
