package org.olive.synth.truth;

import org.olive.period.Period;
import org.olive.synth.family.FamilyIndex;
import org.olive.synth.income.Economy;
import org.olive.synth.livelihood.Bnb;
import org.olive.synth.population.Person;
import org.olive.synth.population.Residence;
import org.olive.synth.world.World;

/**
 * The generator's own true county figures for a period, over residents and trailing-12-month incomes:
 * per-capita disposable income, urban and rural per-capita DI and their ratio, the shares of residents in
 * families whose per-capita DI × 3 (三口之家 convention) is in [100,000, 500,000) and [200,000, 600,000), the
 * shares below the 低保 and 低边 lines, and population counts.
 */
public record CountyStats(Period period, int registered, int residents, int floating, int registeredNotResident,
                          int migrants, int families, double elderlyShareRegistered, double perCapitaDi,
                          double urbanPerCapitaDi, double ruralPerCapitaDi, double urbanRuralRatio, double share10to50,
                          double share20to60, double shareBelowDibao, double shareBelowDibian, int bnbs) {

    public static CountyStats of(World world, FamilyIndex f) {
        int n = world.persons.size();
        int registered = 0, residents = 0, floating = 0, away = 0, migrants = 0, families = 0, elderly = 0, bnbs = 0;
        double sum = 0, urbanSum = 0, ruralSum = 0;
        int urbanN = 0, ruralN = 0, in1050 = 0, in2060 = 0, belowDibao = 0, belowDibian = 0;
        double dibao = Economy.dibao(world.period.year());
        int last = world.lastDay();
        for (int i = 0; i < n; i++) {
            int a = f.anchor[i];
            if (a < 0) {
                continue;
            }
            Person p = world.persons.get(i);
            if (p.registered()) {
                registered++;
                if (p.age(last) >= 60) {
                    elderly++;
                }
                if (!f.resident[i]) {
                    away++;
                }
            }
            if (p.residence == Residence.MIGRANT) {
                migrants++;
            }
            if (a == i && f.familyResidents[i] > 0) {
                families++;
            }
            if (!f.resident[i]) {
                continue;
            }
            residents++;
            if (!p.registered()) {
                floating++;
            }
            double di = f.disposable[i] / 100.0;
            sum += di;
            boolean urban = world.county.urban(world.persons.get(a).village);
            if (urban) {
                urbanSum += di;
                urbanN++;
            } else {
                ruralSum += di;
                ruralN++;
            }
            double pc = f.perCapita(i) / 100.0;
            double three = pc * 3;
            if (three >= 100_000 && three < 500_000) {
                in1050++;
            }
            if (three >= 200_000 && three < 600_000) {
                in2060++;
            }
            if (pc < dibao) {
                belowDibao++;
            }
            if (pc < 2 * dibao) {
                belowDibian++;
            }
        }
        for (Bnb b : world.bnbs) {
            if (b.closed < 0 && b.entity.founded <= last) {
                bnbs++;
            }
        }
        double r = Math.max(1, residents);
        double urbanPc = urbanN == 0 ? 0 : urbanSum / urbanN;
        double ruralPc = ruralN == 0 ? 0 : ruralSum / ruralN;
        return new CountyStats(world.period, registered, residents, floating, away, migrants, families,
                elderly / (double) Math.max(1, registered), sum / r, urbanPc, ruralPc,
                ruralPc == 0 ? 0 : urbanPc / ruralPc, in1050 / r, in2060 / r, belowDibao / r, belowDibian / r, bnbs);
    }

    public static String csvHeader() {
        return "period,registered,residents,floating,registered_not_resident,migrants,families,elderly_share_registered,"
                + "per_capita_di,urban_per_capita_di,rural_per_capita_di,urban_rural_ratio,share_10_50,share_20_60,"
                + "share_below_dibao,share_below_dibian,bnbs";
    }

    public String csvRow() {
        return String.format(java.util.Locale.ROOT, "%s,%d,%d,%d,%d,%d,%d,%.4f,%.2f,%.2f,%.2f,%.4f,%.4f,%.4f,%.4f,%.4f,%d",
                period, registered, residents, floating, registeredNotResident, migrants, families,
                elderlyShareRegistered, perCapitaDi, urbanPerCapitaDi, ruralPerCapitaDi, urbanRuralRatio, share10to50,
                share20to60, shareBelowDibao, shareBelowDibian, bnbs);
    }
}
