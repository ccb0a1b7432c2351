// The reference for SMS Up's Zawgyi detector and converter: the npm package myanmar-tools (pinned in
// interop/package.json). Reads a JSON array of texts on stdin; writes, for each, the package's
// Zawgyi probability and its conversions in both directions as one JSON array on stdout.
"use strict";
const { ZawgyiDetector, ZawgyiConverter } = require("myanmar-tools");
const detector = new ZawgyiDetector();
const converter = new ZawgyiConverter();
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const out = JSON.parse(input).map((text) => {
    const p = detector.getZawgyiProbability(text);
    return {
      // JSON has no infinity: a text without Myanmar characters is reported as null.
      p: Number.isFinite(p) ? p : null,
      z2u: converter.zawgyiToUnicode(text),
      u2z: converter.unicodeToZawgyi(text),
    };
  });
  process.stdout.write(JSON.stringify(out));
});
