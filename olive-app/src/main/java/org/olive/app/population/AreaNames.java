package org.olive.app.population;

import org.olive.geography.Division;
import org.olive.geography.Divisions;
import org.springframework.stereotype.Component;

/**
 * Names of the townships and villages the ledgers store by code: a township as its 9-digit prefix
 * ({@code person_period.township_code}), a village as its 12-digit code. Unknown codes show as the code itself.
 */
@Component
public class AreaNames {

    private final Divisions divisions;

    public AreaNames(Divisions divisions) {
        this.divisions = divisions;
    }

    /** The name of a township (9 or 12 digits) or village (12 digits); the code when unknown; "–" for null. */
    public String of(String code) {
        if (code == null || code.isBlank()) {
            return "–";
        }
        String full = code.length() == 9 ? code + "000" : code;
        Division d = divisions.get(full);
        return d == null ? code : d.name();
    }

    /** The 9-digit code of a township given as 9 or 12 digits, or null when it is no township of the county. */
    public String township(String code) {
        if (code == null || !(code.length() == 9 || code.length() == 12)) {
            return null;
        }
        Division d = divisions.get(code.length() == 9 ? code + "000" : code);
        return d != null && d.level() == Division.Level.TOWNSHIP ? d.code().substring(0, 9) : null;
    }

    /** Whether a 12-digit code is a village of the county. */
    public boolean isVillage(String code) {
        Division d = code == null ? null : divisions.get(code);
        return d != null && d.level() == Division.Level.VILLAGE;
    }

    public Divisions divisions() {
        return divisions;
    }
}
