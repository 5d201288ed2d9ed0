package org.olive.ingest.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class EncodingDetectorTest {

    private final EncodingDetector detector = new EncodingDetector(64);

    private DetectedEncoding detect(byte[] b, boolean truncated) {
        return detector.detect(b, b.length, truncated);
    }

    @Test
    void utf8BomDecidesAndIsSkipped() {
        byte[] b = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
        DetectedEncoding d = detect(b, false);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.bomLength()).isEqualTo(3);
        assertThat(d.reason()).contains("byte-order mark");
    }

    @Test
    void utf16BomsAreRecognised() {
        assertThat(detect(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}, false).charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(detect(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 'a'}, false).charset()).isEqualTo(StandardCharsets.UTF_16BE);
    }

    @Test
    void chineseUtf8WithoutBomIsUtf8() {
        DetectedEncoding d = detect("公民身份号码,姓名".getBytes(StandardCharsets.UTF_8), false);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.reason()).contains("valid UTF-8").contains("8 non-ASCII");
    }

    @Test
    void gb18030IsDetectedByInvalidUtf8AndSaysWhere() {
        DetectedEncoding d = detect("ab,公民身份号码".getBytes(EncodingDetector.GB18030), false);
        assertThat(d.charset()).isEqualTo(EncodingDetector.GB18030);
        assertThat(d.reason()).contains("offset 3").contains("GB18030");
    }

    @Test
    void asciiOnlyIsReadAsUtf8AndSaysSo() {
        DetectedEncoding d = detect("a,b,c\n1,2,3\n".getBytes(StandardCharsets.US_ASCII), false);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.reason()).contains("ASCII only");
    }

    @Test
    void multibyteCharacterCutAtTheProbeBoundaryIsAccepted() {
        byte[] full = "aaaa姓".getBytes(StandardCharsets.UTF_8); // 4 + 3 bytes
        byte[] cut = java.util.Arrays.copyOf(full, 6);            // ends inside 姓
        assertThat(detector.detect(cut, 6, true).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(detector.detect(cut, 6, false).charset()).isEqualTo(EncodingDetector.GB18030);
    }

    @Test
    void probeOfAStreamStopsAtTheConfiguredSizeAndResets() throws Exception {
        byte[] head = "x".repeat(63).getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "姓名".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(new java.io.ByteArrayInputStream(all));
        DetectedEncoding d = detector.detect(in);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.reason()).contains("first 64 bytes");
        assertThat(in.readAllBytes()).isEqualTo(all);
    }

    @Test
    void strictValidatorRejectsOverlongsSurrogatesAndOutOfRange() {
        assertThat(Utf8Validator.validate(new byte[] {(byte) 0xC0, (byte) 0xAF}, 0, 2, false).valid()).isFalse();
        assertThat(Utf8Validator.validate(new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, 0, 3, false).valid()).isFalse();
        assertThat(Utf8Validator.validate(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3, false).valid()).isFalse();
        assertThat(Utf8Validator.validate(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, 0, 4, false).valid()).isFalse();
        assertThat(Utf8Validator.validate("𠀀".getBytes(StandardCharsets.UTF_8), 0, 4, false).valid()).isTrue();
    }
}
