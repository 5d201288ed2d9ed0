package org.olive.app.population;

import java.util.Locale;
import java.util.Optional;

/**
 * The four population lists of a period (domain.md §2): 户籍 registered, 常住 resident, 流动 floating (present but
 * registered elsewhere), 人户分离 separated (registered but not resident). Each is a boolean column of
 * {@code person_period} with a {@code <list>_since} column (the period the current membership began), and is
 * counted in a village: the hukou village for the registered and separated lists, the village lived in for the
 * resident and floating ones.
 */
public enum PopulationList {
    REGISTERED("hukou_village"),
    RESIDENT("live_village"),
    FLOATING("live_village"),
    SEPARATED("hukou_village");

    private final String villageColumn;

    PopulationList(String villageColumn) {
        this.villageColumn = villageColumn;
    }

    /** The boolean column of {@code person_period}. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The column holding the period the membership began. */
    public String sinceColumn() {
        return column() + "_since";
    }

    /** The village a member of this list is counted in. */
    public String villageColumn() {
        return villageColumn;
    }

    /** The URL name ({@code registered} …). */
    public String id() {
        return column();
    }

    /** The list of a URL name, case-insensitive. */
    public static Optional<PopulationList> of(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (PopulationList l : values()) {
            if (l.column().equalsIgnoreCase(id.strip())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
