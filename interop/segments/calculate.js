// Reads a JSON array of {"text": string, "smart": bool} on stdin and writes a JSON array with,
// for each, what sms-segments-calculator 1.3.0 says:
//   {"encoding", "characters", "units", "segments", "non_gsm", "graphemes", "text"}
// where units = message bits (header excluded) / bits per unit, and text is the message after
// smart encoding (joined graphemes). Used by crates/sms/tests/interop_calculator.rs.
'use strict';
const path = require('path');
const pkgDir = path.join(__dirname, '..', 'node_modules', 'sms-segments-calculator');
const { SegmentedMessage } = require(pkgDir);
const version = require(path.join(pkgDir, 'package.json')).version;
if (version !== '1.3.0') {
  process.stderr.write(`expected sms-segments-calculator 1.3.0, found ${version}\n`);
  process.exit(2);
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', () => {
  const cases = JSON.parse(input);
  const out = cases.map(({ text, smart }) => {
    const m = new SegmentedMessage(text, 'auto', smart);
    const bits = m.encodingName === 'GSM-7' ? 7 : 16;
    return {
      encoding: m.encodingName,
      characters: m.numberOfCharacters,
      units: m.messageSize / bits,
      segments: m.segmentsCount,
      non_gsm: m.getNonGsmCharacters(),
      graphemes: m.graphemes,
      text: m.graphemes.join(''),
    };
  });
  process.stdout.write(JSON.stringify(out));
});
