package org.olive.synth.output;

import static org.olive.synth.output.Cadence.MONTHLY;
import static org.olive.synth.output.Cadence.YEARLY;
import static org.olive.synth.output.Encoding.GB18030;
import static org.olive.synth.output.Encoding.UTF8;
import static org.olive.synth.output.Encoding.UTF8_BOM;
import static org.olive.synth.output.Format.CSV;
import static org.olive.synth.output.Format.XLSX;

import java.util.List;

/**
 * Every dataset of domain.md §3 as the generator writes it: file names, formats, encodings and columns with
 * their Chinese headers. {@code docs/data-catalog.md} documents the same list.
 */
public final class Catalog {

    private Catalog() {
    }

    private static Column c(String header, String canonical, String type, String meaning) {
        return new Column(header, canonical, type, meaning);
    }

    private static final Column ID = c("公民身份号码", "person_id", "id", "resident ID number, GB 11643 (18 characters)");
    private static final Column NAME = c("姓名", "name", "text", "name");

    public static final DatasetSpec HUKOU = new DatasetSpec("hukou", "", "公安局", "户籍人口", CSV, GB18030, MONTHLY,
            "person; full monthly snapshot of the registered population plus those who died or moved out in the month",
            List.of(ID, NAME,
                    c("性别", "sex", "code", "GB/T 2261.1: 1 男, 2 女"),
                    c("出生日期", "birth_date", "date", "yyyy-MM-dd"),
                    c("民族", "ethnicity", "code", "GB 3304 two-digit code, 01 汉族"),
                    c("户号", "hukou_no", "text", "household registration number"),
                    c("与户主关系", "relation_to_head", "code", "GB/T 4761-2008 family relation code (02 户主, 10 配偶, 20 子, 28 女婿, 30 女, 38 儿媳, 41-44 孙辈, 51-56 父母/公婆/岳父母, 71-78 兄弟姐妹, 97 其他亲属, 99 非亲属)"),
                    c("村社代码", "village_code", "code", "12-digit statistical division code of the registration address"),
                    c("住址", "address", "text", "registration address"),
                    c("婚姻状况", "marital_status", "code", "GB/T 2261.2: 10 未婚, 20 已婚, 30 丧偶, 40 离婚"),
                    c("文化程度", "education", "code", "GB/T 4658: 10 研究生, 20 大学本科, 30 大学专科, 40 中等职业, 60 普通高中, 70 初中, 80 小学, 90 其他"),
                    c("人员状态", "status", "text", "正常 / 死亡 / 迁出"),
                    c("状态变更日期", "status_date", "date", "date of death or move-out; empty when 正常")));

    public static final DatasetSpec CROSSINGS = new DatasetSpec("crossings", "", "公安局（轮渡实名制售票）", "进出岛记录", CSV,
            UTF8, MONTHLY, "crossing event (residents, migrants and tourists), sorted by time",
            List.of(c("证件号码", "person_id", "id", "ID number of the ticket holder"), NAME,
                    c("进出方向", "direction", "code", "进岛 (IN) / 出岛 (OUT)"),
                    c("检票时间", "timestamp", "datetime", "yyyy-MM-dd HH:mm:ss, local time"),
                    c("码头", "port", "text", "passenger terminal; see the port table")));

    public static final DatasetSpec FLOATING = new DatasetSpec("floating", "", "公安局", "流动人口居住登记", CSV, GB18030,
            MONTHLY, "person; monthly snapshot of residence-permit registrations active in the month",
            List.of(ID, NAME, c("性别", "sex", "code", "1 男, 2 女"), c("出生日期", "birth_date", "date", ""),
                    c("户籍地区划代码", "origin_code", "code", "6-digit address code of the hukou elsewhere"),
                    c("居住村社代码", "village_code", "code", "12-digit code of the village of residence"),
                    c("居住事由", "reason", "text", "务工 / 经商 / 投靠亲友"),
                    c("登记日期", "registered_date", "date", ""), c("注销日期", "ended_date", "date", "empty while active")));

