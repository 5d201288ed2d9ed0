package org.olive.synth.datasets;

import java.io.IOException;
import org.olive.synth.income.Economy;
import org.olive.synth.livelihood.Holdings;
import org.olive.synth.livelihood.Livelihood;
import org.olive.synth.livelihood.LivelihoodAssigner;
import org.olive.synth.output.Catalog;
import org.olive.synth.output.RowSink;
import org.olive.synth.population.Person;
import org.olive.synth.reference.OccupationNames;

/**
 * Human resources, tax and housing-fund extracts: social-insurance contributions, benefit payments, skill
 * certificates, income-tax withholding, housing-fund contributions and platform work. Rows come from the
 * month figures the income model left on each person.
 */
public final class LabourWriters {

    public void socialInsurance(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.SOCIAL_INSURANCE);
        for (Person p : c.world.persons) {
            if (p.mSiBase == 0) {
                continue;
            }
            long base = p.mSiBase;
            if (p.formal && p.employer != null) {
                String pension = p.job.publicSector() ? "120" : "110";
                si(s, c, p, pension, base, Economy.PENSION_PERSONAL, Economy.PENSION_EMPLOYER);
                si(s, c, p, "310", base, Economy.MEDICAL_PERSONAL, Economy.MEDICAL_EMPLOYER);
                si(s, c, p, "210", base, Economy.UNEMPLOYMENT_PERSONAL, Economy.UNEMPLOYMENT_EMPLOYER);
                if (!p.job.publicSector()) {
                    si(s, c, p, "410", base, 0, Economy.INJURY_EMPLOYER);
                }
            } else {
                si(s, c, p, "110", base, Economy.FLEXIBLE_PENSION, 0);
                si(s, c, p, "310", base, Economy.FLEXIBLE_MEDICAL, 0);
            }
        }
        c.files.close(s);
    }

    private void si(RowSink s, WriteContext c, Person p, String type, long base, double personal, double employer) {
        boolean withEmployer = employer > 0 && p.employer != null;
        s.id(p.id, p.birthYear);
        s.name(p.name);
        s.text(withEmployer ? p.employer.uscc : "");
        s.text(withEmployer ? p.employer.name : "灵活就业人员");
        s.text(c.month);
        s.text(type);
        s.money(base);
        s.money(Math.round(base * personal));
        s.money(Math.round(base * employer));
        s.endRow();
    }

    public void benefits(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.BENEFITS);
        for (Person p : c.world.persons) {
            if (p.mPension > 0) {
                benefit(s, c, p, p.pensionType == 1 ? "机关事业单位养老金" : p.pensionType == 2 ? "企业职工基本养老金" : "城乡居民基本养老金",
                        p.mPension);
            }
            if (p.mUnemployment > 0) {
                benefit(s, c, p, "失业保险金", p.mUnemployment);
            }
        }
        c.files.close(s);
    }

    private void benefit(RowSink s, WriteContext c, Person p, String type, long amount) {
        s.id(p.id, p.birthYear);
        s.name(p.name);
        s.text(c.month);
        s.text(type);
        s.money(amount);
        s.endRow();
    }

    public void skillCertificates(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.SKILL_CERT);
        if (c.firstPeriod) {
            for (Holdings.Certificate cert : c.world.certificates) {
                if (cert.issued() < c.first) {
                    certificate(s, cert);
                }
            }
        }
        for (Holdings.Certificate cert : c.world.events.certificates) {
            certificate(s, cert);
        }
        c.files.close(s);
    }

    private void certificate(RowSink s, Holdings.Certificate cert) {
        s.text(cert.number());
        s.id(cert.holder().id, cert.holder().birthYear);
        s.name(cert.holder().name);
        s.text(cert.occupation());
        s.text(OccupationNames.name(cert.occupation()));
        s.num(cert.level());
        s.date(cert.issued());
        s.endRow();
    }

    public void incomeTax(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.IIT);
        for (Person p : c.world.persons) {
            if (p.mGross > 0 && p.formal && p.employer != null) {
                tax(s, c, p, "正常工资薪金", p.mGross, p.mTax, p.employer.uscc);
            }
            if (p.mDividendTax > 0 && p.employer != null) {
                tax(s, c, p, "利息股息红利所得", p.mDividendTax * 5, p.mDividendTax, p.employer.uscc);
            }
            if (p.mRentTax > 0) {
                tax(s, c, p, "财产租赁所得", declaredRent(c, p), p.mRentTax, "");
            }
        }
        c.files.close(s);
    }

    private long declaredRent(WriteContext c, Person p) {
        long sum = 0;
        for (Holdings.Rental r : c.world.rentals) {
            if (r.landlord == p && r.declared && r.start <= c.last && r.end >= c.first) {
                sum += r.monthlyRentCents;
            }
        }
        return sum;
    }

    private void tax(RowSink s, WriteContext c, Person p, String item, long income, long tax, String withholder) {
        s.id(p.id, p.birthYear);
        s.name(p.name);
        s.text(c.month);
        s.text(item);
        s.money(income);
        s.money(tax);
        s.text(withholder);
        s.endRow();
    }

    public void housingFund(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.HOUSING_FUND);
        for (Person p : c.world.persons) {
            if (p.mHfBase == 0 || p.employer == null) {
                continue;
            }
            s.id(p.id, p.birthYear);
            s.name(p.name);
            s.text(p.employer.uscc);
            s.text(c.month);
            s.money(p.mHfBase);
            s.money(p.mHfPersonal);
            s.moneyExact(p.mHfPersonal);
            s.endRow();
        }
        c.files.close(s);
    }

    public void platformWork(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.PLATFORM_WORK);
        for (Person p : c.world.persons) {
            if (p.mPlatform == 0 || p.job != Livelihood.PLATFORM_WORKER) {
                continue;
            }
            int k = Math.max(0, Math.min(3, p.assetIndex));
            s.id(p.id, p.birthYear);
            s.name(p.name);
            s.text(LivelihoodAssigner.PLATFORMS[k]);
            s.text(LivelihoodAssigner.PLATFORM_KINDS[k]);
            s.text(c.month);
            s.num(p.mOrders);
            s.money(p.mPlatform);
            s.endRow();
        }
        c.files.close(s);
    }
}
