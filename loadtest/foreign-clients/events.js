'use strict';

/**
 * The raw events the interop check produces: every family in several jurisdictions, each carrying PII in its
 * structured fields and in its free text, plus malformed records. Every planted PII value is listed, so the consumer
 * side can check that none of them comes out of the gateway.
 *
 * PII values are published example values (documentation IP range, the IBAN of the IBAN registry's example, a card
 * number from the card networks' test ranges, the sample resident id of GB 11643-1999, a CPF from the Receita
 * Federal's examples), so the detectors see realistic, checksum-valid data and nothing here is anyone's.
 */

/** Where each region's events must come out (jurisdiction id of the built-in policies). */
const REGIONS = [
  {region: 'DE', jurisdiction: 'eu-gdpr', tag: 'de'},
  {region: 'US-CA', jurisdiction: 'us-ccpa', tag: 'usca'},
  {region: 'CN', jurisdiction: 'cn-pipl', tag: 'cn'},
];

const FAMILIES = ['customer-service', 'recommendation', 'financial-sentiment'];

/** Free-text PII, one value per detector the policies act on; the same text goes to every region. */
const TEXT_PII = {
  email: 'maria.schneider@example.com',
  phone: '+49 30 12345678',
  iban: 'DE89 3704 0044 0532 0130 00',
  card: '4111 1111 1111 1111',
  cnResidentId: '11010519491231002X',
  cpf: '529.982.247-25',
  ip: '203.0.113.57',
};

/**
 * Text without PII in scripts outside the BMP and beyond Latin-1: it must come out unchanged, so offsets of the
 * replacements before it are counted the same way in the gateway (UTF-16) and here.
 */
const UNICODE_TEXT = '退款请尽快处理 😀 Grüße — ありがとう';

function freeText() {
  return `Hello, I am writing from ${TEXT_PII.email} (call me on ${TEXT_PII.phone}). Please refund to IBAN `
      + `${TEXT_PII.iban}, not my card ${TEXT_PII.card}. My resident id is ${TEXT_PII.cnResidentId}, `
      + `my CPF ${TEXT_PII.cpf}, and I logged in from ${TEXT_PII.ip}. ${UNICODE_TEXT}`;
}

/**
 * Builds the run's events. {@code runId} makes every id unique, so repeated runs against one gateway never mistake
 * an earlier run's records for their own.
 *
 * @returns {{events: Array<{family, topic, key, value, jurisdiction}>, planted: string[]}}
 */
function buildEvents(runId, now) {
  const events = [];
  const planted = new Set(Object.values(TEXT_PII));
  REGIONS.forEach(({region, jurisdiction, tag}, i) => {
    for (const family of FAMILIES) {
      const id = `${runId}-${family}-${tag}`;
      const subject = `subj-${id}`;
      const structured = {
        name: `Maria Schneider-${tag}${runId}`,
        email: `m.schneider.${tag}.${runId}@example.org`,
        phone: `+1 415 555 01${String(i).padStart(2, '0')}`,
        ip: `198.51.100.${101 + i}`,
        device: `device-${id}`,
      };
      [subject, structured.name, structured.email, structured.phone, structured.ip, structured.device]
          .forEach((v) => planted.add(v));
      events.push({
        family, jurisdiction, topic: `raw.${family}`, key: subject,
        value: VALUE_BUILDERS[family](`evt-${id}`, now - i * 1000, region, subject, structured),
      });
    }
  });
  // One more EU event, written with a schema that keeps its enum under its own subject (a schema reference).
  const id = `${runId}-customer-service-at-ref`;
  const structured = {name: `Anna Huber-${runId}`, email: `a.huber.${runId}@example.net`, phone: '+43 1 5338833',
    ip: '198.51.100.201', device: `device-${id}`};
  [`subj-${id}`, structured.name, structured.email, structured.phone].forEach((v) => planted.add(v));
  events.push({family: 'customer-service', jurisdiction: 'eu-gdpr', topic: 'raw.customer-service',
    key: `subj-${id}`, viaReference: true,
    value: VALUE_BUILDERS['customer-service'](`evt-${id}`, now, 'AT', `subj-${id}`, structured)});
  return {events, planted: [...planted]};
}

