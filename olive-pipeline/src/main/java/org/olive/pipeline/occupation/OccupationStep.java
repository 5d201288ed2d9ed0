package org.olive.pipeline.occupation;

import org.olive.fact.PersonFact;
import org.olive.occupation.Occupation;
import org.olive.occupation.OccupationLedger;
import org.olive.occupation.OccupationRules;
import org.olive.pipeline.fact.FactOutputs;
import org.olive.pipeline.fact.PersonFacts;
import org.olive.pipeline.run.MonthlyStep;
import org.olive.pipeline.run.StepContext;

import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step "occupations": the occupation ledger (职业一本账, docs/occupations.md). Every working-age person of the period
 * (the profile's working age) gets one row of person_occupation, decided by the core {@link OccupationLedger} from
 * the person facts of step facts; the period's rows are replaced. Publishes {@link OccupationOutputs#OCCUPATIONS} and
 * puts its counts in the run report (occupation_persons, occupation_coded, occupation_unknown, occupation_source_*).
 */
public final class OccupationStep implements MonthlyStep {

    private final OccupationRules rules;

    public OccupationStep(OccupationRules rules) {
        this.rules = rules;
    }

    @Override
    public String name() {
        return "occupations";
    }

    @Override
    public List<String> needs() {
        return List.of("facts");
    }

    @Override
    public void run(StepContext ctx) throws SQLException {
        long t0 = System.nanoTime();
        PersonFacts facts = ctx.need(FactOutputs.PERSON_FACTS);
        Map<Long, Occupation> out = new LinkedHashMap<>();
        for (PersonFact f : facts.all()) {
            if (rules.workingAge().contains(f.sex(), f.age())) {
                out.put(f.personKey(), OccupationLedger.decide(f, rules, ctx.period()));
            }
        }
        long t1 = System.nanoTime();
        OccupationTables.replace(ctx.connection(), ctx.period(), out.values(), rules.version());
        ctx.report().millis().put("occupations_decide", (t1 - t0) / 1_000_000);
        ctx.report().millis().put("occupations_write", (System.nanoTime() - t1) / 1_000_000);
        Map<String, Long> counts = ctx.report().counts();
        counts.put("occupation_persons", (long) out.size());
        counts.put("occupation_coded", out.values().stream().filter(o -> o.code() != null).count());
        counts.put("occupation_unknown", out.values().stream().filter(o -> "NONE".equals(o.source())).count());
        OccupationLedger.bySource(out.values()).forEach((s, n) -> counts.put("occupation_source_" + s.toLowerCase(
                java.util.Locale.ROOT), n));
        ctx.publish(OccupationOutputs.OCCUPATIONS, Collections.unmodifiableMap(out));
    }
}
