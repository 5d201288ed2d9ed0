package org.olive.family;

import java.util.List;

/** The families of a period and the conflicts met while building them. */
public record FamilyLedger(String period, List<Family> families, List<Conflict> conflicts) {
}
