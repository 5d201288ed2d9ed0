package org.olive.synth.livelihood;

/**
 * What a person lives on, with its codes and 2022 income level. The annual amounts are the mean gross
 * earnings (wages) or net business income of the livelihood in 2022 yuan before the person's own level factor
 * (log-normal with the given spread, mean one); they were tuned so that the county's 2022 figures match the
 * seed's baseline (per-capita disposable income ≈ 58,000, urban/rural ratio ≈ 1.45).
 *
 * <p>Industry codes are GB/T 4754-2017 小类 and occupation codes 职业分类大典 2022 细类; every one is checked
 * against core's reference tables by a test.
 *
 * @param label       Chinese label
 * @param industries  industry codes of the employers or businesses (the first is the most common)
 * @param occupations occupation codes (parallel to industries where the livelihood spans several)
 * @param annual2022  mean annual gross earnings or net business income in 2022, yuan
 * @param spread      sigma of the person's log-normal level factor
 * @param business    true when the income is net business income rather than wages
 */
public enum Livelihood {
    NONE("无业或家务", new String[]{}, new String[]{}, 0, 0, false),
    STUDENT("在校学生", new String[]{}, new String[]{}, 0, 0, false),
    CIVIL_SERVANT("机关事业单位人员", new String[]{"9221", "9224", "9225"}, new String[]{"3-01-01-01", "3-01-01-02", "3-01-01-01"}, 142_000, 0.18, false),
    TEACHER("教师", new String[]{"8321", "8331", "8334"}, new String[]{"2-08-02-04", "2-08-02-03", "2-08-02-01"}, 138_000, 0.15, false),
    HEALTH_WORKER("医务人员", new String[]{"8411", "8423"}, new String[]{"2-05-01-19", "2-05-08-05"}, 132_000, 0.22, false),
    PORT_WORKER("港口从业人员", new String[]{"5532", "5531", "5539"}, new String[]{"4-02-05-01", "6-30-05-01", "4-02-06-02"}, 116_000, 0.22, false),
    SHIPPING_CREW("海运及轮渡船员", new String[]{"5522", "5513"}, new String[]{"6-30-04-01", "4-02-03-01"}, 122_000, 0.25, false),
    FISHING_CREW("渔船船员", new String[]{"0421"}, new String[]{"5-04-03-02"}, 86_000, 0.28, false),
    VESSEL_OWNER("渔船船东", new String[]{"0421"}, new String[]{"5-04-03-01"}, 230_000, 0.50, true),
    MUSSEL_FARMER("贻贝养殖户", new String[]{"0411"}, new String[]{"5-04-02-01"}, 98_000, 0.45, true),
    BNB_OWNER("民宿主", new String[]{"6130"}, new String[]{"4-14-06-02"}, 0, 0.40, true),
    TOURISM_WORKER("旅游从业人员", new String[]{"6130", "6110", "6210", "7291", "7861"},
            new String[]{"4-03-01-02", "4-03-01-01", "4-03-02-05", "4-07-04-01", "4-07-04-01"}, 62_000, 0.22, false),
    INDIVIDUAL_BUSINESS("个体工商户", new String[]{"5213", "6210", "5224", "6291", "8040", "8111", "5117"},
            new String[]{"4-01-02-03", "4-03-02-01", "4-01-02-03", "4-03-02-02", "4-01-02-03", "4-12-01-02", "4-01-02-03"}, 92_000, 0.50, true),
    SME_OWNER("中小企业主", new String[]{"1361", "5117", "4823", "5522", "7291", "6110", "5212"},
            new String[]{"1-06-01-02", "1-06-01-02", "1-06-01-02", "1-06-01-02", "1-06-01-02", "1-06-01-02", "1-06-01-02"}, 210_000, 0.55, true),
    EMPLOYEE("企业职工", new String[]{"1361", "4790", "5212", "4420", "6020", "4342", "7020", "8010"},
            new String[]{"6-01-05-01", "6-29-01-01", "4-01-02-04", "6-31-01-03", "4-02-07-08", "6-31-02-01", "4-09-08-01", "4-10-01-06"}, 78_000, 0.28, false),
    PLATFORM_WORKER("新就业形态从业人员", new String[]{"6242", "5413", "6020", "5292"},
            new String[]{"4-10-08-01", "4-02-02-01", "4-02-07-08", "4-01-06-02"}, 66_000, 0.30, false),
    INFORMAL("灵活零工", new String[]{}, new String[]{}, 44_000, 0.35, false),
    UNEMPLOYED("失业", new String[]{}, new String[]{}, 0, 0, false),
    RETIRED("退休或老年", new String[]{}, new String[]{}, 0, 0, false);

    private final String label;
    private final String[] industries;
    private final String[] occupations;
    private final double annual2022;
    private final double spread;
    private final boolean business;

    Livelihood(String label, String[] industries, String[] occupations, double annual2022, double spread,
               boolean business) {
        this.label = label;
        this.industries = industries;
        this.occupations = occupations;
        this.annual2022 = annual2022;
        this.spread = spread;
        this.business = business;
    }

    public String label() {
        return label;
    }

    public String[] industries() {
        return industries;
    }

    public String[] occupations() {
        return occupations;
    }

    public double annual2022() {
        return annual2022;
    }

    public double spread() {
        return spread;
    }

    public boolean business() {
        return business;
    }

    /** True for livelihoods that earn (wages, shares or business income). */
    public boolean working() {
        return this != NONE && this != STUDENT && this != UNEMPLOYED && this != RETIRED;
    }

    /** True for employees of an entity (social insurance and withholding possible). */
    public boolean employed() {
        return switch (this) {
            case CIVIL_SERVANT, TEACHER, HEALTH_WORKER, PORT_WORKER, SHIPPING_CREW, TOURISM_WORKER, EMPLOYEE -> true;
            default -> false;
        };
    }

    public boolean publicSector() {
        return this == CIVIL_SERVANT || this == TEACHER || this == HEALTH_WORKER;
    }
}
