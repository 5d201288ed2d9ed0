package org.olive.ingest.encoding;

/**
 * Strict UTF-8 validation (RFC 3629): rejects overlong forms, UTF-16 surrogates and code points above U+10FFFF.
 */
public final class Utf8Validator {

    private Utf8Validator() {
    }

    /**
     * The outcome of validation.
     *
     * @param valid          whether the bytes are strict UTF-8
     * @param multibyteChars non-ASCII characters seen (up to the error, if any)
     * @param errorOffset    offset of the first offending byte, or -1
     * @param error          what is wrong there, or {@code null}
     */
    public record Result(boolean valid, long multibyteChars, long errorOffset, String error) {
    }

    /**
     * Validates {@code b[from, to)}. When {@code cutAtEnd} is true, a character that is well-formed so far but
     * incomplete at {@code to} is accepted, because the probe ended in its middle.
     */
    public static Result validate(byte[] b, int from, int to, boolean cutAtEnd) {
        long multi = 0;
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min2 = 0x80;
            int max2 = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                if (c == 0xE0) {
                    min2 = 0xA0;
                } else if (c == 0xED) {
                    max2 = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                if (c == 0xF0) {
                    min2 = 0x90;
                } else if (c == 0xF4) {
                    max2 = 0x8F;
                }
            } else {
                return new Result(false, multi, i, "not a UTF-8 lead byte");
            }
            for (int k = 1; k <= need; k++) {
                if (i + k >= to) {
                    if (cutAtEnd) {
                        return new Result(true, multi, -1, null);
                    }
                    return new Result(false, multi, i, "the file ends inside a multibyte character");
                }
                int d = b[i + k] & 0xFF;
                int lo = k == 1 ? min2 : 0x80;
                int hi = k == 1 ? max2 : 0xBF;
                if (d < lo || d > hi) {
                    return new Result(false, multi, i, "invalid continuation byte " + String.format("0x%02X", d));
                }
            }
            multi++;
            i += need + 1;
        }
        return new Result(true, multi, -1, null);
    }
}
