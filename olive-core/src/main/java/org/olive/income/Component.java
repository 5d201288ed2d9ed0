package org.olive.income;

/**
 * The national-statistics components of disposable income (domain.md §4): DI = wage + business + property +
 * transfer_in − transfer_out. Transfer expenditure (income tax, personal social-insurance and housing-fund
 * contributions, transfers paid) is held as a positive amount and subtracted.
 */
public enum Component {
    /** 工资性收入. */
    WAGE("工资性收入"),
    /** 经营净收入. */
    BUSINESS("经营净收入"),
    /** 财产净收入. */
    PROPERTY("财产净收入"),
    /** 转移性收入. */
    TRANSFER_IN("转移性收入"),
    /** 转移性支出 (subtracted). */
    TRANSFER_OUT("转移性支出");

    private final String chinese;

    Component(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** +1 for the income components, −1 for transfer expenditure. */
    public int sign() {
        return this == TRANSFER_OUT ? -1 : 1;
    }

    /** Disposable income of five amounts indexed by {@link #ordinal()}. */
    public static double disposable(double[] byComponent) {
        double di = 0;
        for (Component c : values()) {
            di += c.sign() * byComponent[c.ordinal()];
        }
        return di;
    }
}
