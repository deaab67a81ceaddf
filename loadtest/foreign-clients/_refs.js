const fs = require('fs');
const {Kafka, logLevel} = require('kafkajs');
const {SchemaRegistryClient, SerdeType, AvroSerializer} = require('@confluentinc/schemaregistry');
(async () => {
  const [b, r] = process.argv.slice(2);
  const reg = new SchemaRegistryClient({baseURLs: [r]});
  const raw = JSON.parse(fs.readFileSync('../../schemas/src/main/avro/customer-service.avsc', 'utf8'));
  const ch = raw.fields.find((f) => f.name === 'channel');
  const channel = {...ch.type, namespace: 'io.lepton.schemas'};
  const chId = await reg.register('io.lepton.schemas.Channel', {schemaType: 'AVRO', schema: JSON.stringify(channel)});
  ch.type = 'io.lepton.schemas.Channel';
  const id = await reg.register('raw.customer-service-value', {schemaType: 'AVRO', schema: JSON.stringify(raw),
    references: [{name: 'io.lepton.schemas.Channel', subject: 'io.lepton.schemas.Channel', version: 1}]});
  console.log('channel id', chId, 'event id', id);
  const res = await fetch(`${r}/schemas/ids/${id}`); console.log((await res.text()).slice(0, 200), '...');
  const ser = new AvroSerializer(reg, SerdeType.VALUE, {useLatestVersion: true});
  const kafka = new Kafka({brokers: [b], logLevel: logLevel.NOTHING});
  const eid = 'refs-' + Date.now();
  const v = {eventId: eid, occurredAt: Date.now(), region: 'DE', customerId: 'subj-' + eid, conversationId: 'c', channel: 'CHAT', message: 'hi', customerName: null, customerEmail: null, customerPhone: null, customerAge: null, gender: null, intent: 'X', satisfaction: 3, escalated: false, resolved: true, agentId: 'a'};
  const p = kafka.producer(); await p.connect();
  const bytes = await ser.serialize('raw.customer-service', v);
  console.log('wire id', bytes.readInt32BE(1));
  await p.send({topic: 'raw.customer-service', messages: [{key: 'k', value: bytes}]});
  await p.disconnect();
  const c = kafka.consumer({groupId: 'rf-' + Date.now()}); await c.connect();
  await c.subscribe({topics: ['sanitized.eu-gdpr.customer-service', 'quarantine.unrouted', 'quarantine.eu-gdpr'], fromBeginning: true});
  await c.run({eachMessage: async ({topic, message}) => { if (message.value && message.value.includes(eid)) console.log('found in', topic, JSON.stringify(Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, v.toString()])))); }});
  setTimeout(() => process.exit(0), 10000);
})().catch((e) => { console.error(e); process.exit(1); });
