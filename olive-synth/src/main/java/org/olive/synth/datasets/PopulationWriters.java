package org.olive.synth.datasets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.olive.synth.family.RelationCodes;
import org.olive.synth.fault.FaultType;
import org.olive.synth.output.Catalog;
import org.olive.synth.output.RowSink;
import org.olive.synth.population.Household;
import org.olive.synth.population.Person;
import org.olive.synth.population.Residence;
import org.olive.synth.world.MonthEvents;

/**
 * The public-security and civil-affairs registers: the hukou snapshot, residence permits of migrants, marriage
 * registrations and births and deaths. The hukou writer also injects the register faults: stale addresses of
 * people who moved, dead people left listed, and child-in-law members coded 10 配偶.
 */
public final class PopulationWriters {

    private final List<Person> deadListed = new ArrayList<>();
    private final BitSet spouseFaultDecided = new BitSet();

    public void hukou(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.HUKOU);
        if (c.firstPeriod) {
            for (Person p : c.world.persons) {
                if (p.deadButListed && p.deathDay < c.first && p.lastHousehold != null) {
                    deadListed.add(p);
                }
            }
        }
        for (Household h : c.world.households) {
            if (h.members.isEmpty() || h.head == null) {
                continue;
            }
            if (h.addressVillage != h.village) {
                h.address = c.world.county.address(h.village, h.houseNo);
                h.addressVillage = h.village;
            }
            String address = h.address;
            for (Person p : h.members) {
                if (!p.registered()) {
                    continue;
                }
                String rel = RelationCodes.of(h.head, p);
                if (!spouseFaultDecided.get(p.index) && (rel.equals("28") || rel.equals("38"))) {
                    spouseFaultDecided.set(p.index);
                    p.spouseCodeFault = c.faults.roll(FaultType.SPOUSE_CONFLICT);
                }
                int village = h.village;
                boolean stale = false;
                if (p.previousVillage >= 0 && p.previousVillage != village && c.faults.roll(FaultType.STALE_ADDRESS)) {
                    stale = true;
                }
                row(c, s, p, h, p.spouseCodeFault && (rel.equals("28") || rel.equals("38")) ? "10" : rel, rel,
                        stale ? p.previousVillage : village, village, address, "正常", -1, false);
            }
        }
        for (Person p : c.world.events.deaths) {
            if (p.lastHousehold != null && p.lastHousehold.head != null) {
                row(c, s, p, p.lastHousehold, p.lastRelation, p.lastRelation, p.lastHousehold.village,
                        p.lastHousehold.village, c.world.county.address(p.lastHousehold.village, p.lastHousehold.houseNo),
                        p.deadButListed ? "正常" : "死亡", p.deadButListed ? -1 : p.deathDay, p.deadButListed);
                if (p.deadButListed) {
                    deadListed.add(p);
                }
            }
        }
        for (Person p : deadListed) {
            if (p.deathDay >= c.first) {
                continue;
            }
            Household h = p.lastHousehold;
            row(c, s, p, h, p.lastRelation, p.lastRelation, h.village, h.village, c.world.county.address(h.village, h.houseNo),
                    "正常", -1, true);
        }
        for (Person p : c.world.events.movedOut) {
            Household h = p.lastHousehold;
            if (h == null) {
                continue;
            }
            row(c, s, p, h, p.lastRelation, p.lastRelation, h.village, h.village, c.world.county.address(h.village, h.houseNo),
                    "迁出", p.moveOutDay, false);
        }
        c.files.close(s);
    }

    private void row(WriteContext c, RowSink s, Person p, Household h, String relWritten, String relTrue, int village,
                     int trueVillage, String address, String status, int statusDay, boolean deadFault) {
        s.id(p.id, p.birthYear);
        s.name(p.name);
        s.text(p.male ? "1" : "2");
        s.date(p.birthDay);
        s.text(p.ethnicity);
        s.text(h.number);
        if (!relWritten.equals(relTrue)) {
            s.logFault(FaultType.SPOUSE_CONFLICT, relTrue, relWritten);
        }
        s.text(relWritten);
        if (village != trueVillage) {
            s.logFault(FaultType.STALE_ADDRESS, c.villageCode(trueVillage), c.villageCode(village));
        }
        s.text(c.villageCode(village));
        s.text(village != trueVillage ? c.world.county.address(village, h.houseNo) : address);
        s.text(org.olive.synth.output.Text.small(p.marital));
        s.text(org.olive.synth.output.Text.small(p.education));
        if (deadFault) {
            s.logFault(FaultType.DEAD_STILL_IN_HUKOU, "死亡 " + org.olive.synth.output.Text.isoDateString(p.deathDay), status);
        }
        s.text(status);
        s.dateOrEmpty(statusDay);
        s.endRow();
    }

    public void floating(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.FLOATING);
        for (Person p : c.world.persons) {
            boolean active = p.residence == Residence.MIGRANT && p.permitStart <= c.last;
            boolean endedNow = p.permitEnd >= c.first && p.permitEnd <= c.last;
            if (!active && !endedNow) {
                continue;
            }
            if (p.deathDay >= 0 && p.deathDay < c.first) {
                continue;
            }
            s.id(p.id, p.birthYear);
            s.name(p.name);
            s.text(p.male ? "1" : "2");
            s.date(p.birthDay);
            s.text(p.origin);
            s.text(c.villageCode(p.village));
            s.text(p.migrationReason);
            s.date(p.permitStart);
            s.dateOrEmpty(endedNow ? p.permitEnd : -1);
            s.endRow();
        }
        c.files.close(s);
    }

    public void marriage(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.MARRIAGE);
        for (MonthEvents.Marriage m : c.world.events.marriages) {
            s.id(m.husband().id, m.husband().birthYear);
            s.name(m.husband().name);
            s.id(m.wife().id, m.wife().birthYear);
            s.name(m.wife().name);
            s.text(m.divorce() ? "离婚" : "结婚");
            s.date(m.day());
            s.text(c.world.county.name() + "民政局婚姻登记处");
            s.endRow();
        }
        c.files.close(s);
    }

    public void vital(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.VITAL);
        for (Person p : c.world.events.births) {
            s.text("出生");
            s.id(p.id, p.birthYear);
            s.name(p.name);
            s.text(p.male ? "1" : "2");
            s.date(p.birthDay);
            if (p.mother != null) {
                s.id(p.mother.id, p.mother.birthYear);
            } else {
                s.empty();
            }
            if (p.father != null) {
                s.id(p.father.id, p.father.birthYear);
            } else {
                s.empty();
            }
            s.text(c.villageCode(p.village));
            s.endRow();
        }
        for (Person p : c.world.events.deaths) {
            s.text("死亡");
            s.id(p.id, p.birthYear);
            s.name(p.name);
            s.text(p.male ? "1" : "2");
            s.date(p.deathDay);
            s.empty();
            s.empty();
            s.text(c.villageCode(p.village));
            s.endRow();
        }
        c.files.close(s);
    }
}
