package org.olive.pipeline.ingest;

import org.olive.identity.IdNumber;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks resident ID numbers in the rejects the report lists (M11): every 18-character ID and every 15-digit legacy
 * ID not inside a longer run of digits keeps its first 6 and last 4 characters ({@link IdNumber#mask}). The same
 * rule as the web application's masking.
 */
final class IdMasking {

    private static final Pattern ID = Pattern.compile("(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9Xx])");

    private IdMasking() {
    }

    static String ids(String text) {
        if (text == null || text.length() < 15) {
            return text;
        }
        Matcher m = ID.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(IdNumber.mask(m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
