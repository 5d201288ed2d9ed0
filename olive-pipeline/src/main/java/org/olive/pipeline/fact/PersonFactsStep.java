package org.olive.pipeline.fact;

import org.olive.geography.Divisions;
import org.olive.occupation.OccupationRules;
import org.olive.pipeline.run.MonthlyStep;
import org.olive.pipeline.run.StepContext;

import java.sql.SQLException;
import java.util.List;

/**
 * Step "facts": reads the person facts of the period ({@link PersonFactsReader}) and publishes them
 * ({@link FactOutputs#PERSON_FACTS}). It writes no table. The windows come from the county profile's occupation.yaml
 * ({@code facts:}).
 */
public final class PersonFactsStep implements MonthlyStep {

    private final OccupationRules rules;
    private final Divisions divisions;

    public PersonFactsStep(OccupationRules rules, Divisions divisions) {
        this.rules = rules;
        this.divisions = divisions;
    }

    @Override
    public String name() {
        return "facts";
    }

    @Override
    public List<String> needs() {
        return List.of("lists", "families");
    }

    @Override
    public void run(StepContext ctx) throws SQLException {
        long t0 = System.nanoTime();
        PersonFactsReader reader = PersonFactsReader.of(rules, divisions);
        PersonFacts facts = reader.read(ctx.connection(), ctx.period());
        reader.millis().forEach((table, ms) -> ctx.report().millis().put("facts_read_" + table, ms));
        ctx.report().counts().put("facts_persons", (long) facts.size());
        ctx.report().millis().put("facts_read", (System.nanoTime() - t0) / 1_000_000);
        ctx.publish(FactOutputs.PERSON_FACTS, facts);
    }
}
