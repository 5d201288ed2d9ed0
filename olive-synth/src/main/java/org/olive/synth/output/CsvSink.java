package org.olive.synth.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.olive.synth.fault.FaultInjector;

/**
 * A CSV file: comma-separated, {@code \n} line ends, a header row, fields quoted only when they contain a comma
 * or a quote. Each row is assembled in a reusable character buffer and written through a large buffered
 * encoder, so the hot loops allocate nothing per cell.
 */
public final class CsvSink extends RowSink {

    private final OutputStream os;
    /** The encoder for non-UTF-8 files; UTF-8 rows are encoded by hand into {@link #bytes}. */
    private final Writer out;
    private final boolean utf8;
    private char[] line = new char[1024];
    private byte[] bytes = new byte[4096];
    private int pos;

    CsvSink(DatasetSpec spec, Path file, String relPath, Charset charset, boolean bom, FaultInjector faults,
            Runnable onClose) throws IOException {
        super(spec, relPath, faults, onClose);
        os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 17);
        utf8 = charset.equals(java.nio.charset.StandardCharsets.UTF_8);
        out = utf8 ? null : new OutputStreamWriter(os, charset.newEncoder());
        StringBuilder h = new StringBuilder();
        if (bom) {
            h.append('\uFEFF');
        }
        h.append(String.join(",", headers)).append('\n');
        if (utf8) {
            os.write(h.toString().getBytes(charset));
        } else {
            out.write(h.toString());
        }
    }

    private void sep(int extra) {
        if (pos + extra + 2 > line.length) {
            line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, pos + extra + 16));
        }
        if (col > 0) {
            line[pos++] = ',';
        }
        col++;
    }

    @Override
    protected void put(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0;
        if (quote) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        int n = s.length();
        sep(n);
        s.getChars(0, n, line, pos);
        pos += n;
    }

    @Override
    protected void putChars(char[] c) {
        sep(c.length);
        System.arraycopy(c, 0, line, pos, c.length);
        pos += c.length;
    }

    @Override
    protected void putLong(long v) {
        sep(21);
        pos = Text.appendLong(line, pos, v);
    }

    @Override
    protected void putMoney(long cents) {
        sep(24);
        pos = Text.appendMoney(line, pos, cents);
    }

    /** Appends raw characters to the current cell (for composite cells such as date-times). */
    public void rawAppend(char[] c, int from, int len) {
        if (pos + len + 2 > line.length) {
            line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, pos + len + 16));
        }
        System.arraycopy(c, from, line, pos, len);
        pos += len;
    }

    /** Starts a new cell and returns nothing; used with {@link #rawAppend}. */
    public void startCell() {
        sep(32);
    }

    /** The current row's text without its line end (for the faults log). */
    public String currentRowText() {
        return new String(line, 0, pos);
    }

    /** Discards the row being assembled. */
    public void discardRow() {
        pos = 0;
        col = 0;
    }

    @Override
    protected void commit(boolean twice) {
        line[pos++] = '\n';
        try {
            if (utf8) {
                int n = encodeUtf8();
                os.write(bytes, 0, n);
                if (twice) {
                    os.write(bytes, 0, n);
                }
            } else {
                out.write(line, 0, pos);
                if (twice) {
                    out.write(line, 0, pos);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        pos = 0;
    }

    /** UTF-8 of the row buffer into {@link #bytes}; returns the byte count. */
    private int encodeUtf8() {
        if (bytes.length < pos * 4) {
            bytes = new byte[pos * 4 + 16];
        }
        int n = 0;
        for (int i = 0; i < pos; i++) {
            char c = line[i];
            if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else if (c < 0x800) {
                bytes[n++] = (byte) (0xC0 | (c >> 6));
                bytes[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < pos && Character.isLowSurrogate(line[i + 1])) {
                int cp = Character.toCodePoint(c, line[++i]);
                bytes[n++] = (byte) (0xF0 | (cp >> 18));
                bytes[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                bytes[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                bytes[n++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                bytes[n++] = (byte) (0xE0 | (c >> 12));
                bytes[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return n;
    }

    @Override
    protected void finish() throws IOException {
        if (out != null) {
            out.close();
        } else {
            os.close();
        }
    }
}