    public static final DatasetSpec MARRIAGE = new DatasetSpec("marriage", "", "民政局", "婚姻登记", XLSX, UTF8, MONTHLY,
            "event", List.of(c("男方公民身份号码", "husband_id", "id", ""), c("男方姓名", "husband_name", "text", ""),
            c("女方公民身份号码", "wife_id", "id", ""), c("女方姓名", "wife_name", "text", ""),
            c("登记类型", "kind", "text", "结婚 (IA) / 离婚 (IB)"), c("登记日期", "date", "date", ""),
            c("登记机关", "office", "text", "registration office")));

    public static final DatasetSpec VITAL = new DatasetSpec("vital", "", "卫健局 / 公安局", "出生死亡登记", CSV, UTF8_BOM,
            MONTHLY, "event", List.of(c("事件类型", "kind", "text", "出生 / 死亡"), ID, NAME,
            c("性别", "sex", "code", "1 男, 2 女"), c("事件日期", "date", "date", "date of birth or death"),
            c("母亲公民身份号码", "mother_id", "id", "births only"), c("父亲公民身份号码", "father_id", "id", "births only"),
            c("村社代码", "village_code", "code", "")));

    public static final DatasetSpec SOCIAL_INSURANCE = new DatasetSpec("social_insurance", "", "人力社保局",
            "社会保险缴费明细", CSV, UTF8_BOM, MONTHLY, "person-month-insurance type",
            List.of(ID, NAME, c("单位统一社会信用代码", "employer_uscc", "uscc", "GB 32100; empty for flexible workers (灵活就业)"),
                    c("单位名称", "employer_name", "text", ""), c("费款所属期", "month", "period", "yyyyMM"),
                    c("险种类型", "insurance_type", "code", "110 企业职工基本养老保险, 120 机关事业单位养老保险, 210 失业保险, 310 职工基本医疗保险, 410 工伤保险"),
                    c("缴费基数", "contribution_base", "money", "monthly base, floored and capped"),
                    c("个人缴费金额", "personal_contribution", "money", ""), c("单位缴费金额", "employer_contribution", "money", "")));

    public static final DatasetSpec BENEFITS = new DatasetSpec("benefits", "", "人力社保局", "社会保险待遇发放", CSV,
            UTF8_BOM, MONTHLY, "person-month-benefit",
            List.of(ID, NAME, c("待遇所属期", "month", "period", "yyyyMM"),
                    c("待遇类型", "benefit_type", "text", "企业职工基本养老金 / 机关事业单位养老金 / 城乡居民基本养老金 / 失业保险金 / 工伤保险待遇"),
                    c("发放金额", "amount", "money", "")));

    public static final DatasetSpec SKILL_CERT = new DatasetSpec("skill_cert", "", "人力社保局", "职业技能等级证书",
            XLSX, UTF8, MONTHLY, "certificate; the first period carries all certificates held before it",
            List.of(c("证书编号", "certificate_no", "text", ""), ID, NAME,
                    c("职业编码", "occupation_code", "code", "职业分类大典 2022 (GB/T 6565) 细类 code, e.g. 4-03-02-01"),
                    c("职业名称", "occupation_name", "text", ""),
                    c("技能等级", "level", "int", "1 高级技师, 2 技师, 3 高级工, 4 中级工, 5 初级工"),
                    c("发证日期", "issued_date", "date", "")));

    public static final DatasetSpec IIT = new DatasetSpec("iit", "", "税务局", "个人所得税扣缴明细", CSV, GB18030, MONTHLY,
            "person-month-item", List.of(c("纳税人识别号", "person_id", "id", "the ID number"), NAME,
            c("所得期间", "month", "period", "yyyyMM"),
            c("所得项目", "item", "text", "正常工资薪金 / 劳务报酬所得 / 经营所得 / 利息股息红利所得 / 财产租赁所得"),
            c("收入额", "income", "money", ""), c("已缴税额", "tax", "money", ""),
            c("扣缴义务人统一社会信用代码", "withholder_uscc", "uscc", "empty for self-declared items")));

