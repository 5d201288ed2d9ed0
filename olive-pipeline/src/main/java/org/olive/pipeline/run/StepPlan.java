package org.olive.pipeline.run;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checked order of a run's steps: names are unique, every need names a step of the run, and each step comes after
 * the steps it needs (the standard order is kept when it is valid; otherwise the plan says which need it breaks).
 */
public final class StepPlan {

    private final List<MonthlyStep> steps;

    private StepPlan(List<MonthlyStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Checks the steps in their given order. */
    public static StepPlan of(List<MonthlyStep> steps) {
        Map<String, MonthlyStep> byName = new LinkedHashMap<>();
        for (MonthlyStep s : steps) {
            if (!s.name().matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("step name '" + s.name() + "' is not lower case letters, digits and _");
            }
            if (byName.put(s.name(), s) != null) {
                throw new IllegalArgumentException("two steps are named " + s.name());
            }
        }
        Set<String> before = new HashSet<>();
        for (MonthlyStep s : steps) {
            for (String need : s.needs()) {
                if (!byName.containsKey(need)) {
                    throw new IllegalArgumentException("step " + s.name() + " needs step " + need + ", which is not in the run "
                            + byName.keySet());
                }
                if (!before.contains(need)) {
                    throw new IllegalArgumentException("step " + s.name() + " needs step " + need + ", which comes after it");
                }
            }
            before.add(s.name());
        }
        return new StepPlan(steps);
    }

    public List<MonthlyStep> steps() {
        return steps;
    }

    public List<String> names() {
        return steps.stream().map(MonthlyStep::name).toList();
    }

    /**
     * The selected steps, in the plan's order. The steps they need but which are not selected do not run: the selected
     * ones work on the tables that the period's earlier run of those left (a step that needs an in-memory output of an
     * unselected step fails, naming it). Unknown names are refused with the list of the run's steps.
     */
    public List<MonthlyStep> select(Collection<String> selected) {
        Set<String> names = new LinkedHashSet<>(names());
        for (String n : selected) {
            if (!names.contains(n)) {
                throw new IllegalArgumentException("no step named " + n + "; the steps are " + names);
            }
        }
        return steps.stream().filter(s -> selected.contains(s.name())).toList();
    }

    /** The steps of the plan that need one of {@code changed}, directly or through others (for reruns after a change). */
    public List<String> dependents(Collection<String> changed) {
        Set<String> out = new LinkedHashSet<>(changed);
        for (MonthlyStep s : steps) {
            if (s.needs().stream().anyMatch(out::contains)) {
                out.add(s.name());
            }
        }
        return steps.stream().map(MonthlyStep::name).filter(out::contains).toList();
    }
}
