package org.olive.synth.population;

/**
 * Where a person actually lives, the truth behind the crossings.
 * <ul>
 *   <li>{@code LOCAL}: registered here and living here (trips off the islands now and then);</li>
 *   <li>{@code AWAY}: registered here but living elsewhere (人户分离, outflow): works or studies on the
 *       mainland and comes back for the Spring Festival and some summers;</li>
 *   <li>{@code MIGRANT}: registered elsewhere, living and working here (流动), with a residence permit; some
 *       only for the season;</li>
 *   <li>{@code GONE}: died or moved the registration out.</li>
 * </ul>
 */
public enum Residence { LOCAL, AWAY, MIGRANT, GONE }
