'use strict';

/**
 * Foreign-client interop check of a running gateway (e.g. `./gateway demo --rate 0`), with no Lepton code involved:
 * Confluent's JavaScript schema registry client registers the raw schemas and serializes events in the Confluent
 * wire format, KafkaJS produces them and reads the gateway's outputs back (read_committed), and the same client's
 * deserializer decodes them against the sanitized schemas the gateway registered.
 *
 * Usage: node interop.js --bootstrap HOST:PORT --registry URL [--schemas DIR] [--timeout-s N] [--out FILE]
 * Prints one line per check and a closing "N passed, N failed"; exits 0 only when every check passed. --out writes
 * the sanitized records seen ({topic: [eventId]}) for the librdkafka check.
 */

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const avro = require('avsc');
const {Kafka, logLevel, CompressionTypes} = require('kafkajs');
const {SchemaRegistryClient, SerdeType, AvroSerializer, AvroDeserializer} = require('@confluentinc/schemaregistry');
const {REGIONS, FAMILIES, UNICODE_TEXT, buildEvents, quarantineCases} = require('./events');

const QUARANTINE_REASON = 'lepton.quarantine.reason';
const QUARANTINE_SOURCE_TOPIC = 'lepton.source.topic';
/** Headers the gateway uses between its own steps; none may reach a consumer of its outputs. */
const INTERNAL_HEADER_PREFIXES = ['lepton.internal.', 'lepton.source.key'];

function parseArgs(argv) {
  const args = {schemas: path.join(__dirname, '..', '..', 'schemas', 'src', 'main', 'avro'), timeoutS: 60};
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`missing value for ${name}`);
    if (name === '--bootstrap') args.bootstrap = value;
    else if (name === '--registry') args.registry = value.replace(/\/+$/, '');
    else if (name === '--schemas') args.schemas = value;
    else if (name === '--timeout-s') args.timeoutS = Number(value);
    else if (name === '--out') args.out = value;
    else throw new Error(`unknown option ${name}`);
  }
  if (!args.bootstrap || !args.registry) {
    throw new Error('usage: node interop.js --bootstrap HOST:PORT --registry URL [--schemas DIR] [--timeout-s N]');
  }
  return args;
}

/** Collects check results; a failed check never stops the run, so one report shows everything that is wrong. */
class Checks {
  constructor() {
    this.passed = 0;
    this.failed = 0;
  }

  check(ok, description, detail) {
    if (ok) {
      this.passed++;
      console.log(`ok    ${description}`);
    } else {
      this.failed++;
      console.log(`FAIL  ${description}${detail ? `: ${detail}` : ''}`);
    }
    return ok;
  }
}

/** The raw schemas by family, read from the project's .avsc files (family named by their "family" property). */
function rawSchemas(dir) {
  const schemas = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.avsc'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const family = JSON.parse(text).family;
    if (family) schemas[family] = text;
  }
  return schemas;
}

function headersAsText(headers) {
  const decoder = new TextDecoder('utf-8', {fatal: true});
  const out = {};
  for (const [name, value] of Object.entries(headers || {})) {
    const values = Array.isArray(value) ? value : [value];
    out[name] = values.map((v) => (Buffer.isBuffer(v) ? decoder.decode(v) : String(v)));
  }
  return out;
}

/** The schema id of a Confluent wire-format value, or null when the magic byte is wrong. */
function wireSchemaId(value) {
  return value && value.length >= 5 && value[0] === 0 ? value.readInt32BE(1) : null;
}

async function produce(kafka, registry, schemas, runId, checks) {
  // Each event is written with the id of the schema registered for it (useSchemaId), as a producer pinned to its
  // schema version does; the referencing variant is a later version of raw.customer-service-value.
  const serializers = {};
  for (const family of FAMILIES) {
    const id = await registry.register(`raw.${family}-value`, {schemaType: 'AVRO', schema: schemas[family]});
    checks.check(Number.isInteger(id) && id > 0, `registered raw.${family}-value through the JS registry client`);
    serializers[family] = new AvroSerializer(registry, SerdeType.VALUE, {useSchemaId: id, autoRegisterSchemas: false});
  }
  const referencing = new AvroSerializer(registry, SerdeType.VALUE, {
    useSchemaId: await registerWithReference(registry, schemas['customer-service']), autoRegisterSchemas: false});
  const {events, planted} = buildEvents(runId, Date.now());
  const producer = kafka.producer({idempotent: true, maxInFlightRequests: 1});
  await producer.connect();
  const encoded = [];
  for (const event of events) {
    const eventSerializer = event.viaReference ? referencing : serializers[event.family];
    encoded.push({...event, bytes: await eventSerializer.serialize(event.topic, event.value)});
  }
  // One family in gzip batches (KafkaJS's built-in codec), the rest uncompressed: the gateway reads both.
  for (const family of FAMILIES) {
    const messages = encoded.filter((e) => e.family === family)
        .map((e) => ({key: e.key, value: e.bytes, headers: {'producer': 'kafkajs', 'x-user': e.key}}));
    await producer.send({topic: `raw.${family}`, messages,
      compression: family === 'recommendation' ? CompressionTypes.GZIP : CompressionTypes.None});
  }
  const quarantined = await quarantineCases(runId, Date.now(),
      (e) => serializers[e.family].serialize(e.topic, e.value));
  for (const record of quarantined) {
    await producer.send({topic: record.topic, messages: [{key: record.key, value: record.value}]});
  }
  await producer.disconnect();
  checks.check(true, `produced ${events.length} events (3 families x ${REGIONS.length} regions, one more whose `
      + 'schema references a type under another subject) and '
      + `${quarantined.length} records to quarantine with KafkaJS`);
  return {events, planted, quarantined};
}

