package org.olive.synth.truth;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.olive.synth.output.Text;

/** A fast writer for the all-ASCII truth files: characters go straight into a byte buffer. */
final class AsciiOut implements Closeable {

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 17];
    private final char[] num = new char[32];
    private int pos;

    AsciiOut(Path file) throws IOException {
        out = Files.newOutputStream(file);
    }

    private void room(int n) throws IOException {
        if (pos + n > buf.length) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    AsciiOut s(String s) throws IOException {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
        return this;
    }

    AsciiOut c(char ch) throws IOException {
        room(1);
        buf[pos++] = (byte) ch;
        return this;
    }

    AsciiOut i(long v) throws IOException {
        int n = Text.appendLong(num, 0, v);
        room(n);
        for (int k = 0; k < n; k++) {
            buf[pos++] = (byte) num[k];
        }
        return this;
    }

    AsciiOut money(long cents) throws IOException {
        int n = Text.appendMoney(num, 0, cents);
        room(n);
        for (int k = 0; k < n; k++) {
            buf[pos++] = (byte) num[k];
        }
        return this;
    }

    @Override
    public void close() throws IOException {
        out.write(buf, 0, pos);
        out.close();
    }
}
