package org.olive.synth.datasets;

import java.io.IOException;
import org.olive.synth.output.Catalog;
import org.olive.synth.output.RowSink;
import org.olive.synth.population.Person;
import org.olive.synth.population.Residence;
import org.olive.synth.world.Assistance;

/** Civil affairs, disabled persons' federation and medical insurance: assistance, disability and settlements. */
public final class WelfareWriters {

    public void assistance(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.ASSISTANCE);
        for (Assistance a : c.world.assistance) {
            if (a.start > c.last || (a.end >= 0 && a.end < c.first)) {
                continue;
            }
            Person p = a.person;
            s.id(p.id, p.birthYear);
            s.name(p.name);
            s.text(a.familyNo);
            s.text(a.type);
            s.money(a.monthlyCents);
            s.date(a.start);
            s.dateOrEmpty(a.end);
            s.text(c.villageCode(p.village));
            s.endRow();
        }
        c.files.close(s);
    }

    public void disability(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.DISABILITY);
        for (Person p : c.world.persons) {
            if (p.disabilityGrade == 0 || p.disabilityIssued > c.last || !p.alive()
                    || (!p.registered() && p.residence != Residence.MIGRANT)) {
                continue;
            }
            s.id(p.id, p.birthYear);
            s.name(p.name);
            s.text(Integer.toString(p.disabilityCategory));
            s.num(p.disabilityGrade);
            s.date(p.disabilityIssued);
            s.endRow();
        }
        c.files.close(s);
    }

    public void medical(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.MEDICAL);
        for (Person p : c.world.persons) {
            if (p.mMedicalTotal == 0) {
                continue;
            }
            s.id(p.id, p.birthYear);
            s.name(p.name);
            s.text(c.month);
            s.money(p.mMedicalTotal);
            s.moneyExact(p.mMedicalTotal - p.mMedicalOop);
            s.money(p.mMedicalOop);
            s.endRow();
        }
        c.files.close(s);
    }
}