/**
 * Registers the customer-service schema the way a producer that shares its types does: the Channel enum under its
 * own subject, and the event schema naming it through a schema reference. Returns the event schema's id.
 */
async function registerWithReference(registry, avsc) {
  const schema = JSON.parse(avsc);
  const field = schema.fields.find((f) => f.name === 'channel');
  const channel = {namespace: schema.namespace, ...field.type};
  const channelName = `${channel.namespace}.${channel.name}`;
  await registry.register(channelName, {schemaType: 'AVRO', schema: JSON.stringify(channel)});
  const version = (await registry.getLatestSchemaMetadata(channelName)).version;
  field.type = channelName;
  return registry.register('raw.customer-service-value', {schemaType: 'AVRO', schema: JSON.stringify(schema),
    references: [{name: channelName, subject: channelName, version}]});
}

/** Reads every output topic the run's records should reach until all are there or the time is up. */
async function consume(kafka, topics, runId, expectedCount, timeoutS) {
  const consumer = kafka.consumer({groupId: `lepton-interop-${runId}`, readUncommitted: false});
  await consumer.connect();
  await consumer.subscribe({topics, fromBeginning: true});
  const seen = [];
  const marker = Buffer.from(runId, 'utf8');
  let done;
  const finished = new Promise((resolve) => (done = resolve));
  // KafkaJS crashes its consumer on a batch it cannot read (it has no snappy, lz4 or zstd codec of its own):
  // stop at once and report it rather than wait for the timeout.
  let crash = null;
  consumer.on(consumer.events.CRASH, (event) => {
    crash = event.payload.error.message;
    done();
  });
  await consumer.run({
    eachMessage: async ({topic, message}) => {
      const key = message.key ? message.key.toString('utf8') : null;
      const ours = (message.value && message.value.includes(marker)) || (key && key.includes(runId));
      if (ours) {
        seen.push({topic, key, value: message.value, headers: message.headers});
        if (seen.length >= expectedCount) done();
      }
    },
  });
  const timer = setTimeout(done, timeoutS * 1000);
  await finished;
  clearTimeout(timer);
  await consumer.disconnect();
  return {seen, crash};
}

