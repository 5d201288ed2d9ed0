package org.olive.ingest.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StrictDecodingTest {

    @Test
    void everyCharacterBeforeABadByteIsDeliveredThenTheErrorWithItsOffset() throws Exception {
        byte[] good = "ab,张三\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[good.length + 2];
        System.arraycopy(good, 0, all, 0, good.length);
        all[good.length] = (byte) 0xD5; // a GB18030 lead byte, invalid in UTF-8 here
        all[good.length + 1] = (byte) 0x41;
        Reader r = StrictDecoding.reader(new ByteArrayInputStream(all), StandardCharsets.UTF_8, 3);
        char[] buf = new char[100];
        int n = r.read(buf, 0, buf.length);
        assertThat(new String(buf, 0, n)).isEqualTo("ab,张三\n");
        assertThatThrownBy(() -> r.read(buf, 0, buf.length))
                .isInstanceOf(StrictDecoding.UndecodableBytesException.class)
                .hasMessage("byte 0xD5 at byte offset " + (3 + good.length) + " is not valid UTF-8 (1 byte)");
    }

    @Test
    void aTruncatedCharacterAtTheEndIsAnError() throws Exception {
        byte[] b = "张".getBytes(StandardCharsets.UTF_8);
        Reader r = StrictDecoding.reader(new ByteArrayInputStream(new byte[] {'a', b[0], b[1]}), StandardCharsets.UTF_8);
        char[] buf = new char[10];
        assertThat(r.read(buf, 0, 10)).isEqualTo(1);
        assertThatThrownBy(() -> r.read(buf, 0, 10)).isInstanceOf(StrictDecoding.UndecodableBytesException.class);
    }

    @Test
    void longInputsDecodeAcrossBufferBoundariesIncludingSplitCharacters() throws Exception {
        String text = "嵊泗县菜园镇,".repeat(50_000);
        for (var cs : java.util.List.of(StandardCharsets.UTF_8, EncodingDetector.GB18030)) {
            try (Reader r = StrictDecoding.reader(new ByteArrayInputStream(text.getBytes(cs)), cs)) {
                StringBuilder sb = new StringBuilder();
                char[] buf = new char[777];
                int n;
                while ((n = r.read(buf, 0, buf.length)) > 0) {
                    sb.append(buf, 0, n);
                }
                assertThat(sb.toString()).isEqualTo(text);
            }
        }
    }
}
