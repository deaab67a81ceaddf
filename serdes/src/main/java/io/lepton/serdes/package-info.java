/**
 * Confluent wire-format Avro serdes and a Schema Registry REST client, replacing Confluent's Java client (not
 * available here). Public: {@link io.lepton.serdes.WireFormat}, the {@link io.lepton.serdes.SerdeException}
 * hierarchy (each says whether the record or the environment is at fault), {@link io.lepton.serdes.LruCache};
 * the client in {@code registry}, the serializer/deserializer in {@code avro}, plain-JSON conversion in
 * {@code json}.
 */
package io.lepton.serdes;
