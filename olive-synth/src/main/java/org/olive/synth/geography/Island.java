package org.olive.synth.geography;

/**
 * A township's profile: its share of the registered population, its economic character and the passenger
 * terminal through which its people and visitors cross. Shares follow the real county roughly: 菜园镇 is the
 * county seat on 泗礁 island and the largest; 洋山镇 is the deep-water port; 嵊山镇 and 枸杞乡 are the fishing and
 * mussel-aquaculture islands with many B&Bs; 花鸟乡 is small.
 *
 * @param townshipCode     9-digit code
 * @param populationShare  share of registered persons
 * @param port             the passenger terminal used by the township
 * @param fishing          weight of fishing and aquaculture livelihoods (0–1)
 * @param portWork         weight of port and shipping work (0–1)
 * @param bnbShare         share of the county's B&Bs
 * @param touristShare     share of tourist visits bound for the township
 */
public record Island(String townshipCode, double populationShare, String port, double fishing, double portWork,
                     double bnbShare, double touristShare) {
}
