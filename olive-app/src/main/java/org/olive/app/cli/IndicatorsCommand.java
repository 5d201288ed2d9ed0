package org.olive.app.cli;

import org.olive.income.FamilyIncomeRules;
import org.olive.indicator.Breakdown;
import org.olive.indicator.CountySettings;
import org.olive.indicator.EquivalenceScale;
import org.olive.indicator.HouseholdSample;
import org.olive.indicator.IndicatorReport;
import org.olive.indicator.IndicatorSettings;
import org.olive.indicator.Indicators;
import org.olive.indicator.PovertyLine;
import org.olive.period.Period;
import org.olive.pipeline.income.IncomeIndicatorFormat;
import org.olive.pipeline.income.IncomeIndicators;
import org.olive.pipeline.income.IncomeSettings;
import org.olive.pipeline.income.KeyGroupMembers;
import org.olive.pipeline.sample.IndicatorReportFormat;
import org.olive.pipeline.sample.SampleException;
import org.olive.pipeline.sample.SampleReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code olive indicators --period P}: the county indicators of a period computed in memory from the database
 * (person_income + family_income and the survey), population and survey side by side with the gap, and the pilot
 * indicators 1–5 and 8 (docs/indicators.md). {@code olive indicators --sample DIR}: distribution indicators (quantiles, Gini, Theil, MLD, Palma, P90/P10, S80/S20,
 * Lorenz, relative and absolute poverty, middle-income shares) of any weighted household sample. The format of
 * the sample is in docs/indicators.md.
 */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = {"County indicators of a period from the database (--period), population and survey side by side, or",
                "distribution indicators of a weighted household sample: DIR/persons.csv and DIR/incomes.csv (--sample; see docs/indicators.md).",
                "Every person carries their household's equivalised disposable income; malformed input is refused with every",
                "error listed (file, row, field, reason) and exit code 3."})
