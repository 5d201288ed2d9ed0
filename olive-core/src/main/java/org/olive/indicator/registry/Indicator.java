package org.olive.indicator.registry;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One indicator of a target set, as written in its source document.
 *
 * @param id          Olive's stable id, unique in the registry: C01…C61 (C20a, C20b) for the county, P1…P8 for the pilot
 * @param setId       the target set it belongs to ({@code county}, {@code pilot})
 * @param number      the row number (序号) in the source, e.g. "20" for both sub-rows of 20
 * @param section     the category (类别) in the source, e.g. 收入分配格局优化
 * @param name        the Chinese name without the unit
 * @param nameEn      Olive's English name
 * @param unit        the unit as written, e.g. 元, %, 万元/人; empty for ratios and coefficients
 * @param baseline    the baseline (possibly missing or an estimate)
 * @param targets     the targets by year or year span, in year order, not overlapping
 * @param attribute   评价 or 观察; null when the source gives none (the pilot's list)
 * @param better      which way is an improvement
 * @param departments the responsible departments as listed; the first leads
 * @param computedBy  the Olive metric that fills the value, or null when it is entered by hand
 * @param frequency   the statistical frequency when the source gives one (年度, 季度, 月度), else null
 * @param definition  the source's definition (指标说明) when it gives one, else null
 * @param range       the range for a 维持在合理区间 target when configured, else null
 */
public record Indicator(String id, String setId, String number, String section, String name, String nameEn,
                        String unit, Baseline baseline, List<TargetSpan> targets, Attribute attribute, Better better,
                        List<String> departments, String computedBy, String frequency, String definition,
                        ValueRange range) {

    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(better, "better");
        unit = unit == null ? "" : unit;
        targets = targets.stream().sorted(Comparator.comparingInt(TargetSpan::fromYear)).toList();
        departments = List.copyOf(departments);
        for (int i = 1; i < targets.size(); i++) {
            if (targets.get(i).fromYear() <= targets.get(i - 1).toYear()) {
                throw new IllegalArgumentException("target years " + targets.get(i - 1).years() + " and "
                        + targets.get(i).years() + " overlap");
            }
        }
    }

    /** The target that applies in {@code year}, if the source sets one for it. */
    public Optional<TargetSpan> targetFor(int year) {
        return targets.stream().filter(t -> t.covers(year)).findFirst();
    }

    /** The last target span ending before {@code year}. */
    public Optional<TargetSpan> targetBefore(int year) {
        return targets.stream().filter(t -> t.toYear() < year).reduce((a, b) -> b);
    }

    /** The first target span starting after {@code year}. */
    public Optional<TargetSpan> targetAfter(int year) {
        return targets.stream().filter(t -> t.fromYear() > year).findFirst();
    }

    /** The lead department (牵头单位), if any is listed. */
    public Optional<String> leadDepartment() {
        return departments.isEmpty() ? Optional.empty() : Optional.of(departments.get(0));
    }

    /** The co-responsible departments: all listed after the lead. */
    public List<String> coDepartments() {
        return departments.size() <= 1 ? List.of() : departments.subList(1, departments.size());
    }

    /** True when Olive computes the value ({@link #computedBy()} is set); false when it is entered by hand. */
    public boolean computed() {
        return computedBy != null;
    }

    /** The name with its unit as in the source, e.g. 居民人均可支配收入(元). */
    public String nameWithUnit() {
        return unit.isEmpty() ? name : name + "(" + unit + ")";
    }
}
