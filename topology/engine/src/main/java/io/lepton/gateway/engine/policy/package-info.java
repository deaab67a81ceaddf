/**
 * Jurisdiction policies as immutable records, parsed and validated from YAML with errors that name the file, line,
 * field and fix; public: the records and PolicySet.
 */
package io.lepton.gateway.engine.policy;
