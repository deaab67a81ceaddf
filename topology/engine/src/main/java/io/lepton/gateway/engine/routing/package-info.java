/**
 * Region to jurisdiction: the most specific claim (subdivision, then country) wins, a valid unclaimed country goes
 * to the strict default policy, anything else is unroutable.
 */
package io.lepton.gateway.engine.routing;
