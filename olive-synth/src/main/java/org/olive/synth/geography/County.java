package org.olive.synth.geography;

import java.util.ArrayList;
import java.util.List;
import org.olive.geography.Division;
import org.olive.geography.Divisions;
import org.olive.geography.UrbanRural;

/**
 * The synthetic county's geography: the townships and villages of a county profile (built in: Shengsi's 7 townships
 * and 38 villages/communities), with per-township profiles ({@link Island}) and per-village population weights.
 * Villages are indexed 0..n-1 in code order; the index is what persons carry. Shengsi's townships have their own
 * island profiles; another county's townships take them in turn (the i-th township the i-th profile), with their
 * population shares rescaled and a passenger terminal named after the township.
 */
public final class County {

    /** Communities (urban) hold this many times the registered population of a village of the same township. */
    public static final double COMMUNITY_WEIGHT = 6.0;

    private static final List<Island> ISLANDS = List.of(
            new Island("330922100", 0.440, "李柱山客运码头", 0.20, 0.15, 0.20, 0.32),
            new Island("330922101", 0.115, "嵊山客运码头", 0.80, 0.05, 0.17, 0.12),
            new Island("330922102", 0.120, "大洋山客运码头", 0.25, 0.85, 0.05, 0.09),
            new Island("330922200", 0.100, "李柱山客运码头", 0.35, 0.05, 0.16, 0.13),
            new Island("330922201", 0.095, "黄龙客运码头", 0.70, 0.05, 0.07, 0.06),
            new Island("330922202", 0.095, "枸杞客运码头", 0.85, 0.03, 0.26, 0.18),
            new Island("330922203", 0.035, "花鸟客运码头", 0.70, 0.02, 0.09, 0.10));

    private final Divisions divisions;
    private final List<Division> villages;
    private final List<Division> townships;
    private final int[] villageTownship;
    private final double[] villageWeight;
    private final boolean[] urban;
    private final List<String> ports = new ArrayList<>();
    private final int[] townshipPort;

    private final org.olive.geography.CountyArea area;
    private final List<Island> islands;

    public County() {
        this(org.olive.geography.CountyArea.shengsi());
    }

    public County(org.olive.geography.CountyArea area) {
        this.area = area;
        this.divisions = area.divisions();
        this.villages = new ArrayList<>(divisions.villages());
        this.villages.sort((a, b) -> a.code().compareTo(b.code()));
        this.townships = new ArrayList<>(divisions.townships());
        this.townships.sort((a, b) -> a.code().compareTo(b.code()));
        this.islands = islandsFor(townships);
        int n = villages.size();
        villageTownship = new int[n];
        villageWeight = new double[n];
        urban = new boolean[n];
        for (int t = 0; t < townships.size(); t++) {
            String tc = townships.get(t).code();
            List<Integer> idx = new ArrayList<>();
            double sum = 0;
            for (int v = 0; v < n; v++) {
                if (villages.get(v).parentCode().equals(tc)) {
                    villageTownship[v] = t;
                    urban[v] = villages.get(v).urbanRural() == UrbanRural.URBAN;
                    idx.add(v);
                    sum += urban[v] ? COMMUNITY_WEIGHT : 1;
                }
            }
            double share = island(t).populationShare();
            for (int v : idx) {
                villageWeight[v] = share * (urban[v] ? COMMUNITY_WEIGHT : 1) / sum;
            }
        }
        townshipPort = new int[townships.size()];
        for (int t = 0; t < townships.size(); t++) {
            String p = island(t).port();
            if (!ports.contains(p)) {
                ports.add(p);
            }
            townshipPort[t] = ports.indexOf(p);
        }
    }

    /** The islands of Shengsi's townships, or those of another county's townships taken in turn. */
    private static List<Island> islandsFor(List<Division> townships) {
        List<Island> out = new ArrayList<>();
        boolean shengsi = townships.stream().allMatch(t -> ISLANDS.stream().anyMatch(i -> i.townshipCode().equals(t.code().substring(0, 9))));
        if (shengsi) {
            return ISLANDS;
        }
        double people = 0;
        double bnbs = 0;
        double tourists = 0;
        for (int t = 0; t < townships.size(); t++) {
            Island i = ISLANDS.get(t % ISLANDS.size());
            people += i.populationShare();
            bnbs += i.bnbShare();
            tourists += i.touristShare();
        }
        for (int t = 0; t < townships.size(); t++) {
            Island i = ISLANDS.get(t % ISLANDS.size());
            Division d = townships.get(t);
            out.add(new Island(d.code().substring(0, 9), i.populationShare() / people, d.shortName() + "客运码头",
                    i.fishing(), i.portWork(), i.bnbShare() / bnbs, i.touristShare() / tourists));
        }
        return List.copyOf(out);
    }

    public Divisions divisions() {
        return divisions;
    }

    /** The 6-digit county code of natives' ID numbers and of credit codes. */
    public String addressCode() {
        return area.code();
    }

    /** The county's name (嵊泗县). */
    public String name() {
        return area.name();
    }

    /** The county's senior high school (浙江省嵊泗中学): province, the name without its 县, 中学. */
    public String highSchool() {
        String n = area.name();
        return area.province() + (n.endsWith("县") || n.endsWith("区") || n.endsWith("市") ? n.substring(0, n.length() - 1) : n)
                + "中学";
    }

    public int villageCount() {
        return villages.size();
    }

    public Division village(int i) {
        return villages.get(i);
    }

    public List<Division> townships() {
        return townships;
    }

    public int townshipOf(int village) {
        return villageTownship[village];
    }

    public boolean urban(int village) {
        return urban[village];
    }

    /** Share of registered persons living in the village. */
    public double villageWeight(int village) {
        return villageWeight[village];
    }

    public Island island(int township) {
        String code = townships.get(township).code().substring(0, 9);
        for (Island i : islands) {
            if (i.townshipCode().equals(code)) {
                return i;
            }
        }
        throw new IllegalStateException("no profile for township " + code);
    }

    public Island islandOfVillage(int village) {
        return island(villageTownship[village]);
    }

    /** Villages of a township, by index. */
    public int[] villagesOf(int township) {
        return java.util.stream.IntStream.range(0, villages.size()).filter(v -> villageTownship[v] == township).toArray();
    }

    /** The distinct passenger terminals, in a fixed order. */
    public List<String> ports() {
        return ports;
    }

    public int portIndexOfTownship(int township) {
        return townshipPort[township];
    }

    /** A plausible registration address in the village. */
    public String address(int village, int houseNo) {
        Division v = villages.get(village);
        Division t = divisions.get(v.parentCode());
        return area.addressPrefix() + t.name() + v.shortName() + houseNo + "号";
    }
}
