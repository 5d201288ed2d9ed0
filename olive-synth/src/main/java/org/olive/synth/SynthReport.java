package org.olive.synth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.olive.synth.truth.CountyStats;

/**
 * What a generator run produced: volumes, time, population counts and the calibration figures.
 *
 * @param outputDir      the output folder
 * @param rowsWritten    data rows of all departmental files (truth files excluded)
 * @param bytesWritten   bytes of all departmental files (truth files excluded)
 * @param truthBytes     bytes of the truth folder
 * @param files          number of departmental files
 * @param elapsed        wall time of {@link CountyGenerator#generate()}
 * @param registered     registered (户籍) population at the last period
 * @param residents      resident (常住) population at the last period
 * @param calibration    the true county figures at the end of the warm-up (2022 with the default periods)
 * @param last           the true county figures at the last period
 * @param faults         number of injected faults by type
 */
public record SynthReport(Path outputDir, long rowsWritten, long bytesWritten, long truthBytes, int files,
                          Duration elapsed, int registered, int residents, CountyStats calibration, CountyStats last,
                          Map<String, Long> faults) {

    /** Seed baseline (2022): per-capita disposable income. */
    public static final double TARGET_PER_CAPITA_DI = 58_000;
    /** Seed baseline (2022): urban/rural income ratio. */
    public static final double TARGET_RATIO = 1.45;
    /** Seed baseline (2022): share of residents in families with DI 10–50万. */
    public static final double TARGET_SHARE_10_50 = 0.70;
    /** Seed baseline (2022): share of residents in families with DI 20–60万. */
    public static final double TARGET_SHARE_20_60 = 0.32;

    /** Rows per second of the departmental files. */
    public double rowsPerSecond() {
        return rowsWritten / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }

    /** Megabytes (10^6 bytes) per second of all files, truth included. */
    public double megabytesPerSecond() {
        return (bytesWritten + truthBytes) / 1e6 / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }

    /** A multi-line summary in English with the Chinese terms. */
    public String summary() {
        CountyStats c = calibration;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Synthetic county (嵊泗-like) written to %s%n", outputDir));
        sb.append(String.format(Locale.ROOT, "  files %,d, rows %,d, %.1f MB extracts + %.1f MB truth, %.1f s (%,.0f rows/s, %.1f MB/s)%n",
                files, rowsWritten, bytesWritten / 1e6, truthBytes / 1e6, elapsed.toNanos() / 1e9, rowsPerSecond(),
                megabytesPerSecond()));
        sb.append(String.format(Locale.ROOT, "  population at %s: registered 户籍 %,d, residents 常住 %,d, floating 流动 %,d, 人户分离 %,d, families 家庭 %,d, B&Bs 民宿 %,d%n",
                last.period(), last.registered(), last.residents(), last.floating(), last.registeredNotResident(),
                last.families(), last.bnbs()));
        sb.append(String.format(Locale.ROOT, "  elderly (60+) share of registered: %.1f%%%n", 100 * last.elderlyShareRegistered()));
        sb.append(String.format(Locale.ROOT, "  calibration at %s (trailing 12 months; seed baseline 2022 in brackets):%n", c.period()));
        sb.append(String.format(Locale.ROOT, "    per-capita disposable income 居民人均可支配收入 %,.0f yuan (58,000)%n", c.perCapitaDi()));
        sb.append(String.format(Locale.ROOT, "    urban %,.0f / rural %,.0f: 城乡居民收入倍差 %.2f (1.45)%n", c.urbanPerCapitaDi(),
                c.ruralPerCapitaDi(), c.urbanRuralRatio()));
        sb.append(String.format(Locale.ROOT, "    residents in families with DI 10–50万 (per capita × 3): %.1f%% (70%%)%n", 100 * c.share10to50()));
        sb.append(String.format(Locale.ROOT, "    residents in families with DI 20–60万 (per capita × 3): %.1f%% (32%%)%n", 100 * c.share20to60()));
        sb.append(String.format(Locale.ROOT, "    below the 低保 line %.1f%%, below the 低边 line (2 × 低保) %.1f%%%n",
                100 * c.shareBelowDibao(), 100 * c.shareBelowDibian()));
        sb.append(String.format(Locale.ROOT, "  at %s: per-capita DI %,.0f, ratio %.2f, 10–50万 %.1f%%, 20–60万 %.1f%%%n", last.period(),
                last.perCapitaDi(), last.urbanRuralRatio(), 100 * last.share10to50(), 100 * last.share20to60()));
        sb.append("  injected faults: ").append(faults).append(System.lineSeparator());
        return sb.toString();
    }
}
