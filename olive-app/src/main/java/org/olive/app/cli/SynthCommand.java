package org.olive.app.cli;

import org.olive.app.progress.Progress;
import org.olive.progress.ProgressListener;
import org.olive.synth.CountyGenerator;
import org.olive.synth.SynthOptions;
import org.olive.synth.SynthReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code olive synth}: generate the synthetic county. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Generate a synthetic Shengsi-like county: the departments' monthly extracts (CSV/XLSX, "
                + "Chinese headers, UTF-8 and GB18030), injected faults and the ground truth in truth/."})
public class SynthCommand implements Callable<Integer> {

    @Mixin
    SynthOptionsMixin synth = new SynthOptionsMixin();

    @Mixin
    CountyOption county = new CountyOption();

    @Option(names = "--out", defaultValue = "data/county", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        ProgressListener progress = Progress.toStandardError();
        try {
            generate(synth.toOptions(out).withArea(county.profile().area()), progress);
        } finally {
            progress.done();
        }
        return 0;
    }

    /**
     * Makes sure the output folder exists and is empty. A folder that holds a previous Olive county (it has a
     * {@code manifest.json}) is cleared; any other non-empty folder is refused, so that nothing else is deleted.
     */
    static void prepareEmpty(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (var s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty) {
                if (!Files.exists(dir.resolve("manifest.json")) && !Files.exists(dir.resolve("options.txt"))) {
                    throw new DataException("output folder " + dir + " is not empty and holds no Olive county "
                            + "(no manifest.json); choose an empty folder");
                }
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        if (!p.equals(dir)) {
                            Files.delete(p);
                        }
                    }
                }
            }
        }
        Files.createDirectories(dir);
    }

    /** Generates the county, reporting its months to {@code progress} (which is left open: the caller ends it). */
    static SynthReport generate(SynthOptions options, ProgressListener progress) {
        Path dir = options.outputDir();
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new DataException("output " + dir + " exists and is not a folder");
            }
            prepareEmpty(dir);
            System.out.println("Generating the synthetic county into " + dir.toAbsolutePath() + " …");
            SynthReport report = new CountyGenerator(options).progress(line -> System.out.println("  " + line))
                    .listener(progress).generate();
            System.out.println(report.summary());
            return report;
        } catch (IOException e) {
            throw new DataException("could not write the synthetic county to " + dir + ": " + e.getMessage(), e);
        }
    }
}
