package org.olive.population;

import java.time.LocalDateTime;

/**
 * One real-name ferry crossing (进出岛记录) of one person.
 *
 * @param time      when the ticket was checked, local time
 * @param direction {@link Direction#IN} onto the islands or {@link Direction#OUT} off them
 * @param sourceKey the record that said so (file and row, or a record id), kept for explanations
 */
public record Crossing(LocalDateTime time, Direction direction, String sourceKey) {

    public enum Direction { IN, OUT }
}
