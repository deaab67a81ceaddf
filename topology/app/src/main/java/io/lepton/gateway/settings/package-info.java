/**
 * The gateway's settings as one typed source: {@link io.lepton.gateway.settings.GatewaySettings} read from the
 * environment variables listed in {@link io.lepton.gateway.settings.SettingVariable}, validated with errors naming
 * the variable and the fix. Every runner (the Quarkus server, demo, replay, bench) builds its Kafka Streams, topic
 * and registry configuration from here.
 */
package io.lepton.gateway.settings;