    public static final DatasetSpec MARKET_ENTITY = new DatasetSpec("market_entity", "", "市场监管局", "市场主体登记", XLSX,
            UTF8, MONTHLY, "entity; monthly snapshot of all entities registered in the county, closed ones included",
            List.of(c("统一社会信用代码", "uscc", "uscc", "GB 32100"), c("主体名称", "name", "text", ""),
                    c("主体类型", "kind", "text", "有限责任公司 / 个体工商户 / 农民专业合作社"),
                    c("法定代表人（经营者）公民身份号码", "operator_id", "id", ""),
                    c("法定代表人（经营者）姓名", "operator_name", "text", ""),
                    c("行业代码", "industry_code", "code", "GB/T 4754-2017 小类"),
                    c("从业人数", "employees", "int", ""), c("成立日期", "founded_date", "date", ""),
                    c("注销日期", "closed_date", "date", "empty while operating"),
                    c("住所村社代码", "village_code", "code", "")));

    public static final DatasetSpec BUSINESS_REPORT = new DatasetSpec("business_report", "", "税务局 / 市场监管局（年报）",
            "市场主体年度经营情况", XLSX, UTF8, YEARLY, "entity-year",
            List.of(c("统一社会信用代码", "uscc", "uscc", ""), c("年度", "year", "int", ""),
                    c("营业收入", "revenue", "money", ""), c("净利润", "net_profit", "money", "")));

    public static final DatasetSpec ASSISTANCE = new DatasetSpec("assistance", "", "民政局", "社会救助对象", CSV, GB18030,
            MONTHLY, "person-spell; spells active in the month",
            List.of(ID, NAME, c("救助家庭编号", "assistance_family_no", "text", ""),
                    c("救助类型", "type", "text", "低保 / 低边 / 特困 / 临时救助 / 支出型救助"),
                    c("月救助金额", "monthly_amount", "money", "amount paid to this person this month"),
                    c("开始日期", "start_date", "date", ""), c("结束日期", "end_date", "date", "empty while active"),
                    c("村社代码", "village_code", "code", "")));

    public static final DatasetSpec DISABILITY = new DatasetSpec("disability", "", "残联", "残疾人证", CSV, UTF8_BOM,
            MONTHLY, "person; monthly snapshot of valid disability certificates",
            List.of(ID, NAME, c("残疾类别", "category", "code", "GB/T 26341: 1 视力, 2 听力, 3 言语, 4 肢体, 5 智力, 6 精神, 7 多重"),
                    c("残疾等级", "grade", "int", "1-4 (1 most severe)"), c("发证日期", "issued_date", "date", "")));

    public static final DatasetSpec FISHERY_VESSELS = new DatasetSpec("fishery", "vessels", "海洋与渔业局", "渔船登记及产值",
            CSV, GB18030, MONTHLY, "vessel-month",
            List.of(c("船名号", "vessel_no", "text", "e.g. 浙嵊渔01234"), c("所有人公民身份号码", "owner_id", "id", ""),
                    c("所有人姓名", "owner_name", "text", ""), c("主机功率千瓦", "power_kw", "int", ""),
                    c("作业方式", "gear", "text", "拖网 / 张网 / 流刺网 / 灯光围网"),
                    c("统计月份", "month", "period", "yyyyMM"), c("当月渔获产值", "catch_value", "money", "0 during 休渔期"),
                    c("村社代码", "village_code", "code", "")));

    public static final DatasetSpec FISHERY_CREW = new DatasetSpec("fishery", "crew", "海洋与渔业局", "渔船船员", CSV,
            GB18030, MONTHLY, "crew member-month aboard",
            List.of(c("船名号", "vessel_no", "text", ""), ID, NAME, c("职务", "role", "text", "船长 / 轮机长 / 普通船员"),
                    c("在船月份", "month", "period", "yyyyMM"), c("分成金额", "share", "money", "crew share for the month")));

