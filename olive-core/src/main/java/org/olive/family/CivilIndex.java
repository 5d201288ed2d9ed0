package org.olive.family;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The civil registers indexed by person: each person's latest marriage or divorce registration, each child's birth
 * registration and each person's death registration, up to the period's last day.
 */
final class CivilIndex {

    private final Map<String, CivilRecords.Marriage> latestEvent = new HashMap<>();
    private final Map<String, CivilRecords.Birth> births = new HashMap<>();
    private final Map<String, CivilRecords.Death> deaths = new HashMap<>();

    CivilIndex(FamilyInput input) {
        LocalDate asOf = input.asOf();
        List<CivilRecords.Marriage> ms = new ArrayList<>();
        for (CivilRecords.Marriage m : input.marriages()) {
            if (m.husbandId() != null && m.wifeId() != null && (m.date() == null || !m.date().isAfter(asOf))) {
                ms.add(m);
            }
        }
        // stable sort: records of the same day keep their input order
        ms.sort(Comparator.comparing(CivilRecords.Marriage::date, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (CivilRecords.Marriage m : ms) {
            latestEvent.put(m.husbandId(), m);
            latestEvent.put(m.wifeId(), m);
        }
        for (CivilRecords.Birth b : input.births()) {
            if (b.childId() != null && (b.date() == null || !b.date().isAfter(asOf))) {
                births.put(b.childId(), b);
            }
        }
        for (CivilRecords.Death d : input.deaths()) {
            if (d.personId() != null && (d.date() == null || !d.date().isAfter(asOf))) {
                deaths.putIfAbsent(d.personId(), d);
            }
        }
    }

    /** The registration of the person's current marriage, or null if the latest event is a divorce or none exists. */
    CivilRecords.Marriage currentMarriage(String personId) {
        CivilRecords.Marriage m = latestEvent.get(personId);
        if (m == null || m.divorce()) {
            return null;
        }
        // the other party may have married again since
        String other = other(m, personId);
        return latestEvent.get(other) == m ? m : null;
    }

    /** The registered current spouse, or null. */
    String registeredSpouse(String personId) {
        CivilRecords.Marriage m = currentMarriage(personId);
        return m == null ? null : other(m, personId);
    }

    /** The latest registration between the two, if it is a divorce; else null. */
    CivilRecords.Marriage divorceBetween(String a, String b) {
        CivilRecords.Marriage m = latestEvent.get(a);
        if (m != null && m.divorce() && b.equals(other(m, a))) {
            return m;
        }
        return null;
    }

    CivilRecords.Birth birth(String childId) {
        return births.get(childId);
    }

    CivilRecords.Death death(String personId) {
        return deaths.get(personId);
    }

    static String other(CivilRecords.Marriage m, String personId) {
        return personId.equals(m.husbandId()) ? m.wifeId() : m.husbandId();
    }
}
