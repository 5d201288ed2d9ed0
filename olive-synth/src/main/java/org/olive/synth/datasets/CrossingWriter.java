package org.olive.synth.datasets;

import java.io.IOException;
import java.util.List;
import org.olive.synth.crossing.CrossingBuffer;
import org.olive.synth.fault.FaultType;
import org.olive.synth.output.Catalog;
import org.olive.synth.output.CsvSink;
import org.olive.synth.output.RowSink;
import org.olive.synth.output.Text;
import org.olive.synth.population.Person;
import org.olive.synth.population.TouristIds;
import org.olive.synth.world.MonthEvents;

/**
 * Writes the month's crossings (sorted by time) and the tourism statistics. Missing-crossing faults drop an
 * OUT row (the IN stays without its OUT); the drop is logged at the row position it would have had.
 */
public final class CrossingWriter {

    private static final String IN = "进岛", OUT = "出岛";
    private final char[] idBuf = new char[18];
    private final char[] time = new char[19];

    public void crossings(WriteContext c, CrossingBuffer buffer, RowSink sink) {
        List<String> ports = c.world.county.ports();
        List<Person> persons = c.world.persons;
        CsvSink csv = (CsvSink) sink;
        int first = c.first;
        for (int i = 0; i < buffer.size(); i++) {
            long e = buffer.get(i);
            boolean in = CrossingBuffer.in(e);
            long ref = CrossingBuffer.ref(e);
            boolean tourist = CrossingBuffer.tourist(e);
            String id = null;
            String name;
            int birthYear;
            if (tourist) {
                boolean male = TouristIds.write(ref, idBuf);
                birthYear = (idBuf[6] - '0') * 1000 + (idBuf[7] - '0') * 100 + (idBuf[8] - '0') * 10 + (idBuf[9] - '0');
                name = TouristIds.name(ref, male);
            } else {
                Person p = persons.get((int) ref);
                id = p.id;
                name = p.name;
                birthYear = p.birthYear;
            }
            int sec = CrossingBuffer.second(e);
            int day = first + sec / 86400;
            int sod = sec % 86400;
            System.arraycopy(Text.isoDate(day), 0, time, 0, 10);
            time[10] = ' ';
            Text.append2(time, 11, sod / 3600);
            time[13] = ':';
            Text.append2(time, 14, (sod / 60) % 60);
            time[16] = ':';
            Text.append2(time, 17, sod % 60);
            if (!in && c.faults.roll(FaultType.MISSING_CROSSING)) {
                sink.logDroppedRow(FaultType.MISSING_CROSSING,
                        (tourist ? new String(idBuf) : id) + "," + name + "," + OUT + "," + new String(time) + "," + ports.get(CrossingBuffer.port(e)));
                continue;
            }
            if (tourist) {
                sink.id(idBuf, birthYear);
            } else {
                sink.id(id, birthYear);
            }
            sink.name(name);
            sink.text(in ? IN : OUT);
            csv.startCell();
            csv.rawAppend(time, 0, 19);
            sink.text(ports.get(CrossingBuffer.port(e)));
            sink.endRow();
        }
    }

    public void tourism(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.TOURISM);
        MonthEvents ev = c.world.events;
        var townships = c.world.county.townships();
        for (int t = 0; t < townships.size(); t++) {
            s.text(c.month);
            s.text(townships.get(t).code().substring(0, 9));
            s.text(townships.get(t).name());
            s.num(ev.touristArrivals[t]);
            s.num(ev.touristOvernight[t]);
            s.num(ev.touristNights[t]);
            s.endRow();
        }
        c.files.close(s);
    }
}
