package org.olive.pipeline.whatif;

import org.olive.whatif.Measures;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a scenario at a period (docs/whatif.md): the measures before and after by county, township and key
 * group, the families that change colour or flags (brackets, lines) with their reasons, and the change of the gap cost
 * at the 低保 standard.
 *
 * @param shocks           the shocks' labels
 * @param notes            how each shock was applied (months of the window, pro-rating)
 * @param affectedFamilies families with at least one item changed
 * @param affectedPersons  their residents
 * @param deltas           shock label → change of the county's DI (yuan over the window)
 * @param colourChanges    "FROM→TO" → families
 * @param rows             the county first, then townships, then groups
 * @param changes          the families whose colour or flags change, by family key
 * @param readMillis       reading the stored ledger
 * @param runMillis        applying the shocks and measuring
 */
public record WhatIfResult(String scenario, String title, String period, List<String> shocks, List<String> notes,
                           long affectedFamilies, long affectedPersons, Map<String, Double> deltas,
                           Map<String, Long> colourChanges, List<Row> rows, List<Change> changes, long readMillis,
                           long runMillis) {

    /** The measures of one breakdown (county, township, group), before and after. */
    public record Row(String breakdown, String code, String name, Measures before, Measures after) {
    }

    /**
     * A family whose colour or flags change.
     *
     * @param flagsBefore bracket ids and the lines it is below, before
     */
    public record Change(String familyKey, String township, int residents, double perCapitaBefore,
                         double perCapitaAfter, String colourBefore, String colourAfter, List<String> flagsBefore,
                         List<String> flagsAfter, List<String> reasons) {
    }

    /** The county's row. */
    public Row county() {
        return rows.stream().filter(r -> r.breakdown().equals("county")).findFirst().orElseThrow();
    }

    /** The change of the gap cost at the 低保 standard, county-wide (after − before), yuan a year. */
    public double gapCostChange() {
        return county().after().gapCost() - county().before().gapCost();
    }
}