const VALUE_BUILDERS = {
  'customer-service': (eventId, occurredAt, region, subject, pii) => ({
    eventId, occurredAt, region,
    customerId: subject,
    conversationId: `conv-${eventId}`,
    channel: 'CHAT',
    message: freeText(),
    customerName: pii.name,
    customerEmail: pii.email,
    customerPhone: pii.phone,
    customerAge: 34,
    gender: 'F',
    intent: 'BILLING',
    satisfaction: 4,
    escalated: false,
    resolved: true,
    agentId: `agent-${eventId}`,
  }),
  'recommendation': (eventId, occurredAt, region, subject, pii) => ({
    eventId, occurredAt, region,
    userId: subject,
    sessionId: `session-${eventId}`,
    itemId: 'item-42',
    providerId: 'provider-7',
    providerGroup: 'SMALL',
    rank: 3,
    score: 0.71,
    action: 'CLICK',
    userAge: 29,
    gender: 'M',
    ipAddress: pii.ip,
    latitude: 52.520008,
    longitude: 13.404954,
    deviceId: pii.device,
  }),
  'financial-sentiment': (eventId, occurredAt, region, subject, pii) => ({
    eventId, occurredAt, region,
    accountId: subject,
    instrument: 'DE0007164600',
    text: freeText(),
    sentiment: 0.25,
    amount: 2500.0,
    approved: true,
    qualified: null,
    age: 41,
    gender: 'F',
    ipAddress: pii.ip,
  }),
};

/**
 * Records the gateway must quarantine, each with where it belongs and the reason header it must carry: two no gateway
 * can decode (a wrong magic byte; a valid header with a truncated Avro body), a tombstone, a region that is no ISO
 * code (all in {@code quarantine.unrouted}: no jurisdiction is known), and an EU event without a subject (in its
 * jurisdiction's quarantine). {@code encode(event)} is the producer's serializer.
 */
async function quarantineCases(runId, now, encode) {
  const unroutable = {family: 'customer-service', topic: 'raw.customer-service', key: `no-region-${runId}`,
    value: VALUE_BUILDERS['customer-service'](`evt-${runId}-no-region`, now, 'Atlantis', `subj-${runId}-nr`, PLAIN)};
  const noSubject = {family: 'financial-sentiment', topic: 'raw.financial-sentiment', key: `no-subject-${runId}`,
    value: VALUE_BUILDERS['financial-sentiment'](`evt-${runId}-no-subject`, now, 'FR', '', PLAIN)};
  const valid = await encode(noSubject);
  return [
    {topic: 'raw.customer-service', key: `bad-magic-${runId}`,
      value: Buffer.concat([Buffer.from([0x07, 0, 0, 0, 1]), Buffer.from(`malformed-${runId}`, 'utf8')]),
      quarantine: 'quarantine.unrouted', reason: 'undecodable'},
    {topic: 'raw.financial-sentiment', key: `truncated-${runId}`, value: valid.subarray(0, 12),
      quarantine: 'quarantine.unrouted', reason: 'undecodable'},
    {topic: 'raw.recommendation', key: `tombstone-${runId}`, value: null,
      quarantine: 'quarantine.unrouted', reason: 'null-value'},
    {...unroutable, value: await encode(unroutable), quarantine: 'quarantine.unrouted', reason: 'unroutable-region'},
    {...noSubject, value: valid, quarantine: 'quarantine.eu-gdpr', reason: 'missing-subject'},
  ];
}

/** Structured fields of the quarantine cases: their raw values stay in quarantine, so nothing here is checked. */
const PLAIN = {name: null, email: null, phone: null, ip: null, device: null};

module.exports = {REGIONS, FAMILIES, UNICODE_TEXT, buildEvents, quarantineCases};
