package org.olive.app.population;

import java.util.Optional;

import org.olive.pipeline.ledger.PopulationListFigures.ListColumns;

/**
 * The four population lists of a period (domain.md §2): 户籍 registered, 常住 resident, 流动 floating (present but
 * registered elsewhere), 人户分离 separated (registered but not resident). Each is a boolean column of
 * {@code person_period} with a {@code <list>_since} column (the period the current membership began), and is
 * counted in a village: the hukou village for the registered and separated lists, the village lived in for the
 * resident and floating ones. The columns are those the ledger run writes ({@link ListColumns}).
 */
public enum PopulationList {
    REGISTERED(ListColumns.REGISTERED),
    RESIDENT(ListColumns.RESIDENT),
    FLOATING(ListColumns.FLOATING),
    SEPARATED(ListColumns.SEPARATED);

    private final ListColumns columns;

    PopulationList(ListColumns columns) {
        this.columns = columns;
    }

    /** The boolean column of {@code person_period}, also the list's value in the precomputed figures (V15). */
    public String column() {
        return columns.column();
    }

    /** The column holding the period the membership began. */
    public String sinceColumn() {
        return columns.sinceColumn();
    }

    /** The village a member of this list is counted in. */
    public String villageColumn() {
        return columns.villageColumn();
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
