package org.olive.synth;

/**
 * Rates of the data-quality faults that the generator injects into the departmental extracts, so that the
 * pipeline meets the errors real extracts carry. Every injected fault is logged in {@code truth/faults.csv}
 * with the file, row, field and original value.
 *
 * <p>Per-row rates apply to each eligible row (a row with an ID, a name or an amount); per-event rates apply
 * to each eligible event (a death, an OUT crossing, an eligible hukou member). Defaults are small (0.1%–0.5%
 * of rows) so that a pipeline can still reach ≥ 99% family accuracy. When a rate is positive, the type is
 * forced once in a run if chance alone has not produced it by its {@value #FORCE_AFTER_OPPORTUNITIES}th
 * opportunity ({@value #FORCE_AFTER_EVENTS}th for per-event faults), so that small test counties always show
 * every enabled fault.
 *
 * @param invalidIdChecksum  per ID cell: the ID's check character is replaced by a wrong one
 * @param legacyId15         per ID cell of a person born before 2000: the 15-digit legacy form is written
 * @param duplicateRow       per row: the row is written twice
 * @param missingCrossing    per OUT crossing: the row is dropped, leaving an IN without its OUT
 * @param staleAddress       per hukou/floating row of a person who moved: the previous village code is written
 * @param deadStillInHukou   per death: the dead person stays listed as normal in later hukou snapshots
 * @param spouseConflict     per eligible hukou member (an adult child-in-law): coded 10 配偶 although the
 *                           marriage register says otherwise; persists for the person
 * @param nameTypo           per name cell: one character replaced by a similar-sounding one
 * @param absurdAmount       per amount cell: the amount multiplied by 100 (a yuan/fen slip) or made negative
 * @param misencodedFiles    number of files of normally UTF-8 datasets written in GB18030 instead
 */
public record FaultRates(double invalidIdChecksum, double legacyId15, double duplicateRow, double missingCrossing,
                         double staleAddress, double deadStillInHukou, double spouseConflict, double nameTypo,
                         double absurdAmount, int misencodedFiles) {

    /** Opportunities after which an enabled but not yet injected per-row fault type is forced once. */
    public static final int FORCE_AFTER_OPPORTUNITIES = 50;
    /** Opportunities after which an enabled but not yet injected per-event fault type (dead still listed, spouse
     * conflict, stale address) is forced once. */
    public static final int FORCE_AFTER_EVENTS = 3;

    public FaultRates {
        for (double r : new double[]{invalidIdChecksum, legacyId15, duplicateRow, missingCrossing, staleAddress,
                deadStillInHukou, spouseConflict, nameTypo, absurdAmount}) {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("fault rates must be between 0 and 1, found " + r);
            }
        }
        if (misencodedFiles < 0) {
            throw new IllegalArgumentException("misencodedFiles must be >= 0, found " + misencodedFiles);
        }
    }

    /**
     * The defaults: 0.2% invalid checksums, 0.3% legacy IDs (of those born before 2000), 0.2% duplicate rows,
     * 0.3% missing OUT crossings, 0.5% stale addresses of movers, 3% of deaths left in the hukou, 0.2% of
     * eligible members with a contradicting spouse code, 0.3% name typos, 0.1% absurd amounts and one
     * misencoded file.
     */
    public static FaultRates defaults() {
        return new FaultRates(0.002, 0.003, 0.002, 0.003, 0.005, 0.03, 0.002, 0.003, 0.001, 1);
    }

    /** Clean output: no faults at all. */
    public static FaultRates none() {
        return new FaultRates(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
