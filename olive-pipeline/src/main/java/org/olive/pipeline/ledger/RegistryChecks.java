package org.olive.pipeline.ledger;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The parameters of the registry checks (section {@code checks} of ledger.yaml; docs/population.md, "Row findings").
 *
 * @param previousPeriodVotes the household's village of the previous period counts as this many members' rows when a
 *                            household's rows disagree on the village (stale addresses)
 * @param villageRecordVotes  … and a record of another department placing a member's household this period (the
 *                            member's utility account, say) as this many
 * @param villageRecords      "table.column" ID columns of those records (the table has a village_code column)
 * @param nameHistoryMonths   a person's hukou (or floating) name that changed is compared with the names of their
 *                            rows over this many months: the most frequent one stays in the registry
 * @param noTraceMonths       a registered person with no trace for this many months (no crossing, no row in any of
 *                            {@code noTraceSources}) is a NO_TRACE case
 * @param noTraceMinAge       … if at least this old (children and young adults away leave no trace more often)
 * @param noTraceSources      "table.column" ID columns of the datasets that show a person alive and active
 */
public record RegistryChecks(int previousPeriodVotes, int villageRecordVotes, List<String> villageRecords,
                             int nameHistoryMonths, int noTraceMonths, int noTraceMinAge,
                             List<String> noTraceSources) {

    private static final Pattern SOURCE = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

    public RegistryChecks {
        if (villageRecordVotes < 0) {
            throw new IllegalArgumentException("checks: village_record_votes must not be negative");
        }
        for (String s : villageRecords) {
            if (!SOURCE.matcher(s).matches()) {
                throw new IllegalArgumentException("checks.village_records: '" + s + "' is not a table.column name");
            }
        }
        villageRecords = List.copyOf(villageRecords);
        if (previousPeriodVotes < 0 || nameHistoryMonths < 1 || noTraceMonths < 1 || noTraceMinAge < 0) {
            throw new IllegalArgumentException("checks: previous_period_votes >= 0, name_history_months >= 1, "
                    + "no_trace_months >= 1 and no_trace_min_age >= 0 are required");
        }
        for (String s : noTraceSources) {
            if (!SOURCE.matcher(s).matches()) {
                throw new IllegalArgumentException("checks.no_trace_sources: '" + s + "' is not a table.column name");
            }
        }
        noTraceSources = List.copyOf(noTraceSources);
    }

    /** The shipped values (ledger.yaml), for settings built without a checks section. */
    static RegistryChecks defaults() {
        return new RegistryChecks(1, 3, List.of("income_utilities.holder_id"), 12, 12, 50, List.of("work_social_insurance.person_id", "income_benefits.person_id",
                "income_iit.person_id", "income_medical.person_id", "work_housing_fund.person_id",
                "work_platform_work.person_id", "income_assistance.person_id", "work_fishery_crew.person_id",
                "basic_education.person_id", "basic_floating.person_id"));
    }
}
