package org.olive.synth.output;

/**
 * One written file.
 *
 * @param dataset  catalogue key with part, e.g. {@code fishery/crew}, or {@code crossings/history}
 * @param period   the folder's period {@code YYYY-MM}
 * @param file     path relative to the output folder
 * @param encoding declared encoding ({@code UTF-8}, {@code UTF-8-BOM}, {@code GB18030}); the one misencoded
 *                 fault file keeps its dataset's declared encoding here, the faults log has the real one
 * @param format   {@code csv} or {@code xlsx}
 * @param rows     data rows (without the header)
 * @param bytes    file size
 */
public record ManifestEntry(String dataset, String period, String file, String encoding, String format, long rows,
                            long bytes) {
}
