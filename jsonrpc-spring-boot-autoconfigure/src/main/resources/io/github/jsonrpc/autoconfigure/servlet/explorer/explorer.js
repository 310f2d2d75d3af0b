/*
 * JSON-RPC explorer: lists the methods of rpc.discover, builds example params from their
 * JSON Schemas and calls them over HTTP or WebSocket with the browser user's credentials.
 * Served by the JSON-RPC starter (jsonrpc.explorer.enabled); no external resources.
 */
(function () {
	'use strict';

	const $ = (id) => document.getElementById(id);
	const state = { config: null, document: null, credentials: null, selected: null, ws: null, nextId: 1, pending: new Map() };

	function text(element, value) {
		element.textContent = value;
		return element;
	}

	function pretty(value) {
		return JSON.stringify(value, null, 2);
	}

	function basic(credentials) {
		const bytes = new TextEncoder().encode(credentials.username + ':' + credentials.password);
		let binary = '';
		bytes.forEach((b) => { binary += String.fromCharCode(b); });
		return 'Basic ' + btoa(binary);
	}

	async function httpCall(method, params, credentials = state.credentials) {
		// X-Requested-With: a refused login gets a plain 401, not the browser's own login dialog
		const headers = { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
		if (credentials) {
			headers.Authorization = basic(credentials);
		}
		const body = { jsonrpc: '2.0', id: state.nextId++, method };
		if (params !== undefined) {
			body.params = params;
		}
		const response = await fetch(state.config.http, { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(body) });
		if (response.status === 204) {
			return { status: 204 };
		}
		if (!response.ok && !(response.headers.get('Content-Type') || '').includes('json')) {
			throw new Error('HTTP ' + response.status);
		}
		return response.json();
	}

	// ---- schemas and example params ----

	function resolve(schema) {
		const ref = schema && schema.$ref;
		const prefix = '#/components/schemas/';
		if (typeof ref === 'string' && ref.startsWith(prefix)) {
			const shared = ((state.document.components || {}).schemas || {})[ref.substring(prefix.length)];
			return shared || {};
		}
		return schema || {};
	}

	function example(schema, depth = 0) {
		const s = resolve(schema);
		if ('default' in s) return s.default;
		if ('const' in s) return s.const;
		if (Array.isArray(s.enum)) return s.enum[0];
		if (Array.isArray(s.allOf)) {
			const merged = Object.assign({}, ...s.allOf.map(resolve), s);
			delete merged.allOf;
			return example(merged, depth);
		}
		if (Array.isArray(s.anyOf)) return example(s.anyOf[0], depth);
		if (Array.isArray(s.oneOf)) return example(s.oneOf[0], depth);
		let type = Array.isArray(s.type) ? (s.type.find((t) => t !== 'null') || 'null') : s.type;
		if (!type && s.properties) type = 'object';
		switch (type) {
			case 'string': {
				let value = { 'date-time': '2026-01-01T00:00:00Z', date: '2026-01-01', uuid: '00000000-0000-0000-0000-000000000001', email: 'someone@example.org' }[s.format] || 'text';
				while (value.length < (s.minLength || 0)) value += 'x';
				return (s.maxLength !== undefined) ? value.substring(0, Math.max(s.maxLength, s.minLength || 0)) : value;
			}
			case 'integer':
			case 'number': {
				let value = (type === 'integer') ? 1 : 1.5;
				if (s.minimum !== undefined) value = Math.max(value, s.minimum);
				if (s.exclusiveMinimum !== undefined) value = Math.max(value, s.exclusiveMinimum + 1);
				if (s.maximum !== undefined) value = Math.min(value, s.maximum);
				if (s.exclusiveMaximum !== undefined) value = Math.min(value, s.exclusiveMaximum - 1);
				return value;
			}
			case 'boolean': return true;
			case 'null': return null;
			case 'array': return (depth < 4 && s.items) ? [example(s.items, depth + 1)] : [];
			case 'object': {
				const value = {};
				if (depth < 4) {
					Object.entries(s.properties || {}).forEach(([name, property]) => { value[name] = example(property, depth + 1); });
				}
				return value;
			}
			default: return 'value';
		}
	}

	function exampleParams(method) {
		const byPosition = method.paramStructure === 'by-position';
		const values = (method.params || []).map((param) => [param.name, example(param.schema)]);
		return byPosition ? values.map(([, value]) => value) : Object.fromEntries(values);
	}

	// ---- rendering ----

	async function discover() {
		const reply = await httpCall('rpc.discover');
		if (reply.error) {
			throw new Error(reply.error.message + ' (' + reply.error.code + ')');
		}
		state.document = reply.result;
		text($('title'), state.document.info.title + ' ' + state.document.info.version);
		renderMethods();
	}

	function renderMethods() {
		const filter = $('filter').value.trim().toLowerCase();
		const list = $('methods');
		list.replaceChildren();
		state.document.methods
			.filter((method) => method.name.toLowerCase().includes(filter))
			.sort((a, b) => a.name.localeCompare(b.name))
			.forEach((method) => {
				const button = text(document.createElement('button'), method.name);
				button.type = 'button';
				button.dataset.method = method.name;
				button.classList.toggle('selected', state.selected && state.selected.name === method.name);
				button.addEventListener('click', () => select(method));
				const item = document.createElement('li');
				item.append(button);
				list.append(item);
			});
		if (state.selected && !state.document.methods.some((m) => m.name === state.selected.name)) {
			$('method').hidden = true;
			$('hint').hidden = false;
			state.selected = null;
		}
	}

	function select(method) {
		state.selected = method;
		$('hint').hidden = true;
		$('method').hidden = false;
		text($('method-name'), method.name);
		text($('method-description'), method.description || '');
		text($('param-structure'), method.paramStructure || 'either');
		text($('response'), '');
		const params = exampleParams(method);
		$('params').value = pretty(params);
		const form = $('params-form');
		form.replaceChildren();
		(method.params || []).forEach((param, index) => {
			const label = text(document.createElement('label'), param.name + (param.required ? ' *' : ''));
			const input = document.createElement('input');
			input.id = 'param-' + param.name;
			label.htmlFor = input.id;
			input.value = JSON.stringify(Array.isArray(params) ? params[index] : params[param.name]);
			input.title = JSON.stringify(resolve(param.schema));
			input.addEventListener('input', () => updateParam(param.name, index, input.value));
			form.append(label, input);
		});
		text($('schemas'), pretty({ params: method.params, result: method.result, errors: method.errors || [], components: (state.document.components || {}).schemas || {} }));
		renderMethods();
	}

	function updateParam(name, index, raw) {
		let value;
		try {
			value = JSON.parse(raw);
		}
		catch (ex) {
			value = raw;  // not JSON: taken as a string
		}
		let params;
		try {
			params = JSON.parse($('params').value);
		}
		catch (ex) {
			params = exampleParams(state.selected);
		}
		if (Array.isArray(params)) {
			params[index] = value;
		}
		else {
			params[name] = value;
		}
		$('params').value = pretty(params);
	}

	async function call() {
		const output = $('response');
		output.classList.remove('error');
		let params;
		try {
			params = JSON.parse($('params').value || 'null');
		}
		catch (ex) {
			output.classList.add('error');
			text(output, 'params is not valid JSON: ' + ex.message);
			return;
		}
		try {
			const name = state.selected.name;
			const reply = ($('transport').value === 'websocket') ? await wsCall(name, params) : await httpCall(name, params);
			output.classList.toggle('error', Boolean(reply.error));
			text(output, pretty(reply));
		}
		catch (ex) {
			output.classList.add('error');
			text(output, String(ex.message || ex));
		}
	}

	// ---- WebSocket ----

	function wsUrl() {
		return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + state.config.websocket;
	}

	function connect() {
		if (state.ws && state.ws.readyState <= 1) {
			return state.wsOpen;
		}
		if (!state.config.websocket) {
			return Promise.reject(new Error('WebSocket is not enabled on this server'));
		}
		const ws = new WebSocket(wsUrl());
		state.ws = ws;
		state.wsOpen = new Promise((resolveOpen, rejectOpen) => {
			ws.addEventListener('open', async () => {
				try {
					if (state.credentials) {
						// the connection authenticates with the same credentials
						await wsSend('rpc.login', { username: state.credentials.username, password: state.credentials.password });
					}
					text($('ws-state'), 'connected' + (state.credentials ? ' as ' + state.credentials.username : ''));
					$('ws-connect').hidden = true;
					$('ws-disconnect').hidden = false;
					resolveOpen();
				}
				catch (ex) {
					rejectOpen(ex);
				}
			});
			ws.addEventListener('error', () => rejectOpen(new Error('WebSocket connection failed')));
		});
		ws.addEventListener('message', (event) => onMessage(event.data));
		ws.addEventListener('close', () => {
			text($('ws-state'), 'not connected');
			$('ws-connect').hidden = false;
			$('ws-disconnect').hidden = true;
			state.pending.forEach((pending) => pending.reject(new Error('WebSocket closed')));
			state.pending.clear();
		});
		return state.wsOpen;
	}

	function wsSend(method, params) {
		const id = state.nextId++;
		return new Promise((resolveReply, rejectReply) => {
			state.pending.set(id, { resolve: resolveReply, reject: rejectReply });
			const message = { jsonrpc: '2.0', id, method };
			if (params !== undefined && params !== null) {
				message.params = params;
			}
			state.ws.send(JSON.stringify(message));
		});
	}

	async function wsCall(method, params) {
		await connect();
		return wsSend(method, params);
	}

	function onMessage(data) {
		let messages;
		try {
			messages = JSON.parse(data);
		}
		catch (ex) {
			return;
		}
		(Array.isArray(messages) ? messages : [messages]).forEach((message) => {
			if (message.id !== undefined && message.id !== null && state.pending.has(message.id) && ('result' in message || 'error' in message)) {
				const pending = state.pending.get(message.id);
				state.pending.delete(message.id);
				pending.resolve(message);
			}
			else if (message.method) {
				const item = text(document.createElement('li'), new Date().toLocaleTimeString() + ' ' + message.method + ' ' + JSON.stringify(message.params));
				$('notifications').prepend(item);
				while ($('notifications').children.length > 200) {
					$('notifications').lastChild.remove();
				}
			}
		});
	}

	async function subscribe(event) {
		event.preventDefault();
		const topic = $('topic').value.trim();
		if (!topic) {
			return;
		}
		try {
			const reply = await wsCall('subscribe', [topic]);
			text($('ws-state'), reply.error ? 'subscribe failed: ' + reply.error.message : 'subscribed to ' + JSON.stringify(reply.result));
		}
		catch (ex) {
			text($('ws-state'), String(ex.message || ex));
		}
	}

	// ---- login ----

	async function login(event) {
		event.preventDefault();
		const credentials = { username: $('username').value, password: $('password').value };
		try {
			const reply = await httpCall('rpc.discover', undefined, credentials);
			if (reply.error) {
				throw new Error(reply.error.message);
			}
			state.credentials = credentials;
			$('password').value = '';
			text($('login-state'), credentials.username);
			$('logout-button').hidden = false;
			if (state.ws) {
				state.ws.close();
			}
			await discover();
		}
		catch (ex) {
			text($('login-state'), 'login failed');
		}
	}

	async function logout() {
		state.credentials = null;
		text($('login-state'), 'anonymous');
		$('logout-button').hidden = true;
		if (state.ws) {
			state.ws.close();
		}
		await discover();
	}

	async function start() {
		state.config = await (await fetch('explorer/config.json', { credentials: 'same-origin' })).json();
		text($('endpoint'), 'POST ' + state.config.http + (state.config.websocket ? ' · WebSocket ' + state.config.websocket : ''));
		if (!state.config.websocket) {
			$('transport').querySelector('option[value="websocket"]').disabled = true;
		}
		$('filter').addEventListener('input', renderMethods);
		$('call').addEventListener('click', call);
		$('login').addEventListener('submit', login);
		$('logout-button').addEventListener('click', logout);
		$('ws-connect').addEventListener('click', () => connect().catch((ex) => text($('ws-state'), String(ex.message || ex))));
		$('ws-disconnect').addEventListener('click', () => state.ws && state.ws.close());
		$('subscribe-form').addEventListener('submit', subscribe);
		try {
			await discover();
		}
		catch (ex) {
			text($('hint'), 'rpc.discover failed: ' + (ex.message || ex));
		}
	}

	start();
})();
