package org.olive.synth.output;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Character encodings the departments deliver CSV extracts in. XLSX files are always UTF-8 inside the zip. */
public enum Encoding {
    UTF8("UTF-8", false), UTF8_BOM("UTF-8", true), GB18030("GB18030", false);

    private final String charsetName;
    private final boolean bom;

    Encoding(String charsetName, boolean bom) {
        this.charsetName = charsetName;
        this.bom = bom;
    }

    public Charset charset() {
        return charsetName.equals("UTF-8") ? StandardCharsets.UTF_8 : Charset.forName(charsetName);
    }

    public boolean bom() {
        return bom;
    }

    /** Label used in the manifest and the data catalogue: {@code UTF-8}, {@code UTF-8-BOM}, {@code GB18030}. */
    public String label() {
        return bom ? "UTF-8-BOM" : charsetName;
    }
}
