// Generates signature-vectors.json with Node's own Ed25519 (node:crypto), independent of NSec/libsodium.
// Run: node make-signature-vectors.mjs > signature-vectors.json
import { generateKeyPairSync, sign } from 'node:crypto';

const hex = (b) => Buffer.from(b).toString('hex');
const raw = (publicKey) => publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
const signed = (key, timestamp, body) => hex(sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), key));

const app = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const timestamp = '1763870400'; // 2025-11-23T04:00:00Z, the clock the tests pretend to have
const ping = '{"type":1}';
const command = '{"type":2,"id":"1","token":"t","application_id":"100","data":{"name":"ask","type":1,"options":[{"type":3,"name":"question","value":"When was the ceasefire declared?"}]}}';
const good = signed(app.privateKey, timestamp, command);
const flip = (s) => (s[0] === 'a' ? 'b' : 'a') + s.slice(1);

const cases = [
  { name: 'valid ping', timestamp, body: ping, signature: signed(app.privateKey, timestamp, ping), valid: true },
  { name: 'valid command', timestamp, body: command, signature: good, valid: true },
  { name: 'valid, upper-case hex', timestamp, body: command, signature: good.toUpperCase(), valid: true },
  { name: 'body changed after signing', timestamp, body: command.replace('ceasefire', 'ceasefirE'), signature: good, valid: false },
  { name: 'body with a trailing space', timestamp, body: command + ' ', signature: good, valid: false },
  { name: 'timestamp changed', timestamp: '1763870401', body: command, signature: good, valid: false },
  { name: 'signature altered', timestamp, body: command, signature: flip(good), valid: false },
  { name: 'signed by another key', timestamp, body: command, signature: signed(other.privateKey, timestamp, command), valid: false },
  { name: 'signature truncated', timestamp, body: command, signature: good.slice(0, 126), valid: false },
  { name: 'signature not hex', timestamp, body: command, signature: 'z' + good.slice(1), valid: false },
  { name: 'signature empty', timestamp, body: command, signature: '', valid: false },
  { name: 'timestamp missing', timestamp: '', body: command, signature: good, valid: false },
];

console.log(JSON.stringify({ generator: `node ${process.version} crypto.sign(ed25519)`, publicKey: hex(raw(app.publicKey)), now: timestamp, cases }, null, 2));