async function checkOutputs(registry, seen, produced, checks) {
  // Default settings, as a downstream consumer has them: the writer schema is looked up by the id in the value.
  const deserializer = new AvroDeserializer(registry, SerdeType.VALUE, {});
  const decoded = [];
  for (const record of seen.filter((r) => !r.topic.startsWith('quarantine.'))) {
    const subject = `${record.topic}-value`;
    try {
      const latest = await registry.getLatestSchemaMetadata(subject);
      checks.check(wireSchemaId(record.value) === latest.id, `${record.topic}: value carries magic byte 0 and the `
          + `schema id registered under ${subject}`, `id ${wireSchemaId(record.value)} vs ${latest.id}`);
      const value = await deserializer.deserialize(record.topic, record.value);
      const type = avro.Type.forSchema(JSON.parse(latest.schema));
      const errors = [];
      type.isValid(value, {errorHook: (p) => errors.push(p.join('.'))});
      checks.check(errors.length === 0, `${record.topic}: ${value.eventId} decodes with the JS deserializer and is `
          + `valid against the registered schema`, errors.join(', '));
      decoded.push({...record, decoded: value});
    } catch (e) {
      checks.check(false, `${record.topic}: decoding a record of this run`, e.message);
    }
  }

  for (const event of produced.events) {
    const eventId = event.value.eventId;
    const sanitizedTopic = `sanitized.${event.jurisdiction}.${event.family}`;
    checks.check(decoded.some((r) => r.topic === sanitizedTopic && r.decoded.eventId === eventId),
        `${eventId} reached ${sanitizedTopic}`);
    const released = decoded.find((r) => r.topic === sanitizedTopic && r.decoded.eventId === eventId);
    const provenance = released ? headersAsText(released.headers) : {};
    checks.check(released && (provenance['lepton.jurisdiction'] || [])[0] === event.jurisdiction
        && ((provenance['lepton.policy'] || [])[0] || '').startsWith(`${event.jurisdiction}@`)
        && (provenance['lepton.actions'] || []).length === 1,
        `${eventId} carries its provenance headers (jurisdiction, policy@version, actions)`,
        JSON.stringify(provenance));
  }
  checks.check(decoded.every((r) => r.decoded.eventId && r.decoded.eventId.startsWith('evt-')),
      'every decoded output keeps eventId');

  for (const bad of produced.quarantined) {
    const hit = seen.find((r) => r.topic === bad.quarantine && r.key === bad.key);
    const headers = hit ? headersAsText(hit.headers) : {};
    checks.check(hit && (headers[QUARANTINE_REASON] || [])[0] === bad.reason,
        `${bad.key.replace(/-fc[0-9a-f]+$/, '')} record on ${bad.topic} quarantined in ${bad.quarantine} with reason `
        + `header '${bad.reason}'`, hit ? JSON.stringify(headers[QUARANTINE_REASON]) : 'not found');
    checks.check(hit && (headers[QUARANTINE_SOURCE_TOPIC] || [])[0] === bad.topic,
        `  and it names its source topic ${bad.topic}`);
    checks.check(hit && (bad.value === null ? hit.value === null : Buffer.compare(hit.value, bad.value) === 0),
        '  and it keeps the producer\'s bytes');
  }

  const texts = decoded.filter((r) => r.topic.startsWith('sanitized.'))
      .map((r) => ({where: `${r.topic}/${r.decoded.eventId}`, text: r.decoded.message ?? r.decoded.text}))
      .filter((t) => typeof t === 'object' && typeof t.text === 'string');
  const mangled = texts.filter((t) => !t.text.includes(UNICODE_TEXT));
  checks.check(texts.length > 0 && mangled.length === 0, `${texts.length} released free texts keep their non-PII `
      + 'Unicode (CJK, emoji, umlauts) byte for byte after the scrubbed PII before it',
      mangled.map((t) => `${t.where}: ${JSON.stringify(t.text)}`).join('; '));

  let headersReadable = true;
  let internalHeaders = [];
  for (const record of seen) {
    try {
      const names = Object.keys(headersAsText(record.headers));
      if (!record.topic.startsWith('quarantine.')) {
        internalHeaders = internalHeaders.concat(names.filter(
            (n) => INTERNAL_HEADER_PREFIXES.some((p) => n.startsWith(p))).map((n) => `${record.topic}:${n}`));
      }
    } catch (e) {
      headersReadable = false;
    }
  }
  checks.check(headersReadable, 'every header of every output record is readable UTF-8 text');
  checks.check(internalHeaders.length === 0, 'no gateway-internal header reaches the sanitized topics',
      [...new Set(internalHeaders)].join(', '));

  const leaks = [];
  for (const record of decoded) {
    const text = [record.key || '', JSON.stringify(record.decoded),
      JSON.stringify(headersAsText(record.headers))].join('\n');
    for (const value of produced.planted) {
      if (text.includes(value)) leaks.push(`${record.topic}/${record.decoded.eventId}`);
    }
  }
  checks.check(leaks.length === 0, `none of the ${produced.planted.length} planted PII values appears in a key, `
      + 'value or header of the sanitized topics', `leaks in ${[...new Set(leaks)].join(', ')}`);
  return decoded;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const checks = new Checks();
  const runId = `fc${crypto.randomBytes(4).toString('hex')}`;
  const registry = new SchemaRegistryClient({baseURLs: [args.registry]});
  const kafka = new Kafka({clientId: 'lepton-interop', brokers: [args.bootstrap], logLevel: logLevel.ERROR});

  const produced = await produce(kafka, registry, rawSchemas(args.schemas), runId, checks);
  const topics = [
    ...produced.events.map((e) => `sanitized.${e.jurisdiction}.${e.family}`),
    ...new Set(produced.quarantined.map((m) => m.quarantine)),
  ];
  // A released event has no audit record of its own (its provenance travels in the sanitized record's headers).
  const expected = produced.events.length + produced.quarantined.length;
  const {seen, crash} = await consume(kafka, [...new Set(topics)], runId, expected, args.timeoutS);
  checks.check(crash === null, 'the KafkaJS consumer (no compression codec package installed) reads every batch '
      + 'the gateway wrote', crash);
  checks.check(seen.length >= expected, `read ${seen.length} of ${expected} expected records (read_committed)`);
  const decoded = await checkOutputs(registry, seen, produced, checks);

  if (args.out) {
    const sanitized = {};
    for (const r of decoded.filter((d) => d.topic.startsWith('sanitized.'))) {
      (sanitized[r.topic] = sanitized[r.topic] || []).push(r.decoded.eventId);
    }
    fs.writeFileSync(args.out, JSON.stringify({sanitized}, null, 2));
  }
  console.log(`interop: ${checks.passed} passed, ${checks.failed} failed`);
  return checks.failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  console.error(`interop: error: ${e.stack || e}`);
  process.exit(2);
});