    public static final DatasetSpec FISHERY_AQUACULTURE = new DatasetSpec("fishery", "aquaculture", "海洋与渔业局",
            "水域滩涂养殖证", XLSX, UTF8, MONTHLY, "licence-month",
            List.of(c("养殖证编号", "licence_no", "text", ""), c("持证人公民身份号码", "holder_id", "id", ""),
                    c("持证人姓名", "holder_name", "text", ""), c("养殖面积亩", "area_mu", "decimal", "sea area, 亩"),
                    c("养殖品种", "species", "text", "贻贝 (mussel) / 羊栖菜 / 大黄鱼"),
                    c("统计月份", "month", "period", "yyyyMM"), c("当月产值", "output_value", "money", ""),
                    c("村社代码", "village_code", "code", "")));

    public static final DatasetSpec BNB = new DatasetSpec("bnb", "", "文化和广电旅游体育局（民宿数字化平台）", "民宿经营情况",
            XLSX, UTF8, MONTHLY, "B&B-month",
            List.of(c("民宿编号", "bnb_no", "text", ""), c("民宿名称", "bnb_name", "text", ""),
                    c("统一社会信用代码", "uscc", "uscc", "individual business (92…)"),
                    c("经营者公民身份号码", "owner_id", "id", ""), c("经营者姓名", "owner_name", "text", ""),
                    c("村社代码", "village_code", "code", ""), c("客房数", "rooms", "int", ""), c("床位数", "beds", "int", ""),
                    c("等级", "grade", "text", "精品 / 主题 / 普通 (1:2:7)"), c("统计月份", "month", "period", "yyyyMM"),
                    c("入住间夜数", "room_nights", "int", ""), c("营业收入", "revenue", "money", "")));

    public static final DatasetSpec PROPERTY_OWNERSHIP = new DatasetSpec("property", "ownership", "住建局（不动产登记中心）",
            "不动产登记", CSV, UTF8_BOM, MONTHLY,
            "property title; the first period carries the stock, later periods new registrations",
            List.of(c("不动产单元号", "property_id", "text", ""), c("权利人公民身份号码", "owner_id", "id", ""),
                    c("权利人姓名", "owner_name", "text", ""), c("建筑面积", "area_m2", "decimal", "m²"),
                    c("用途", "use", "text", "住宅 / 商业 / 民宿"), c("登记日期", "registered_date", "date", ""),
                    c("村社代码", "village_code", "code", "")));

    public static final DatasetSpec PROPERTY_RENTALS = new DatasetSpec("property", "rentals", "住建局", "房屋租赁登记备案",
            CSV, UTF8_BOM, MONTHLY, "rental contract; the first period carries active contracts, later periods new ones",
            List.of(c("备案编号", "contract_no", "text", ""), c("出租人公民身份号码", "landlord_id", "id", ""),
                    c("出租人姓名", "landlord_name", "text", ""), c("不动产单元号", "property_id", "text", ""),
                    c("月租金", "monthly_rent", "money", ""), c("起租日期", "start_date", "date", ""),
                    c("止租日期", "end_date", "date", "")));

    public static final DatasetSpec HOUSING_FUND = new DatasetSpec("housing_fund", "", "住房公积金管理中心", "住房公积金缴存",
            CSV, UTF8_BOM, MONTHLY, "person-month",
            List.of(ID, NAME, c("单位统一社会信用代码", "employer_uscc", "uscc", ""), c("缴存月份", "month", "period", "yyyyMM"),
                    c("缴存基数", "base", "money", ""), c("个人缴存额", "personal_contribution", "money", ""),
                    c("单位缴存额", "employer_contribution", "money", "")));

