/**
 * Event families discovered from the tagged Avro schemas on the class path: the subject field, the event time and
 * the privacy tags of every field, so a new tagged schema needs no code.
 */
package io.lepton.gateway.engine.family;
