package org.olive.pipeline.ingest;

import java.util.regex.Pattern;

/**
 * Groups reject reasons for the data-quality report: the same reason with different values ("ID number check
 * character is 3, expected 5" and "… is 7, expected X") falls into one category ("ID number check character is #,
 * expected #"). Quoted values become {@code '…'}, runs of digits {@code #}.
 */
public final class ReasonCategory {

    private static final Pattern QUOTED = Pattern.compile("'[^']*'");
    private static final Pattern BRACKETED = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern NUMBER = Pattern.compile("\\b(?:[0-9]+(?:[.:\\-][0-9]+)*X?|X)\\b");
    private static final Pattern FIRST_SEEN = Pattern.compile("duplicate key .*");
    private static final Pattern SAME_AS = Pattern.compile("duplicate row: .*");

    private ReasonCategory() {
    }

    public static String of(String reason) {
        if (reason == null) {
            return "";
        }
        String s = FIRST_SEEN.matcher(reason).matches() ? "duplicate key"
                : SAME_AS.matcher(reason).matches() ? "duplicate row" : reason;
        s = QUOTED.matcher(s).replaceAll("'…'");
        s = BRACKETED.matcher(s).replaceAll("[…]");
        s = NUMBER.matcher(s).replaceAll("#");
        return s.length() > 300 ? s.substring(0, 300) : s;
    }

    public static boolean isDuplicate(String reason) {
        return reason != null && (reason.startsWith("duplicate key") || reason.startsWith("duplicate row"));
    }
}
