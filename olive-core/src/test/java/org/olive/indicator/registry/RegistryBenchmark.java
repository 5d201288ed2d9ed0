package org.olive.indicator.registry;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Timing of the registry (not a test: run by hand). Loads the built-in file repeatedly and evaluates every indicator
 * for every year 2021-2025, printing median times.
 *
 * <pre>java -cp olive-core/target/classes:olive-core/target/test-classes:$SNAKEYAML org.olive.indicator.registry.RegistryBenchmark</pre>
 */
public final class RegistryBenchmark {

    private RegistryBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long[] load = new long[rounds];
        IndicatorRegistry r = null;
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            r = RegistryLoader.builtIn();
            load[i] = System.nanoTime() - t;
        }
        ProgressEvaluator eval = new ProgressEvaluator(r.settings());
        long[] evaluate = new long[rounds];
        int verdicts = 0;
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            for (Indicator ind : r.indicators()) {
                BigDecimal v = ind.baseline().known().orElse(BigDecimal.TEN);
                for (int y = 2021; y <= 2025; y++) {
                    eval.evaluate(ind, y, v, Map.of(y - 1, v));
                    verdicts++;
                }
            }
            evaluate[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(load);
        java.util.Arrays.sort(evaluate);
        System.out.printf("indicators %d, rounds %d%n", r.indicators().size(), rounds);
        System.out.printf("load built-in registry: median %.2f ms (after warm-up: min %.2f ms)%n",
                load[rounds / 2] / 1e6, load[0] / 1e6);
        System.out.printf("evaluate %d indicators x 5 years: median %.3f ms (%d verdicts in all)%n",
                r.indicators().size(), evaluate[rounds / 2] / 1e6, verdicts);
    }
}
