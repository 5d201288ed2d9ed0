package org.olive.app.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.olive.identity.IdNumber;

/**
 * Masks resident ID numbers inside free text (M11: ID numbers are masked in the user interface): every 18-character
 * ID ({@code \d{17}[\dXx]}) and every 15-digit legacy ID that is not part of a longer run of digits becomes
 * {@link IdNumber#mask(String)}'s form, first 6 and last 4 characters kept ({@code 330922********003X}).
 *
 * <p>Errs on the side of masking: an 18-character unified social credit code ending in X or a digit is masked too.
 */
public final class Masking {

    private static final Pattern ID = Pattern.compile("(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9Xx])");

    private Masking() {
    }

    /** The text with every ID number in it masked; null stays null. */
    public static String ids(String text) {
        if (text == null || text.length() < 15) {
            return text;
        }
        Matcher m = ID.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        do {
            m.appendReplacement(sb, Matcher.quoteReplacement(IdNumber.mask(m.group())));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }

    /** Whether the text still holds something that looks like an unmasked ID number. */
    public static boolean holdsId(String text) {
        return text != null && ID.matcher(text).find();
    }
}
