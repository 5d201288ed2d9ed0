package org.olive.synth.livelihood;

import org.olive.synth.population.Person;

/**
 * A market entity or public body: an employer, an individual business (个体工商户, USCC 92…), an SME (91…),
 * a farmers' cooperative (93…) or a government/public-service unit (11…/12…, not in the market register).
 * Revenue and profit accumulate over the calendar year for the yearly business report.
 */
public final class Entity {

    public enum Kind {
        ENTERPRISE("有限责任公司"), INDIVIDUAL("个体工商户"), COOPERATIVE("农民专业合作社"), PUBLIC("机关事业单位");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public final int index;
    public final String uscc;
    public final String name;
    public final Kind kind;
    public final String industry;
    public final int village;
    public final int founded;
    public Person operator;
    /** Legal representative registered elsewhere, when the operator is not a county person. */
    public String repId = "";
    public String repName = "";
    public int closed = -1;
    public int employees;
    /** Revenue and net profit of the current calendar year, in cents. */
    public long revenueYear;
    public long profitYear;

    public Entity(int index, String uscc, String name, Kind kind, String industry, int village, int founded,
                  Person operator) {
        this.index = index;
        this.uscc = uscc;
        this.name = name;
        this.kind = kind;
        this.industry = industry;
        this.village = village;
        this.founded = founded;
        this.operator = operator;
    }

    public boolean open() {
        return closed < 0;
    }

    /** In the market register (市场监管): everything except public bodies. */
    public boolean registered() {
        return kind != Kind.PUBLIC;
    }
}