    public static final DatasetSpec UTILITIES = new DatasetSpec("utilities", "", "供电公司 / 水务公司", "居民用水用电", CSV,
            GB18030, MONTHLY, "account-month (one account per hukou household)",
            List.of(c("户号", "account_no", "text", "utility account number"), c("户主公民身份号码", "holder_id", "id", ""),
                    c("用电地址村社代码", "village_code", "code", ""), c("抄表月份", "month", "period", "yyyyMM"),
                    c("用电量千瓦时", "kwh", "int", ""), c("用水量立方米", "water_m3", "decimal", "")));

    public static final DatasetSpec EDUCATION = new DatasetSpec("education", "", "教育局", "学生学籍及毕业生", XLSX, UTF8,
            MONTHLY, "person; monthly snapshot of enrolled pupils and students with county hukou and graduates of the last two years",
            List.of(ID, NAME, c("学校名称", "school", "text", ""),
                    c("学段", "level", "text", "学前 / 小学 / 初中 / 高中 / 中职 / 专科 / 本科 / 研究生"),
                    c("入学日期", "enrolled_date", "date", ""), c("毕业日期", "graduation_date", "date", "empty while enrolled"),
                    c("就业状态", "employment_status", "text", "在读 / 已就业 / 待就业 / 升学")));

    public static final DatasetSpec MEDICAL = new DatasetSpec("medical", "", "医疗保障局", "医保结算", CSV, UTF8_BOM, MONTHLY,
            "person-month with settlements", List.of(ID, NAME, c("结算月份", "month", "period", "yyyyMM"),
            c("医疗总费用", "total_cost", "money", ""), c("统筹支付", "fund_paid", "money", ""),
            c("个人自付", "out_of_pocket", "money", "")));

    public static final DatasetSpec EDUCATION_FEE = new DatasetSpec("education_fee", "", "教育局（学校收费）", "学生缴费",
            CSV, GB18030, MONTHLY,
            "payment (student-month with fees paid): term fees at the term start, meals each school month, college fees in September",
            List.of(ID, NAME, c("学校名称", "school", "text", ""),
                    c("学段", "level", "text", "学前 / 小学 / 初中 / 高中 / 中职 / 专科 / 本科 / 研究生"),
                    c("学期", "term", "text", "e.g. 2024-2025学年第一学期; the school year for college fees"),
                    c("缴费月份", "month", "period", "yyyyMM"),
                    c("学费", "tuition", "money", "学费 / 保教费; 0 in compulsory education and 中职 (free tuition)"),
                    c("住宿费", "accommodation", "money", "boarders and college students"),
                    c("其他费用", "other_fees", "money", "伙食费, 代办费, 教材费"),
                    c("缴费日期", "paid_date", "date", "yyyy-MM-dd")));

    public static final DatasetSpec SUBSIDY_PAYMENT = new DatasetSpec("subsidy_payment", "", "财政局（惠民惠农一卡通）",
            "惠民惠农补贴发放明细", CSV, GB18030, MONTHLY,
            "payment: one row per policy paid to a person for a month (yearly and one-off policies: the month paid); "
                    + "the payee of a family policy is the family's head",
            List.of(ID, NAME, c("户号", "family_no", "text", "household registration number of the payee; empty for migrants"),
                    c("补贴项目代码", "policy_code", "code", "the paying department's item code: MZ0301 高龄津贴, MZ0205 低边家庭医疗教育救助, "
                            + "CL0101 困难残疾人生活补贴, CL0102 重度残疾人护理补贴, RS0401 高校毕业生就业补贴, RS0302 技能提升补贴, "
                            + "RS0501 创业担保贷款贴息, WJ0201 育儿补贴, WJ0101 独生子女家庭奖励扶助 (mapped to the codes of policies.yaml)"),
                    c("补贴项目名称", "policy_name", "text", ""),
                    c("补贴所属期", "month", "period", "yyyyMM, the month the payment is for"),
                    c("发放金额", "amount", "money", "yuan"),
                    c("发放部门", "department", "text", "县民政局 / 县残联 / 县人力社保局 / 县卫生健康局"),
                    c("发放日期", "paid_date", "date", "yyyy-MM-dd"),
                    c("银行账号后四位", "account_last4", "text", "last 4 digits of the 社保卡 / bank account paid into")));

