#!/usr/bin/env node
// Signs and validates Twilio webhooks with Twilio's official helper library (npm `twilio`), for
// crates/twilio/tests/interop_official_signing.rs.
//
// stdin:  a JSON array of operations
//   {"op":"info"}
//   {"op":"sign", "secret", "url", "params", "algorithm"?}
//   {"op":"validate", "secret", "signature", "url", "params", "algorithm"?}
// where params is an object whose values are strings, or arrays of strings for repeated fields
// (what Express's urlencoded body parser hands to the library).
// stdout: a JSON array with one result per operation.
//
// The library is loaded from ../node_modules/twilio, or from SMSUP_TWILIO_NODE_MODULE if set.
"use strict";
const path = require("path");

const modulePath =
  process.env.SMSUP_TWILIO_NODE_MODULE || path.join(__dirname, "..", "node_modules", "twilio");
const twilio = require(modulePath);
const version = require(path.join(modulePath, "package.json")).version;
// HMAC-SHA256 (SharedKey) signing arrived with X-Twilio-Webhooks-Signature-Settings support.
const supportsAlgorithms = typeof twilio.getSignatureAlgorithm === "function";

function run(op) {
  const algorithm = op.algorithm || "HMAC_SHA1";
  if (op.op === "info") {
    return {
      version,
      supportsAlgorithms,
      settingsHeader: twilio.SIGNATURE_SETTINGS_HEADER || null,
    };
  }
  if (algorithm !== "HMAC_SHA1" && !supportsAlgorithms) {
    return { error: `twilio ${version} cannot use ${algorithm}` };
  }
  if (op.op === "sign") {
    const signature = supportsAlgorithms
      ? twilio.getExpectedTwilioSignature(op.secret, op.url, op.params, algorithm)
      : twilio.getExpectedTwilioSignature(op.secret, op.url, op.params);
    return { signature };
  }
  if (op.op === "validate") {
    const valid = supportsAlgorithms
      ? twilio.validateRequest(op.secret, op.signature, op.url, op.params, algorithm)
      : twilio.validateRequest(op.secret, op.signature, op.url, op.params);
    return { valid };
  }
  if (op.op === "settings") {
    // The algorithm the official library reads from an X-Twilio-Webhooks-Signature-Settings value.
    return { algorithm: supportsAlgorithms ? twilio.getSignatureAlgorithm(op.header) : null };
  }
  return { error: `unknown op ${op.op}` };
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const ops = JSON.parse(input);
  process.stdout.write(JSON.stringify(ops.map(run)));
});
