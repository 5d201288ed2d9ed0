package org.olive.synth.truth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.olive.synth.family.Families;
import org.olive.synth.family.FamilyIndex;
import org.olive.synth.output.OutputFiles;
import org.olive.synth.population.Person;
import org.olive.synth.world.World;

/**
 * The ground truth of each period, in {@code truth/YYYY-MM/} as plain UTF-8 CSV with English headers:
 * <ul>
 *   <li>{@code residence.csv}: period, person_id, registered, category (registered_resident,
 *       registered_away = 人户分离, floating = 流动 resident, migrant_not_resident), present_days (of the
 *       trailing 365), resident, village_code (12-digit code of the village the person lives in: the registration
 *       village, or a migrant's village of residence) and urban (1 when that village's urban-rural class is urban,
 *       111–123; 0 for rural 210/220), which decide the person's urban or rural class (domain.md §1);</li>
 *   <li>{@code families.csv}: period, family_id, person_id, role, hukou_no, resident;</li>
 *   <li>{@code incomes.csv}: period, person_id, family_id, resident, the month's wage, business, property,
 *       transfer_in, transfer_out, and the same five over the trailing 12 months plus disposable income, then the
 *       education fees the person paid in the month and over the trailing 12 months (education, t12_education: the
 *       学杂费 of 学生缴费 before faults, rigid expenditure of the family);</li>
 *   <li>{@code occupations.csv}: period, person_id, livelihood (enum name), occupation (GB/T 6565 细类 as simulated,
 *       empty when not working or none), occupation_level2 (中类), industry (GB/T 4754 小类), employed (0/1: works for
 *       pay or profit);</li>
 *   <li>{@code groups.csv}: period, person_id, group_id, one row per true membership of the 11 key groups
 *       ({@link GroupTruth}).</li>
 * </ul>
 * The pipeline never reads these; tests and accuracy reports do.
 */
public final class TruthWriter {

    private final Path root;
    private final OutputFiles files;

    public TruthWriter(Path root, OutputFiles files) {
        this.root = root;
        this.files = files;
    }

    public void write(World world, FamilyIndex f) throws IOException {
        String period = world.period.toString();
        Path dir = root.resolve("truth").resolve(period);
        Files.createDirectories(dir);
        Path res = dir.resolve("residence.csv");
        Path fam = dir.resolve("families.csv");
        Path inc = dir.resolve("incomes.csv");
        Path occ = dir.resolve("occupations.csv");
        Path grp = dir.resolve("groups.csv");
        long rows = 0;
        long memberships = 0;
        int slot = world.slot();
        GroupTruth.Index groups = new GroupTruth.Index(world);
        try (AsciiOut r = new AsciiOut(res); AsciiOut fw = new AsciiOut(fam); AsciiOut iw = new AsciiOut(inc);
             AsciiOut ow = new AsciiOut(occ); AsciiOut gw = new AsciiOut(grp)) {
            ow.s("period,person_id,livelihood,occupation,occupation_level2,industry,employed\n");
            gw.s("period,person_id,group_id\n");
            r.s("period,person_id,registered,category,present_days,resident,village_code,urban\n");
            fw.s("period,family_id,person_id,role,hukou_no,resident\n");
            iw.s("period,person_id,family_id,resident,wage,business,property,transfer_in,transfer_out,"
                    + "t12_wage,t12_business,t12_property,t12_transfer_in,t12_transfer_out,t12_disposable,education,t12_education\n");
            int n = world.persons.size();
            long[] t12 = new long[Person.COMPONENTS];
            for (int i = 0; i < n; i++) {
                int a = f.anchor[i];
                if (a < 0) {
                    continue;
                }
                rows++;
                Person p = world.persons.get(i);
                boolean resident = f.resident[i];
                boolean registered = p.registered();
                String category = registered ? (resident ? "registered_resident" : "registered_away")
                        : (resident ? "floating" : "migrant_not_resident");
                r.s(period).c(',').s(p.id).s(registered ? ",1," : ",0,").s(category).c(',').i(f.presentDays[i])
                        .s(resident ? ",1," : ",0,").s(world.county.village(p.village).code())
                        .s(world.county.urban(p.village) ? ",1\n" : ",0\n");
                Person anchor = world.persons.get(a);
                fw.s(period).s(",F").i(anchor.index).c(',').s(p.id).c(',').s(Families.role(anchor, p)).c(',')
                        .s(p.household != null && registered ? p.household.number : "").s(resident ? ",1\n" : ",0\n");
                iw.s(period).c(',').s(p.id).s(",F").i(anchor.index).c(',').c(resident ? '1' : '0');
                for (int k = 0; k < Person.COMPONENTS; k++) {
                    iw.c(',').money(p.month(slot, k));
                }
                long di = 0;
                for (int k = 0; k < Person.COMPONENTS; k++) {
                    t12[k] = p.trailing(k);
                    di += k == Person.TRANSFER_OUT ? -t12[k] : t12[k];
                    iw.c(',').money(t12[k]);
                }
                iw.c(',').money(di).c(',').money(p.educationFees[slot]).c(',').money(p.trailingEducation()).c('\n');
                String occupation = GroupTruth.occupation(p);
                ow.s(period).c(',').s(p.id).c(',').s(p.job.name()).c(',').s(occupation).c(',')
                        .s(GroupTruth.level2(occupation)).c(',').s(GroupTruth.industry(p))
                        .s(p.job.working() ? ",1\n" : ",0\n");
                int g = GroupTruth.groups(world, f, groups, p);
                for (int k = 0; g != 0; k++, g >>>= 1) {
                    if ((g & 1) != 0) {
                        gw.s(period).c(',').s(p.id).c(',').s(GroupTruth.GROUP_IDS.get(k)).c('\n');
                        memberships++;
                    }
                }
            }
        }
        String rel = "truth/" + period + "/";
        files.registerOther("truth/residence", period, res, rel + "residence.csv", rows);
        files.registerOther("truth/families", period, fam, rel + "families.csv", rows);
        files.registerOther("truth/incomes", period, inc, rel + "incomes.csv", rows);
        files.registerOther("truth/occupations", period, occ, rel + "occupations.csv", rows);
        files.registerOther("truth/groups", period, grp, rel + "groups.csv", memberships);
    }

}