    public static final DatasetSpec PLATFORM_WORK = new DatasetSpec("platform_work", "", "人力社保局（平台企业报送）",
            "新就业形态从业", XLSX, UTF8, MONTHLY, "person-month",
            List.of(ID, NAME, c("平台名称", "platform", "text", ""),
                    c("从业类型", "kind", "text", "外卖配送 / 网约车 / 快递 / 网络直播"),
                    c("月份", "month", "period", "yyyyMM"), c("完成单量", "orders", "int", ""),
                    c("劳动报酬", "income", "money", "")));

    public static final DatasetSpec DIVIDENDS = new DatasetSpec("dividends", "", "农业农村局", "村集体经济分红", CSV,
            GB18030, YEARLY, "household-year (paid to the head for each member holding collective shares)",
            List.of(c("户号", "hukou_no", "text", ""), c("户主公民身份号码", "head_id", "id", ""),
                    c("户主姓名", "head_name", "text", ""), c("村社代码", "village_code", "code", ""),
                    c("年度", "year", "int", ""), c("持股人数", "shareholders", "int", ""),
                    c("分红金额", "amount", "money", "")));

    public static final DatasetSpec SURVEY = new DatasetSpec("survey", "", "统计局（住户收支与生活状况调查）",
            "住户收支调查样本", XLSX, UTF8, YEARLY,
            "sample person-year; ~1% of resident families, stratified urban/rural, calendar-year totals",
            List.of(c("样本户编码", "sample_household", "text", ""), ID, c("与户主关系", "relation", "code", "GB/T 4761-2008"),
                    c("城乡", "stratum", "text", "城镇 / 乡村"), c("村社代码", "village_code", "code", ""),
                    c("设计权数", "design_weight", "decimal", "families in the stratum / sample families in the stratum"),
                    c("工资性收入", "wage", "money", ""), c("经营净收入", "business", "money", ""),
                    c("财产净收入", "property", "money", ""), c("转移净收入", "transfer_net", "money", ""),
                    c("可支配收入", "disposable_income", "money", ""), c("消费支出", "consumption", "money", ""),
                    c("食品烟酒支出", "food", "money", "")));

    public static final DatasetSpec TOURISM = new DatasetSpec("tourism", "", "文化和广电旅游体育局", "游客接待统计", CSV,
            UTF8_BOM, MONTHLY, "township-month",
            List.of(c("统计月份", "month", "period", "yyyyMM"), c("乡镇代码", "township_code", "code", "9-digit"),
                    c("乡镇名称", "township_name", "text", ""), c("接待游客人次", "arrivals", "int",
                            "tourist arrivals (IN crossings of tourists bound for the township)"),
                    c("过夜游客人次", "overnight_visitors", "int", ""), c("过夜人天数", "overnight_nights", "int", "")));

    /** All datasets in catalogue order. */
    public static final List<DatasetSpec> ALL = List.of(HUKOU, CROSSINGS, FLOATING, MARRIAGE, VITAL, SOCIAL_INSURANCE,
            BENEFITS, SKILL_CERT, IIT, MARKET_ENTITY, BUSINESS_REPORT, ASSISTANCE, DISABILITY, FISHERY_VESSELS,
            FISHERY_CREW, FISHERY_AQUACULTURE, BNB, PROPERTY_OWNERSHIP, PROPERTY_RENTALS, HOUSING_FUND, UTILITIES,
            EDUCATION, MEDICAL, PLATFORM_WORK, DIVIDENDS, SURVEY, TOURISM, EDUCATION_FEE,
            SUBSIDY_PAYMENT);

    /** File name of the one-off crossings history load in the first period folder. */
    public static String crossingsHistoryFile(org.olive.period.Period first, org.olive.period.Period last) {
        return String.format("进出岛记录_历史_%04d%02d-%04d%02d.csv", first.year(), first.monthValue(), last.year(),
                last.monthValue());
    }
}
