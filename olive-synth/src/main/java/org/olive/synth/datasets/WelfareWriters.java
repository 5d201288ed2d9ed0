package org.olive.synth.datasets;

import org.olive.synth.fault.FaultType;

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

    /** Local item names of the 一卡通 that no policy of the library carries (the UNKNOWN_CODE fault). */
    private static final String[] UNKNOWN_ITEMS = {"老年人高龄补助金", "残疾人两项补贴", "职业培训补贴", "一次性生育补助",
            "困难群众价格临时补贴"};

    /**
     * 惠民惠农补贴发放明细 (财政局 一卡通): the month's payments of {@code history.Subsidies}, with the paying department's
     * item code and the policy's name; while faults are on, a code cell now and then holds a local item name that is no
     * policy of the library (UNKNOWN_CODE, at {@code unknownCodeRate} per row).
     */
    public void subsidyPayments(WriteContext c, org.olive.synth.history.Subsidies subsidies, double unknownCodeRate)
            throws IOException {
        RowSink s = c.open(Catalog.SUBSIDY_PAYMENT);
        int unknown = 0;
        for (org.olive.synth.history.Subsidies.Payment pay : subsidies.payments()) {
            Person p = pay.person();
            var pol = pay.policy();
            s.id(p.id, p.birthYear);
            s.name(p.name);
            s.text(p.household != null ? p.household.number : p.lastHousehold != null ? p.lastHousehold.number : "");
            if (c.faults != null && c.faults.roll(FaultType.UNKNOWN_CODE, unknownCodeRate)) {
                String bad = UNKNOWN_ITEMS[unknown++ % UNKNOWN_ITEMS.length];
                s.logFault(FaultType.UNKNOWN_CODE, pol.itemCode, bad);
                s.text(bad);
            } else {
                s.text(pol.itemCode);
            }
            s.text(pol.nameZh);
            s.text(c.month);
            s.money(pay.cents());
            s.text(pol.department);
            s.date(pay.paidDay());
            s.text(String.format("%04d", (p.index * 7919L + 1234) % 10_000));
            s.endRow();
        }
        c.files.close(s);
    }
}
