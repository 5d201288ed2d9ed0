package org.olive.geography;

/** Urban or rural class of a village or community, from the NBS urban-rural classification code (城乡分类代码). */
public enum UrbanRural {
    URBAN, RURAL;

    /** 111–123 are urban (城镇), 210 and 220 rural (乡村). */
    public static UrbanRural fromCode(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("urban-rural code is empty");
        }
        return switch (code.strip().charAt(0)) {
            case '1' -> URBAN;
            case '2' -> RURAL;
            default -> throw new IllegalArgumentException("unknown urban-rural code " + code);
        };
    }
}
