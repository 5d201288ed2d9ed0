package org.olive.synth.livelihood;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.olive.identity.CreditCode;
import org.olive.synth.geography.County;
import org.olive.synth.population.Person;
import org.olive.synth.world.World;

/**
 * Creates market entities and public bodies with valid GB 32100 credit codes and department-like names, and
 * finds employers for workers: per industry and township a pool of employers, each taking up to
 * {@link #WORKERS_PER_EMPLOYER} workers before a new one opens. Pools are kept in insertion-ordered lists;
 * the map only indexes them.
 */
public final class Employers {

    /** Average workers per employer before another employer of the industry opens in the township. */
    public static final int WORKERS_PER_EMPLOYER = 25;
    private static final String TRADE = "海星蓝鲸东海金沙碧波远航祥和顺达兴旺宏远鑫源海韵渔港嵊洋列岛绿华花鸟枸杞泗礁黄龙";

    private static final String[] REP_ORIGINS = {"330902", "330903", "330203", "330212", "310115", "310104"};

    private final World world;
    private final SplittableRandom random;
    private final Map<String, List<Entity>> pools = new HashMap<>();

    public Employers(World world, SplittableRandom random) {
        this.world = world;
        this.random = random;
    }

    /** The employer for a worker of an industry living (or working) in a township. */
    public Entity employerFor(String industry, int township, int day) {
        boolean publicBody = industry.startsWith("92") || industry.startsWith("83") || industry.startsWith("84");
        // Public bodies and port operators are county-wide; others are per township.
        int scope = publicBody || industry.startsWith("553") || industry.startsWith("552") ? -1 : township;
        String key = industry + "|" + scope;
        List<Entity> pool = pools.computeIfAbsent(key, k -> new ArrayList<>());
        for (int tries = 0; tries < 3 && !pool.isEmpty(); tries++) {
            Entity e = pool.get(random.nextInt(pool.size()));
            if (e.open() && e.employees < WORKERS_PER_EMPLOYER * 2) {
                return e;
            }
        }
        for (Entity e : pool) {
            if (e.open() && e.employees < WORKERS_PER_EMPLOYER) {
                return e;
            }
        }
        int t = scope < 0 ? (industry.startsWith("553") ? 2 : 0) : scope;
        int[] vs = world.county.villagesOf(t);
        int village = vs[random.nextInt(vs.length)];
        Entity.Kind kind = publicBody ? Entity.Kind.PUBLIC : Entity.Kind.ENTERPRISE;
        Entity e = create(kind, industry, village, day - 365 * (3 + random.nextInt(25)), null);
        pool.add(e);
        return e;
    }

    /** Creates an entity with a credit code and a name fitting its kind and industry. */
    public Entity create(Entity.Kind kind, String industry, int village, int founded, Person operator) {
        long serial = world.nextEntitySerial();
        String uscc = switch (kind) {
            case ENTERPRISE -> CreditCode.compose(CreditCode.Kind.ENTERPRISE, world.county.addressCode(), 10_000_000L + serial).value();
            case INDIVIDUAL -> CreditCode.compose(CreditCode.Kind.INDIVIDUAL_BUSINESS, world.county.addressCode(), 20_000_000L + serial).value();
            case COOPERATIVE -> CreditCode.compose(CreditCode.Kind.FARMERS_COOPERATIVE, world.county.addressCode(), 30_000_000L + serial).value();
            case PUBLIC -> publicBodyCode(industry.startsWith("92") ? "11" : "12", world.county.addressCode(), 40_000_000L + serial);
        };
        String town = world.county.divisions().get(world.county.village(village).parentCode()).name();
        String trade = tradeName();
        String name = switch (kind) {
            case PUBLIC -> publicName(industry, town);
            case INDIVIDUAL -> world.county.name() + town + trade + suffix(industry, true);
            case COOPERATIVE -> world.county.name() + trade + "贻贝养殖专业合作社";
            case ENTERPRISE -> world.county.name() + trade + suffix(industry, false);
        };
        Entity e = new Entity(world.entities.size(), uscc, name, kind, industry, village, founded, operator);
        if (operator == null && kind != Entity.Kind.PUBLIC) {
            // the legal representative of a company run from elsewhere (Zhoushan, Ningbo, Shanghai)
            boolean male = random.nextDouble() < 0.8;
            java.time.LocalDate b = java.time.LocalDate.ofEpochDay(founded - 365L * (28 + random.nextInt(25)) - random.nextInt(365));
            String origin = REP_ORIGINS[random.nextInt(REP_ORIGINS.length)];
            e.repId = world.ids.issue(origin, b, male);
            e.repName = org.olive.synth.population.Names.full(org.olive.synth.population.Names.surname(random), random, male);
        }
        world.entities.add(e);
        return e;
    }

    /**
     * A credit code for a public body (registration authority 1, type 1 机关 or 2 事业单位), built with core's
     * GB 11714 and GB 32100 check characters.
     */
    static String publicBodyCode(String prefix, String addressCode, long serial) {
        String orgBody = String.format("%08d", serial % 100_000_000L);
        String first17 = prefix + addressCode + orgBody + CreditCode.orgCheckChar(orgBody);
        return first17 + CreditCode.checkChar(first17);
    }

    private String tradeName() {
        int a = random.nextInt(TRADE.length() / 2);
        int b = random.nextInt(TRADE.length() / 2);
        return TRADE.substring(a * 2, a * 2 + 2) + (a == b ? "" : TRADE.substring(b * 2, b * 2 + 1));
    }

    private String publicName(String industry, String town) {
        return switch (industry) {
            case "9221" -> world.county.name() + town + "人民政府";
            case "9224" -> world.county.name() + "民政局";
            case "9225" -> world.county.name() + "发展和改革局";
            case "8321" -> world.county.name() + town + "中心小学";
            case "8331" -> world.county.name() + town + "初级中学";
            case "8334" -> world.county.highSchool();
            case "8411" -> world.county.name() + "人民医院";
            case "8423" -> world.county.name() + town + "卫生院";
            default -> world.county.name() + town + "事业单位";
        };
    }

    private static String suffix(String industry, boolean individual) {
        String s = switch (industry) {
            case "0421" -> "渔业";
            case "1361" -> "水产食品";
            case "4790", "4823" -> "建设工程";
            case "5212", "5213" -> individual ? "便利店" : "超市";
            case "4420" -> "电力服务";
            case "6020" -> "快递服务";
            case "4342" -> "船舶修造";
            case "7020" -> "物业管理";
            case "8010" -> "家政服务";
            case "5532" -> "港务";
            case "5531" -> "客运码头";
            case "5539" -> "港口服务";
            case "5522" -> "海运";
            case "5513" -> "轮渡";
            case "6130" -> "民宿";
            case "6110" -> "大酒店";
            case "6210" -> individual ? "海鲜排档" : "餐饮管理";
            case "7291" -> "旅行社";
            case "7861" -> "景区管理";
            case "5117" -> "水产品贸易";
            case "5224" -> "水产品店";
            case "6291" -> "小吃店";
            case "8040" -> "理发店";
            case "8111" -> "汽车修理店";
            default -> "商贸";
        };
        if (individual) {
            return s;
        }
        return s + "有限公司";
    }
}
