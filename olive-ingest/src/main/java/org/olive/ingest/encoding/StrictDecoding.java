package org.olive.ingest.encoding;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Readers that fail on undecodable bytes instead of replacing them with U+FFFD, so that a wrongly detected or
 * declared encoding is reported, never silently garbled.
 *
 * <p>Unlike {@link java.io.InputStreamReader}, which throws as soon as a bad byte enters its buffer (losing the
 * characters decoded before it), this reader first delivers every character before the bad byte and throws only
 * when the caller reads past it. A parser on top therefore fails exactly at the row that holds the bad byte.
 */
public final class StrictDecoding {

    private static final int BYTE_BUFFER = 64 * 1024;
    private static final int CHAR_BUFFER = 32 * 1024;

    private StrictDecoding() {
    }

    /**
     * A strict reader over {@code in}.
     *
     * @param startOffset the byte offset of the stream's first byte in the file (e.g. after a byte-order mark), for
     *                    error messages
     */
    public static Reader reader(InputStream in, Charset charset, long startOffset) {
        return new StrictReader(in, charset, startOffset);
    }

    public static Reader reader(InputStream in, Charset charset) {
        return reader(in, charset, 0);
    }

    /** Bytes that are not valid in the charset, with the offset of the first of them in the file. */
    public static final class UndecodableBytesException extends CharacterCodingException {
        private final transient String message;
        private final long offset;

        UndecodableBytesException(Charset charset, long offset, byte first, int length) {
            this.offset = offset;
            this.message = String.format("byte 0x%02X at byte offset %d is not valid %s (%d byte%s)", first & 0xFF, offset,
                    charset.name(), length, length == 1 ? "" : "s");
        }

        public long offset() {
            return offset;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    private static final class StrictReader extends Reader {
        private final InputStream in;
        private final Charset charset;
        private final CharsetDecoder decoder;
        private final ByteBuffer bytes = ByteBuffer.allocate(BYTE_BUFFER).flip();
        private final CharBuffer chars = CharBuffer.allocate(CHAR_BUFFER).flip();
        private long bytesRead;
        private boolean eof;
        private boolean flushed;
        private IOException pending;

        StrictReader(InputStream in, Charset charset, long startOffset) {
            this.in = in;
            this.charset = charset;
            this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            this.bytesRead = startOffset;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!chars.hasRemaining()) {
                if (pending != null) {
                    throw pending;
                }
                if (flushed) {
                    return -1;
                }
                fill();
            }
            int n = Math.min(len, chars.remaining());
            chars.get(buf, off, n);
            return n;
        }

        private void fill() throws IOException {
            chars.clear();
            try {
                while (true) {
                    if (!eof && bytes.remaining() < 4 || !bytes.hasRemaining() && !eof) {
                        bytes.compact();
                        int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
                        if (r < 0) {
                            eof = true;
                        } else {
                            bytes.position(bytes.position() + r);
                            bytesRead += r;
                        }
                        bytes.flip();
                    }
                    CoderResult res = decoder.decode(bytes, chars, eof);
                    if (res.isError()) {
                        long offset = bytesRead - bytes.remaining();
                        pending = new UndecodableBytesException(charset, offset, bytes.get(bytes.position()), res.length());
                        return;
                    }
                    if (res.isOverflow()) {
                        return;
                    }
                    if (eof) {
                        CoderResult f = decoder.flush(chars);
                        if (f.isOverflow()) {
                            return;
                        }
                        flushed = true;
                        return;
                    }
                    if (chars.position() > 0 && bytes.remaining() < 4) {
                        return;
                    }
                }
            } finally {
                chars.flip();
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
