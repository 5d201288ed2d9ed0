package org.olive.synth.output;

/**
 * One column of a dataset as the department writes it.
 *
 * @param header    the Chinese header in the file
 * @param canonical the canonical English name used by the pipeline's mapping
 * @param type      {@code id}, {@code uscc}, {@code text}, {@code code}, {@code int}, {@code money},
 *                  {@code decimal}, {@code date}, {@code datetime} or {@code period}
 * @param meaning   what the column holds, with its code table where there is one
 */
public record Column(String header, String canonical, String type, String meaning) {
}
