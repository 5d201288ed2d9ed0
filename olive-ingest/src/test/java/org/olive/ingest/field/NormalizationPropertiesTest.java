package org.olive.ingest.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

class NormalizationPropertiesTest {

    @Property
    void normalisationIsIdempotent(@ForAll String s) {
        String once = TextNormalizer.normalize(s);
        assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    }

    @Property
    void normalisedTextHasNoFullWidthAsciiVariants(@ForAll String s) {
        assertThat(TextNormalizer.normalize(s).chars().noneMatch(c -> c >= 0xFF01 && c <= 0xFF5E || c == 0x3000)).isTrue();
    }

    @Property
    void fullWidthAmountsParseLikeTheirAsciiForm(@ForAll @BigRange(min = "-99999999", max = "99999999") @Scale(2) BigDecimal v) {
        String ascii = v.toPlainString();
        StringBuilder full = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            full.append((char) (c + 0xFEE0));
        }
        DecimalParser p = DecimalParser.amount(new BigDecimal("-100000000"), new BigDecimal("100000000"));
        assertThat(p.parse(full.toString()).value()).isEqualByComparingTo(v);
        assertThat(p.parse("¥" + ascii + "元").value()).isEqualByComparingTo(v);
    }
}
