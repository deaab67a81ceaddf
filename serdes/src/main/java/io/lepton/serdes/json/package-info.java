/** Plain-JSON conversion of Avro records ({@link io.lepton.serdes.json.AvroJson}) for the JSON-line envelope. */
package io.lepton.serdes.json;
