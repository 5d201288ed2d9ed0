package org.olive.ingest.encoding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Decides whether a departmental text file is UTF-8 or GB18030 (which includes GBK and GB2312).
 *
 * <p>Rules, in order: a byte-order mark decides (UTF-8, UTF-16LE/BE as written by Excel's "Unicode text", or the
 * GB18030 mark); otherwise NUL bytes, which UTF-8 and GB18030 text never holds, mark UTF-16 without a byte-order mark:
 * mostly at odd offsets little-endian (ASCII digits, delimiters and line breaks are {@code xx 00}), at even offsets
 * big-endian; otherwise the first {@link #probeBytes()} bytes are checked as strict UTF-8 (no overlong forms,
 * no surrogates, nothing above U+10FFFF), accepting a multibyte character cut by the end of the probe; if they
 * are valid the file is UTF-8, otherwise GB18030. An ASCII-only probe is read as UTF-8: a later non-UTF-8 byte is
 * then reported as an encoding error naming its row by the strict decoder, never replaced silently.
 */
public final class EncodingDetector {

    /** Default size of the probed prefix: 64 KiB. */
    public static final int DEFAULT_PROBE_BYTES = 64 * 1024;

    /** The GB18030 charset (a superset of GBK and GB2312). */
    public static final Charset GB18030 = Charset.forName("GB18030");

    private final int probeBytes;

    public EncodingDetector(int probeBytes) {
        if (probeBytes < 4) {
            throw new IllegalArgumentException("probe size must be at least 4 bytes, was " + probeBytes);
        }
        this.probeBytes = probeBytes;
    }

    public EncodingDetector() {
        this(DEFAULT_PROBE_BYTES);
    }

    public int probeBytes() {
        return probeBytes;
    }

    /**
     * Detects the encoding of a stream that supports mark/reset; the stream is reset to its start afterwards
     * (the byte-order mark is not skipped: see {@link DetectedEncoding#bomLength()}).
     */
    public DetectedEncoding detect(InputStream in) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("the stream must support mark/reset");
        }
        in.mark(probeBytes + 1);
        byte[] buf = new byte[probeBytes];
        int n = in.readNBytes(buf, 0, probeBytes);
        boolean more = n == probeBytes && in.read() >= 0;
        in.reset();
        return detect(buf, n, more);
    }

    /**
     * Detects the encoding of a prefix of a file.
     *
     * @param prefix    the first bytes of the file
     * @param length    how many bytes of {@code prefix} are valid
     * @param truncated whether the file continues after the prefix (so a character may be cut at its end)
     */
    public DetectedEncoding detect(byte[] prefix, int length, boolean truncated) {
        DetectedEncoding bom = byBom(prefix, length);
        if (bom != null) {
            return bom;
        }
        DetectedEncoding utf16 = byNulPattern(prefix, length);
        if (utf16 != null) {
            return utf16;
        }
        Utf8Validator.Result r = Utf8Validator.validate(prefix, 0, length, truncated);
        String scope = truncated ? "the first " + length + " bytes" : "all " + length + " bytes";
        if (r.valid() && r.multibyteChars() > 0) {
            return new DetectedEncoding(StandardCharsets.UTF_8, 0,
                    scope + " are valid UTF-8 with " + r.multibyteChars() + " non-ASCII characters");
        }
        if (r.valid()) {
            return new DetectedEncoding(StandardCharsets.UTF_8, 0, scope + " are ASCII only; read as UTF-8");
        }
        return new DetectedEncoding(GB18030, 0, String.format("byte 0x%02X at offset %d is not valid UTF-8 (%s); read as GB18030",
                prefix[(int) r.errorOffset()] & 0xFF, r.errorOffset(), r.error()));
    }

    /**
     * UTF-16 without a byte-order mark, from where its NUL bytes fall: at least one in 16 bytes is NUL, and at least
     * nine in ten of them on the same parity of offset.
     */
    private static DetectedEncoding byNulPattern(byte[] b, int n) {
        int even = 0;
        int odd = 0;
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                if ((i & 1) == 0) {
                    even++;
                } else {
                    odd++;
                }
            }
        }
        int nul = even + odd;
        if (nul < 2 || nul * 16L < n) {
            return null;
        }
        if (odd * 10L >= nul * 9L) {
            return new DetectedEncoding(StandardCharsets.UTF_16LE, 0, String.format(
                    "no byte-order mark, but %d of %d NUL bytes in the first %d bytes are at odd offsets: UTF-16LE", odd, nul, n));
        }
        if (even * 10L >= nul * 9L) {
            return new DetectedEncoding(StandardCharsets.UTF_16BE, 0, String.format(
                    "no byte-order mark, but %d of %d NUL bytes in the first %d bytes are at even offsets: UTF-16BE", even, nul, n));
        }
        return null;
    }

    private static DetectedEncoding byBom(byte[] b, int n) {
        if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new DetectedEncoding(StandardCharsets.UTF_8, 3, "UTF-8 byte-order mark");
        }
        if (n >= 4 && (b[0] & 0xFF) == 0x84 && (b[1] & 0xFF) == 0x31 && (b[2] & 0xFF) == 0x95 && (b[3] & 0xFF) == 0x33) {
            return new DetectedEncoding(GB18030, 4, "GB18030 byte-order mark");
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new DetectedEncoding(StandardCharsets.UTF_16LE, 2, "UTF-16LE byte-order mark (Excel \"Unicode text\")");
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new DetectedEncoding(StandardCharsets.UTF_16BE, 2, "UTF-16BE byte-order mark");
        }
        return null;
    }
}
