/**
 * Confluent wire-format Avro {@link io.lepton.serdes.avro.AvroSerializer}, {@link io.lepton.serdes.avro.AvroDeserializer}
 * and {@link io.lepton.serdes.avro.AvroSerde}, configured by {@link io.lepton.serdes.avro.AvroSerdeConfig} and
 * {@link io.lepton.serdes.avro.SubjectNameStrategy}.
 */
package io.lepton.serdes.avro;
