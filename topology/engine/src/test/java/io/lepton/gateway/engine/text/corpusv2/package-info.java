/**
 * Free-text corpus v2: an evaluation corpus for the scrubber built independently of the detectors.
 *
 * <p>Why a separate package: the first corpus was written together with the detectors and copied their tables, so a
 * wrong Verhoeff row scored 1.000. Nothing here reads or calls the detectors' internals. Values come from this
 * package's own generators ({@link io.lepton.gateway.engine.text.corpusv2.CheckDigits},
 * {@link io.lepton.gateway.engine.text.corpusv2.ValueFactory}) and are proven valid by an independent oracle
 * (Apache Commons Validator, libphonenumber's example numbers, published example values:
 * {@link io.lepton.gateway.engine.text.corpusv2.ReferenceChecks}); sentences come from third-party templates
 * (presidio-research, MIT) and from templates written for this corpus, see {@code corpus-v2/README.md}.
 *
 * <p>{@link io.lepton.gateway.engine.text.corpusv2.CorpusV2Generator} writes the checked-in JSONL byte-identically
 * from a fixed seed; {@link io.lepton.gateway.engine.text.corpusv2.ScrubAudit} and
 * {@link io.lepton.gateway.engine.text.corpusv2.RecallReport} are what the harness uses to measure it.
 */
package io.lepton.gateway.engine.text.corpusv2;
