package org.olive.synth.datasets;

import java.io.IOException;
import org.olive.synth.livelihood.Bnb;
import org.olive.synth.livelihood.Entity;
import org.olive.synth.livelihood.Licence;
import org.olive.synth.livelihood.Vessel;
import org.olive.synth.output.Catalog;
import org.olive.synth.output.RowSink;
import org.olive.synth.population.Person;

/**
 * Market-regulation, tax, tourism and fishery extracts: the entity register, yearly business reports, B&amp;B
 * months, vessels with their catch, crews with their shares, and aquaculture licences with their output.
 */
public final class BusinessWriters {

    public void marketEntities(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.MARKET_ENTITY);
        for (Entity e : c.world.entities) {
            if (!e.registered() || e.founded > c.last || (e.closed >= 0 && e.closed < c.first - 365 * 3)) {
                continue;
            }
            s.text(e.uscc);
            s.text(e.name);
            s.text(e.kind.label());
            if (e.operator != null) {
                s.id(e.operator.id, e.operator.birthYear);
                s.name(e.operator.name);
            } else {
                s.id(e.repId, 1970);
                s.name(e.repName);
            }
            s.text(e.industry);
            s.num(Math.max(e.operator != null ? 1 : 0, e.employees));
            s.date(e.founded);
            s.dateOrEmpty(e.closed >= 0 && e.closed <= c.last ? e.closed : -1);
            s.text(c.villageCode(e.village));
            s.endRow();
        }
        c.files.close(s);
    }

    public void businessReports(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.BUSINESS_REPORT);
        int yearStart = (int) java.time.LocalDate.of(c.period.year(), 1, 1).toEpochDay();
        for (Entity e : c.world.entities) {
            if (!e.registered() || e.founded > c.last || (e.closed >= 0 && e.closed < yearStart)) {
                continue;
            }
            if (e.revenueYear == 0 && e.profitYear == 0) {
                continue;
            }
            s.text(e.uscc);
            s.num(c.period.year());
            s.money(Math.max(e.revenueYear, e.profitYear));
            s.money(e.profitYear);
            s.endRow();
        }
        c.files.close(s);
    }

    public void bnbs(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.BNB);
        for (Bnb b : c.world.bnbs) {
            if (b.entity.founded > c.last || (b.closed >= 0 && b.closed < c.first)) {
                continue;
            }
            s.text(b.number);
            s.text(b.name);
            s.text(b.entity.uscc);
            s.id(b.owner.id, b.owner.birthYear);
            s.name(b.owner.name);
            s.text(c.villageCode(b.village));
            s.num(b.rooms);
            s.num(b.beds);
            s.text(Bnb.GRADES[b.grade]);
            s.text(c.month);
            s.num(b.roomNights);
            s.money(b.revenue);
            s.endRow();
        }
        c.files.close(s);
    }

    public void vessels(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.FISHERY_VESSELS);
        for (Vessel v : c.world.vessels) {
            if (!v.owner.alive() && v.owner.deathDay < c.first) {
                continue;
            }
            s.text(v.number);
            s.id(v.owner.id, v.owner.birthYear);
            s.name(v.owner.name);
            s.num(v.powerKw);
            s.text(v.gear);
            s.text(c.month);
            s.money(v.monthCatch);
            s.text(c.villageCode(v.village));
            s.endRow();
        }
        c.files.close(s);
    }

    public void crew(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.FISHERY_CREW);
        for (Vessel v : c.world.vessels) {
            int rank = 0;
            for (Person p : v.crew) {
                if (p.mCrewShare == 0 || p.assetIndex != v.index) {
                    continue;
                }
                s.text(v.number);
                s.id(p.id, p.birthYear);
                s.name(p.name);
                s.text(rank == 0 ? "船长" : rank == 1 ? "轮机长" : "普通船员");
                s.text(c.month);
                s.money(p.mCrewShare);
                s.endRow();
                rank++;
            }
        }
        c.files.close(s);
    }

    public void aquaculture(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.FISHERY_AQUACULTURE);
        for (Licence l : c.world.licences) {
            if (!l.holder.alive() && l.holder.deathDay < c.first) {
                continue;
            }
            s.text(l.number);
            s.id(l.holder.id, l.holder.birthYear);
            s.name(l.holder.name);
            s.text(org.olive.synth.output.Text.fixed(l.areaMu, 1));
            s.text(l.species);
            s.text(c.month);
            s.money(l.monthOutput);
            s.text(c.villageCode(l.village));
            s.endRow();
        }
        c.files.close(s);
    }
}
