package org.olive.person;

import java.time.LocalDate;
import java.util.Set;

/**
 * A person of the registry a record may be matched to: the registry key, the (valid) ID number, the name, sex and
 * birth date held for the person, and the village codes the person is known at (registered or living).
 *
 * @param key       the registry's person key
 * @param idNumber  the person's valid 18-character ID number
 * @param name      the person's name, or {@code null}
 * @param sex       {@code M} or {@code F}, or {@code null}
 * @param birthDate the person's birth date, or {@code null}
 * @param villages  the village codes the person is known at (may be empty)
 */
public record Candidate(long key, String idNumber, String name, String sex, LocalDate birthDate, Set<String> villages) {

    public Candidate {
        if (idNumber == null || idNumber.length() != 18) {
            throw new IllegalArgumentException("candidate " + key + " needs an 18-character ID number");
        }
        villages = villages == null ? Set.of() : Set.copyOf(villages);
    }

    /** The first 17 characters of the ID number (everything but the check character). */
    public String idBody() {
        return idNumber.substring(0, 17);
    }
}
