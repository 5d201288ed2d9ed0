package org.olive.family;

import org.olive.identity.IdNumber;

import java.util.Map;

/** Wording shared by the builder's evidence and basis texts: relation labels and ID masking. */
final class Texts {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("01", "本人"), Map.entry("02", "户主"), Map.entry("10", "配偶"), Map.entry("11", "夫"),
            Map.entry("12", "妻"), Map.entry("20", "子"), Map.entry("28", "女婿"), Map.entry("30", "女"),
            Map.entry("38", "儿媳"), Map.entry("41", "孙子"), Map.entry("42", "孙女"), Map.entry("43", "外孙子"),
            Map.entry("44", "外孙女"), Map.entry("51", "父亲"), Map.entry("52", "母亲"), Map.entry("53", "公公"),
            Map.entry("54", "婆婆"), Map.entry("55", "岳父"), Map.entry("56", "岳母"), Map.entry("71", "兄"),
            Map.entry("72", "嫂"), Map.entry("73", "弟"), Map.entry("74", "弟媳"), Map.entry("75", "姐姐"),
            Map.entry("76", "姐夫"), Map.entry("77", "妹妹"), Map.entry("78", "妹夫"), Map.entry("97", "其他亲属"),
            Map.entry("99", "非亲属"));

    private Texts() {
    }

    static String relationLabel(String code) {
        String l = code == null ? null : LABELS.get(code);
        return l == null ? "未知关系" : l;
    }

    static String mask(String id) {
        return IdNumber.mask(id);
    }

    static String sexLabel(String sex) {
        return "M".equals(sex) ? "男" : "F".equals(sex) ? "女" : "性别不详";
    }

    static String years(double y) {
        return String.format(java.util.Locale.ROOT, "%.1f", y);
    }
}
