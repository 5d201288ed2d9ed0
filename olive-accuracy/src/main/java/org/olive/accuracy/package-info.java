/**
 * Accuracy against the synthetic county's ground truth ({@code truth/} written by olive-synth), apart from the
 * production pipeline, which never reads the generator's files: {@link org.olive.accuracy.TruthAccuracyStep}, the step
 * {@code truth} that the command line adds to the run of a period when its truth is at hand, compares the stored
 * ledgers with the truth (residence and families, incomes, the headline figures) and stores the figures with the run's
 * own ({@code ledger_figure}, the run's report); {@link org.olive.accuracy.faults} compares the detected faults with
 * {@code truth/faults.csv} ({@code olive faults}). Only the command line and the tests use this module
 * (ArchitectureTest in olive-app).
 */
package org.olive.accuracy;
