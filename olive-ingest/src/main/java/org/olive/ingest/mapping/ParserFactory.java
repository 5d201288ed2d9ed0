package org.olive.ingest.mapping;

import java.math.BigDecimal;

import org.olive.ingest.field.CodeParser;
import org.olive.ingest.field.CreditCodeParser;
import org.olive.ingest.field.DateParser;
import org.olive.ingest.field.DateTimeParser;
import org.olive.ingest.field.DecimalParser;
import org.olive.ingest.field.DivisionCodeParser;
import org.olive.ingest.field.FieldParser;
import org.olive.ingest.field.IdNumberParser;
import org.olive.ingest.field.IntegerParser;
import org.olive.ingest.field.MonthParser;
import org.olive.ingest.field.ParseResult;
import org.olive.ingest.field.TextParser;
import org.olive.ingest.field.ValueMapParser;

/** Builds the parser of a field from its spec, applying the field's code-value map before its type. */
public final class ParserFactory {

    /** Decimals kept for non-money decimal quantities. */
    public static final int DECIMAL_SCALE = 4;

    private ParserFactory() {
    }

    /**
     * The parser of a field of a dataset: as {@link #parser(FieldSpec, ValidationContext)}, and when the context holds
     * reference codes for the field ({@link ReferenceCodes}), its values map translates what it knows and lets the
     * rest through as written, and the result must be one of the reference codes.
     */
    public static FieldParser<Object> parser(String dataset, FieldSpec spec, ValidationContext ctx) {
        java.util.Optional<ReferenceCodes> ref = ctx.reference(dataset, spec.name());
        if (ref.isEmpty()) {
            return parser(spec, ctx);
        }
        FieldParser<Object> typed = widen(typed(spec, ctx));
        ValueMapParser map = spec.values().isEmpty() ? null : new ValueMapParser(spec.values());
        ReferenceCodes codes = ref.get();
        return raw -> {
            String s = raw;
            if (map != null) {
                ParseResult<String> mapped = map.parse(raw);
                if (mapped.ok()) {
                    s = mapped.value();
                }
            }
            ParseResult<Object> v = typed.parse(s);
            if (!v.ok() || v.value() == null) {
                return v;
            }
            String refusal = codes.refusal(v.value().toString());
            return refusal == null ? v : ParseResult.error(refusal);
        };
    }

    public static FieldParser<Object> parser(FieldSpec spec, ValidationContext ctx) {
        FieldParser<Object> typed = widen(typed(spec, ctx));
        if (spec.values().isEmpty() || spec.type() == FieldType.CODE) {
            return typed;
        }
        ValueMapParser map = new ValueMapParser(spec.values());
        return raw -> {
            ParseResult<String> mapped = map.parse(raw);
            return mapped.ok() ? typed.parse(mapped.value()) : ParseResult.error(mapped.error());
        };
    }

    @SuppressWarnings("unchecked")
    private static FieldParser<Object> widen(FieldParser<?> p) {
        return (FieldParser<Object>) p;
    }

    private static FieldParser<?> typed(FieldSpec spec, ValidationContext ctx) {
        return switch (spec.type()) {
            case TEXT -> new TextParser(spec.maxLength() > 0 ? spec.maxLength() : ctx.textMaxLength());
            case INTEGER -> new IntegerParser(spec.min() == null ? ctx.integerMin() : spec.min().longValueExact(),
                    spec.max() == null ? ctx.integerMax() : spec.max().longValueExact());
            case DECIMAL -> new DecimalParser(DECIMAL_SCALE, orDefault(spec.min(), BigDecimal.ZERO),
                    orDefault(spec.max(), BigDecimal.valueOf(ctx.integerMax())), false);
            case AMOUNT -> DecimalParser.amount(orDefault(spec.min(), ctx.amountMin()), orDefault(spec.max(), ctx.amountMax()));
            case DATE -> dates(spec, ctx);
            case DATETIME -> new DateTimeParser(dates(spec, ctx), spec.future()
                    ? ctx.latestDateTime().plusYears(FieldSpec.FUTURE_YEARS) : ctx.latestDateTime());
            case MONTH -> new MonthParser(ctx.earliestMonth(), spec.future()
                    ? new org.olive.period.Period(ctx.latestMonth().month().plusYears(FieldSpec.FUTURE_YEARS)) : ctx.latestMonth());
            case ID_NUMBER -> new IdNumberParser();
            case CREDIT_CODE -> new CreditCodeParser();
            case RELATION -> CodeParser.familyRelation();
            case DIVISION -> DivisionCodeParser.villageOrTownship(ctx.divisions());
            case OCCUPATION -> CodeParser.occupation();
            case INDUSTRY -> CodeParser.industry();
            case CODE -> new ValueMapParser(spec.values());
        };
    }

    private static DateParser dates(FieldSpec spec, ValidationContext ctx) {
        java.time.LocalDate latest = spec.future() ? ctx.latestDate().plusYears(FieldSpec.FUTURE_YEARS) : ctx.latestDate();
        return new DateParser(ctx.earliestDate(), latest, DateParser.DEFAULT_MIN_EXCEL_SERIAL, DateParser.DEFAULT_MAX_EXCEL_SERIAL);
    }

    private static BigDecimal orDefault(BigDecimal v, BigDecimal d) {
        return v == null ? d : v;
    }
}