public class IndicatorsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--sample", paramLabel = "DIR", description = "Folder holding persons.csv and incomes.csv.")
    Path sample;

    @Option(names = "--period", paramLabel = "YYYY-MM",
            description = "The county indicators of a period from the database: its income ledger (person_income, family_income) "
                    + "and the latest survey delivered at or before it.")
    String period;

    @Mixin
    CountyOption county = new CountyOption();

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Option(names = "--scale", paramLabel = "SCALE", defaultValue = "per-capita", converter = ScaleConverter.class,
            description = "Equivalence scale: per-capita (default), oecd (modified OECD) or sqrt.")
    EquivalenceScale scale;

    @Option(names = "--by", paramLabel = "BREAKDOWN",
            description = {"Also give the indicators per group: with --sample 'area'; with --period township, village, urban-rural,",
                    "sex, age or key_group (the key groups enabled at the period in the county's groups.yaml, over their members",
                    "of group_member: run step groups of the period first)."})
    String by;

    @Option(names = "--format", paramLabel = "json|csv|text",
            description = "Output format on standard output (default: json with --sample, text with --period; text only with --period).")
    String format;

    @Option(names = "--line", paramLabel = "NAME=AMOUNT",
            description = {"An absolute poverty line per person per year for FGT 0/1/2; repeatable. Replaces the default of the same",
                    "name (dibao = the 低保 standard, dibian = 低边 line of --line-year, both from income.yaml lines:) or adds a line."})
    List<String> lines = new ArrayList<>();

    @Option(names = "--line-year", paramLabel = "YYYY",
            description = {"Year whose lines give the defaults: those in force in its December (income.yaml lines.dibao and lines.dibian;",
                    "a year without a figure keeps the latest earlier one). Default: the latest dated 低保 figure with --sample, the period with --period."})
    Integer lineYear;

    @Option(names = "--family-income", paramLabel = "typical|actual",
            description = {"Family income tested against every bracket: typical = per-capita DI × 3 (三口之家, the national",
                    "convention) or actual = the household's own DI. Default: each bracket's basis in income.yaml brackets: (typical)."})
    String familyIncome;

    @Override
    public Integer call() {
        if ((sample == null) == (period == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give exactly one of --sample DIR and --period YYYY-MM");
        }
        if (period != null) {
            return period();
        }
        if (format == null) {
            format = "json";
        }
        IndicatorSettings settings = settings();
        HouseholdSample households;
        try {
            households = SampleReader.withDefaults().read(sample);
        } catch (SampleException e) {
            throw new DataException(e.getMessage(), e);
        }
        IndicatorReport report = Indicators.compute(households, settings, by != null);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.equals("csv") ? IndicatorReportFormat.csv(report) : IndicatorReportFormat.json(report));
        out.flush();
        return 0;
    }

    private Integer period() {
        Period p;
        Breakdown breakdown = null;
        String f = format == null ? "text" : format;
        try {
            p = Period.parse(period);
            if (by != null) {
                breakdown = Breakdown.parse(by);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!f.equals("json") && !f.equals("csv") && !f.equals("text")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format is json, csv or text, not '" + f + "'");
        }
        IndicatorSettings base = indicatorSettings(lineYear != null ? Period.of(lineYear, 12) : p);
        CountySettings settings = CountySettings.of(base)
                .withBreakdowns(breakdown == null ? EnumSet.of(Breakdown.COUNTY) : EnumSet.of(breakdown))
                .withMinSamplePersons(county.profile().income().surveyMinCellPersons());
        IncomeIndicators ind;
        try (ConfigurableApplicationContext ctx = AccountCommand.context(db, county.springProperties());
             Connection c = ctx.getBean(DataSource.class).getConnection()) {
            KeyGroupMembers groups = breakdown != Breakdown.KEY_GROUP ? null
                    : KeyGroupMembers.read(c, p, county.profile().groups().at(p).groupIds());
            ind = IncomeIndicators.compute(c, p, settings, county.profile().divisions(), groups);
        } catch (SQLException e) {
            throw new DataException("cannot read the indicators' data of " + p + " from " + db.describe() + ": " + e.getMessage(), e);
        }
        if (ind.population().isEmpty() && ind.survey().isEmpty()) {
            throw new DataException("nothing to compute for " + p + ": " + String.join("; ", ind.notes()));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (f) {
            case "json" -> IncomeIndicatorFormat.json(ind, breakdown);
            case "csv" -> IncomeIndicatorFormat.csv(ind, breakdown);
            default -> IndicatorsText.text(ind, breakdown);
        });
        out.flush();
        return 0;
    }

    /** The settings from the options; a bad option value is a usage error. */
    IndicatorSettings settings() {
        if (by != null && !by.equals("area")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--by accepts only 'area', not '" + by + "'");
        }
        if (!format.equals("json") && !format.equals("csv")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format is json or csv, not '" + format + "'");
        }
        return indicatorSettings(lineYear != null ? Period.of(lineYear, 12) : rules().lines().latestDibaoPeriod());
    }

    /** The one source of the lines and brackets: the county profile's income.yaml, as the income step reads it. */
    private FamilyIncomeRules rules() {
        return county.profile().income().family();
    }

    /**
     * Scale, family-income basis and lines from the options; the default lines (the county-wide ones in force at
     * {@code at}) and the brackets (those valid then) from income.yaml.
     */
    private IndicatorSettings indicatorSettings(Period at) {
        IndicatorSettings.FamilyIncomeBasis basis = familyIncome == null ? null : switch (familyIncome) {
            case "typical" -> IndicatorSettings.FamilyIncomeBasis.TYPICAL_FAMILY;
            case "actual" -> IndicatorSettings.FamilyIncomeBasis.ACTUAL_FAMILY;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--family-income is typical or actual, not '" + familyIncome + "'");
        };
        try {
            Map<String, PovertyLine> byName = new LinkedHashMap<>();
            IndicatorSettings defaults;
            if (hasBothDefaults()) {
                // Both default lines are given: no year is looked up (a year before the first dated 低保 figure is fine).
                defaults = IndicatorSettings.of(rules(), rules().lines().latestDibaoPeriod());
            } else {
                defaults = IndicatorSettings.of(rules(), at);
                for (PovertyLine l : defaults.lines()) {
                    byName.put(l.name(), l);
                }
            }
            for (String text : lines) {
                PovertyLine l = PovertyLine.parse(text);
                byName.put(l.name(), l);
            }
            return defaults.withScale(scale).withFamilyIncomeBasis(basis == null ? defaults.familyIncomeBasis() : basis)
                    .withLines(List.copyOf(byName.values()));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private boolean hasBothDefaults() {
        boolean dibao = false;
        boolean dibian = false;
        for (String text : lines) {
            String name = text.contains("=") ? text.substring(0, text.indexOf('=')).strip() : "";
            dibao |= name.equals(PovertyLine.DIBAO);
            dibian |= name.equals(PovertyLine.MARGINAL);
        }
        return dibao && dibian;
    }

    /** Accepts the scale names of {@link EquivalenceScale#parse}. */
    static class ScaleConverter implements CommandLine.ITypeConverter<EquivalenceScale> {
        @Override
        public EquivalenceScale convert(String value) {
            try {
                return EquivalenceScale.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
