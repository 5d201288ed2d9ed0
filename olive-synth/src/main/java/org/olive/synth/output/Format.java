package org.olive.synth.output;

/** File formats of the extracts. */
public enum Format {
    CSV("csv"), XLSX("xlsx");

    private final String extension;

    Format(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
