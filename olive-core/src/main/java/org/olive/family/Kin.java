package org.olive.family;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A kept hukou member while the builder works: the record and the kinship links inferred for it. */
final class Kin {

    final HukouMember m;
    /** The relation code as the builder reads it: the recorded one, or the reinterpretation of a SPOUSE_MISMATCH. */
    String code;
    Kin spouse;
    String spouseBasis;
    Kin parent;
    String parentBasis;
    /** Set when a decision moves the person to the family of a parent registered in another hukou. */
    Kin parentElsewhere;
    String parentElsewhereBasis;
    /** Treat as unmarried although the hukou says married (decision on a married minor). */
    boolean treatUnmarried;
    /** Why the builder reads another relation code than the recorded one, or null. */
    String codeNote;
    /** Notes of decisions and provisional choices that concern this member. */
    final java.util.List<String> notes = new java.util.ArrayList<>();
    /** The registration household the member belongs to in this build. */
    HukouKinship household;

    Kin(HukouMember m) {
        this.m = m;
        this.code = m.relationCode() == null ? "" : m.relationCode();
    }

    String id() {
        return m.personId();
    }

    boolean male() {
        return "M".equals(m.sex());
    }

    boolean female() {
        return "F".equals(m.sex());
    }

    /** Married per the hukou (GB/T 2261.2 20). */
    boolean married() {
        return !treatUnmarried && "20".equals(m.maritalStatus());
    }

    /** Not known to be never married (marital status other than 10). */
    boolean everMarried() {
        return !"10".equals(m.maritalStatus());
    }

    /** Could be currently married: 20 or unknown. */
    boolean possiblyMarried() {
        String s = m.maritalStatus();
        return s == null || "20".equals(s) || "90".equals(s) || s.isEmpty();
    }

    /** Years between the two birth dates (positive if {@code this} is older), or NaN if one is unknown. */
    double olderBy(Kin other) {
        LocalDate a = m.birthDate();
        LocalDate b = other.m.birthDate();
        if (a == null || b == null) {
            return Double.NaN;
        }
        return (b.toEpochDay() - a.toEpochDay()) / 365.2425;
    }

    int age(LocalDate asOf) {
        LocalDate b = m.birthDate();
        return b == null ? -1 : (int) ChronoUnit.YEARS.between(b, asOf);
    }

    /** Name and masked ID number, for evidence and basis texts. */
    String who() {
        return (m.name() == null ? "" : m.name()) + "（" + Texts.mask(m.personId()) + "）";
    }

    /** "与户主关系 38 儿媳" */
    String relation() {
        return "与户主关系 " + m.relationCode() + " " + Texts.relationLabel(m.relationCode());
    }
}
