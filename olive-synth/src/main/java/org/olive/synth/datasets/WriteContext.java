package org.olive.synth.datasets;

import org.olive.period.Period;
import org.olive.synth.family.FamilyIndex;
import org.olive.synth.fault.FaultInjector;
import org.olive.synth.output.OutputFiles;
import org.olive.synth.world.World;

/** What the dataset writers of one period need: the world, the output files, the faults and the families. */
public final class WriteContext {

    public final World world;
    public final OutputFiles files;
    public final FaultInjector faults;
    public final FamilyIndex families;
    public final Period period;
    /** True for the first written period, whose folder carries the stock of registers. */
    public final boolean firstPeriod;
    /** {@code yyyyMM} of the period. */
    public final String month;
    public final int first;
    public final int last;

    public WriteContext(World world, OutputFiles files, FaultInjector faults, FamilyIndex families, boolean firstPeriod) {
        this.world = world;
        this.files = files;
        this.faults = faults;
        this.families = families;
        this.period = world.period;
        this.firstPeriod = firstPeriod;
        this.month = String.format("%04d%02d", period.year(), period.monthValue());
        this.first = world.today();
        this.last = world.lastDay();
    }

    /** Opens this period's file of a dataset, with this context's fault injector. */
    public org.olive.synth.output.RowSink open(org.olive.synth.output.DatasetSpec spec) throws java.io.IOException {
        return files.open(spec, period, spec.fileName(period), spec.fullKey(), faults);
    }

    public String villageCode(int village) {
        return world.county.village(village).code();
    }
}
