import { Client } from 'rpc-websockets';
import jayson from 'jayson';
const port = process.argv[2];
const results = [];
const check = (name, ok, detail) => { results.push(ok); console.log((ok ? 'PASS ' : 'FAIL ') + name + (detail ? ' ' + JSON.stringify(detail) : '')); };

// jayson HTTP client
const http = jayson.client.http({ host: '127.0.0.1', port, path: '/jsonrpc' });
const call = (m, p) => new Promise((res, rej) => http.request(m, p, (err, resp) => err ? rej(err) : res(resp)));
let r = await call('subtract', [42, 23]); check('jayson subtract positional', r.result === 19, r);
r = await call('subtract', { minuend: 42, subtrahend: 23 }); check('jayson subtract named', r.result === 19, r);
r = await call('foobar', []); check('jayson method not found', r.error && r.error.code === -32601, r);
r = await call('echo', { x: { a: [1, null, 'z'] } }); check('jayson echo', JSON.stringify(r.result) === '{"a":[1,null,"z"]}', r);
const batch = await new Promise((res, rej) => http.request([http.request('sum', [1, 2, 4], undefined, false), http.request('get_data', [], undefined, false), http.request('notify_hello', [7], null, false)], (err, resp) => err ? rej(err) : res(resp)));
check('jayson batch', Array.isArray(batch) && batch.length === 2 && batch[0].result === 7 && batch[1].result[0] === 'hello', batch);
const notif = await new Promise((res, rej) => http.request('notify_sum', [1, 2, 4], null, (err, resp) => err ? rej(err) : res(resp)));
check('jayson notification (204, no body)', notif === undefined || notif === null || notif === '', notif);

// jayson TCP client: one connection per request, newline-delimited JSON
const tcpPort = Number(process.argv[3]);
if (tcpPort) {
  const tcp = jayson.client.tcp({ host: '127.0.0.1', port: tcpPort });
  const tcall = (m, p, id) => new Promise((res, rej) => tcp.request(m, p, id, (err, resp) => err ? rej(err) : res(resp)));
  r = await tcall('subtract', [42, 23]); check('jayson tcp subtract positional', r.result === 19, r);
  r = await tcall('subtract', { minuend: 42, subtrahend: 23 }); check('jayson tcp subtract named', r.result === 19, r);
  r = await tcall('foobar', []); check('jayson tcp method not found', r.error && r.error.code === -32601, r);
  r = await tcall('echo', { x: 'tcp ü' }); check('jayson tcp echo (UTF-8)', r.result === 'tcp ü', r);
  const tbatch = await new Promise((res, rej) => tcp.request([tcp.request('sum', [1, 2, 4], undefined, false), tcp.request('notify_hello', [7], null, false)], (err, resp) => err ? rej(err) : res(resp)));
  check('jayson tcp batch', Array.isArray(tbatch) && tbatch.length === 1 && tbatch[0].result === 7, tbatch);
  const tnotif = await tcall('notify_sum', [1, 2, 4], null);
  check('jayson tcp notification (no reply)', tnotif === undefined, tnotif);
} else {
  check('jayson tcp: no TCP port given', false);
}

// rpc-websockets client
const ws = new Client(`ws://127.0.0.1:${port}/jsonrpc`, { autoconnect: true, reconnect: false });
await new Promise((res, rej) => { ws.on('open', res); ws.on('error', rej); });
check('rpc-websockets call', (await ws.call('subtract', [42, 23])) === 19);
check('rpc-websockets named call', (await ws.call('subtract', { minuend: 5, subtrahend: 3 })) === 2);
try { await ws.call('nope', []); check('rpc-websockets error', false); } catch (e) { check('rpc-websockets error', e.code === -32601, e); }
const got = new Promise((res) => ws.on('chat', (params) => res(params)));
const sub = await ws.subscribe('chat');
check('rpc-websockets rpc.on', sub && sub.chat === 'ok', sub);
await call('say', { text: 'hello from jayson' });
const msg = await Promise.race([got, new Promise((res) => setTimeout(() => res('timeout'), 5000))]);
check('rpc-websockets receives chat event', msg && msg.text === 'hello from jayson' && msg.from === 'anonymous', msg);
const bad = await ws.subscribe('no-such-topic');
check('rpc-websockets unknown topic reason', bad && bad['no-such-topic'] !== 'ok', bad);
const unsub = await ws.unsubscribe('chat');
check('rpc-websockets rpc.off', unsub && unsub.chat === 'ok', unsub);
ws.close();
const passed = results.filter(Boolean).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
