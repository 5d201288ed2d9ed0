package org.olive.app.ingest;

import java.util.List;

/**
 * Pilot indicator 8, "master-database data items updated this month" (总库数据项当月更新比例): the 2022 actual value
 * and the 2023-2025 targets of the Shengsi pilot plan (domain.md §7).
 *
 * @param actual true for the 2022 baseline (an actual value, not a target)
 */
public record PilotTarget(int year, int percent, boolean actual) {

    public static final List<PilotTarget> DATA_ITEMS_UPDATED = List.of(
            new PilotTarget(2022, 52, true),
            new PilotTarget(2023, 70, false),
            new PilotTarget(2024, 80, false),
            new PilotTarget(2025, 90, false));
}
