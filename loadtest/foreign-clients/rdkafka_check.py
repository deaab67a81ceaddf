#!/usr/bin/env python3
"""librdkafka side of the foreign-client check (Debian's python3-confluent-kafka, no Avro library needed).

Reads sanitized topics with isolation.level=read_committed and checks the Confluent wire format of every value:
magic byte 0, a 4-byte big-endian schema id that the registry resolves through GET /schemas/ids/{id}, a record
schema whose first field is the string eventId, and that the Avro body starts with that string. Expects the eventIds
given in --expect (JSON {"sanitized": {topic: [eventId, ...]}}, as written by interop.js --out).

Usage: rdkafka_check.py --bootstrap HOST:PORT --registry URL --expect FILE [--timeout-s N]
Prints one line per check and a closing "N passed, N failed"; exits 0 only when every check passed.
"""

import argparse
import json
import struct
import sys
import time
import urllib.request
import uuid

from confluent_kafka import Consumer, KafkaError, libversion


def read_varint_long(data, pos):
    """Avro's zig-zag varint long at pos: (value, next position)."""
    shift, result = 0, 0
    while True:
        if pos >= len(data):
            raise ValueError("truncated varint")
        b = data[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return (result >> 1) ^ -(result & 1), pos
        shift += 7


def first_string(body):
    length, pos = read_varint_long(body, 0)
    if length < 0 or pos + length > len(body):
        raise ValueError("bad string length")
    return body[pos:pos + length].decode("utf-8")


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, description, detail=""):
        if ok:
            self.passed += 1
            print("ok    " + description)
        else:
            self.failed += 1
            print("FAIL  " + description + (": " + detail if detail else ""))
        return ok


def schema_by_id(registry, schema_id, cache):
    if schema_id not in cache:
        with urllib.request.urlopen("%s/schemas/ids/%d" % (registry, schema_id), timeout=10) as response:
            cache[schema_id] = json.loads(json.loads(response.read().decode("utf-8"))["schema"])
    return cache[schema_id]


def poll_until(bootstrap, topics, handle, timeout_s):
    """Feeds (topic, value, headers) of every record read to handle until it returns True or time is up."""
    consumer = Consumer({
        "bootstrap.servers": bootstrap,
        "group.id": "lepton-rdkafka-check-" + uuid.uuid4().hex,
        "isolation.level": "read_committed",
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
    })
    consumer.subscribe(topics)
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                if message.error().code() != KafkaError._PARTITION_EOF:
                    raise RuntimeError(str(message.error()))
                continue
            if handle(message.topic(), message.value(), message.headers() or []):
                return
    finally:
        consumer.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--registry", required=True)
    parser.add_argument("--expect", required=True)
    parser.add_argument("--timeout-s", type=float, default=30)
    args = parser.parse_args()
    registry = args.registry.rstrip("/")
    with open(args.expect, encoding="utf-8") as f:
        expected = json.load(f)["sanitized"]
    wanted = {(topic, event_id) for topic, ids in expected.items() for event_id in ids}
    checks = Checks()
    checks.check(len(wanted) > 0, "there are sanitized records to look for")

    cache, found, bad = {}, set(), []

    def handle(topic, value, headers):
        try:
            if value is None or len(value) < 5 or value[0] != 0:
                raise ValueError("no magic byte 0")
            schema_id = struct.unpack(">i", value[1:5])[0]
            schema = schema_by_id(registry, schema_id, cache)
            fields = schema.get("fields", [])
            if schema.get("type") != "record" or not fields or fields[0]["name"] != "eventId" \
                    or fields[0]["type"] != "string":
                raise ValueError("schema %d does not start with the string eventId" % schema_id)
            event_id = first_string(value[5:])
            for _, header in headers:
                (header or b"").decode("utf-8")
            found.add((topic, event_id))
        except (ValueError, KeyError, UnicodeDecodeError, OSError) as e:
            bad.append("%s: %s" % (topic, e))
        return wanted <= found

    poll_until(args.bootstrap, sorted(expected), handle, args.timeout_s)
    checks.check(not bad, "every record read has magic byte 0, a schema id the registry resolves "
                 "(/schemas/ids/{id}), the eventId first and UTF-8 headers", "; ".join(bad[:5]))
    missing = sorted("%s/%s" % m for m in wanted - found)
    checks.check(not missing, "librdkafka %s read all %d expected sanitized records (read_committed)"
                 % (libversion()[0], len(wanted)),
                 "missing " + ", ".join(missing[:5]))
    print("rdkafka: %d passed, %d failed" % (checks.passed, checks.failed))
    return 0 if checks.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
