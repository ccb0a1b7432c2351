#!/usr/bin/env node
// Writes the requests of the webhook benchmark as a Lua table for wrk: N Twilio inbound webhooks,
// each from its own number with its own MessageSid, signed with Twilio's official helper library
// (npm `twilio`, interop/node_modules) for `url`.
// Usage: node requests.js <url> <auth token> <account sid> <n> > requests.lua
"use strict";
const path = require("path");
const twilio = require(path.join(__dirname, "..", "..", "interop", "node_modules", "twilio"));

const [url, token, account, count] = process.argv.slice(2);
const n = Number(count);
const lua = (s) => JSON.stringify(s); // a JSON string of ASCII is a valid Lua string
const out = ["return {"];
for (let i = 0; i < n; i++) {
  const params = {
    AccountSid: account,
    MessageSid: "SM" + i.toString(16).padStart(32, "0"),
    From: "+4479" + String(10000000 + i).padStart(8, "0"),
    To: "+60111111111",
    Body: "LISTS",
    NumSegments: "1",
    NumMedia: "0",
  };
  const body = new URLSearchParams(params).toString();
  const signature = twilio.getExpectedTwilioSignature(token, url, params);
  out.push(`{${lua(body)},${lua(signature)}},`);
}
out.push("}");
process.stdout.write(out.join("\n") + "\n");
