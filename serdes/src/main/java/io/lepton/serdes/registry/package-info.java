/**
 * Schema Registry access over the Confluent REST API: {@link io.lepton.serdes.registry.SchemaRegistryClient},
 * its HTTP implementation {@link io.lepton.serdes.registry.RestSchemaRegistryClient} and its configuration
 * {@link io.lepton.serdes.registry.RegistryClientConfig}.
 */
package io.lepton.serdes.registry;
