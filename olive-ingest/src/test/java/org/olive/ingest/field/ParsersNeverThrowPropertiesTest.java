package org.olive.ingest.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.olive.ingest.mapping.FieldSpec;
import org.olive.ingest.mapping.FieldType;
import org.olive.ingest.mapping.ParserFactory;
import org.olive.ingest.mapping.ValidationContext;

/** Whatever a department puts in a cell, every parser answers with a value or a reason: never an exception. */
class ParsersNeverThrowPropertiesTest {

    private static final ValidationContext CTX = ValidationContext.shengsi(LocalDate.of(2024, 6, 30));

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789-/.年月日:T ，．０１２３４５６７８９¥元万()eE+X").ofMaxLength(25));
    }

    @Provide
    Arbitrary<FieldType> types() {
        return Arbitraries.of(FieldType.class);
    }

    @Property(tries = 2000)
    void everyParserAnswersWithAValueOrAReason(@ForAll("types") FieldType type, @ForAll("cells") String cell) {
        FieldSpec spec = new FieldSpec("f", type, true, List.of("F"),
                type == FieldType.CODE ? Map.of("1", "M", "男", "M") : Map.of(), null, null, 0);
        ParseResult<Object> r = ParserFactory.parser(spec, CTX).parse(cell);
        assertThat(r.ok() ? r.value() : r.error()).isNotNull();
        if (!r.ok()) {
            assertThat(r.error()).isNotBlank();
        }
    }
}
