#!/usr/bin/env node
// A stand-in for Twilio's REST API for the benchmarks: every Messages.json create is accepted
// (201, a new SID); Node's http server left at its defaults. Prints {"port":N} once listening and
// the number of messages accepted when it gets SIGTERM.
"use strict";
const http = require("http");
let n = 0;
const server = http.createServer((req, res) => {
  let size = 0;
  req.on("data", (chunk) => (size += chunk.length));
  req.on("end", () => {
    if (req.method === "POST" && req.url.endsWith("/Messages.json")) {
      n += 1;
      const sid = "SM" + n.toString(16).padStart(32, "0");
      res.writeHead(201, { "content-type": "application/json" });
      res.end(JSON.stringify({ sid, status: "queued", num_segments: "1" }));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
});
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: server.address().port })));
process.on("SIGTERM", () => {
  console.log(JSON.stringify({ accepted: n }));
  process.exit(0);
});
