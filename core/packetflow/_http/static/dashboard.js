// PacketFlow dashboard. Plain JavaScript, no build step, no third-party code.
//
// The token lives in this tab's sessionStorage and travels only in the Authorization
// header. Live updates are Server-Sent Events read with fetch (EventSource cannot send
// headers). Every text from the node goes into the page through textContent, never as HTML.
"use strict";

const TOKEN_KEY = "packetflow.token";
const SPARK_POINTS = 60; // ticks a sparkline shows
const SVG_NS = "http://www.w3.org/2000/svg";

const state = {
  token: sessionStorage.getItem(TOKEN_KEY),
  admin: false,
  caps: new Map(), // name -> {row, cells, history, count}
  tab: "capabilities",
  stream: null, // AbortController of the live stream
  pollers: new Map(), // tab -> interval id
  retry: 1000,
  knownCaps: 0,
  selectedModule: null,
};

const $ = (selector) => document.querySelector(selector);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

function fmt(value) {
  return typeof value === "number" ? (Number.isInteger(value) ? String(value) : value.toFixed(2)) : String(value ?? "");
}

// -- talking to the node ---------------------------------------------------------------

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function headers() {
  return state.token ? { Authorization: `Bearer ${state.token}` } : {};
}

async function api(path) {
  const response = await fetch(path, { headers: headers(), cache: "no-store" });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      message = body.error?.message ?? message;
    } catch (_) { /* not JSON */ }
    if (response.status === 401 && state.token) logout(`Token refused: ${message}`);
    throw new HttpError(response.status, message);
  }
  return response.json();
}

// -- login -------------------------------------------------------------------------------

async function login(event) {
  event.preventDefault();
  const value = $("#token").value.trim();
  $("#login-error").textContent = "";
  state.token = value;
  try {
    await start();
    sessionStorage.setItem(TOKEN_KEY, value);
    $("#token").value = "";
  } catch (error) {
    state.token = null;
    $("#login-error").textContent = error.status === 401 ? `Token refused: ${error.message}` : String(error.message);
    showLogin();
  }
}

function logout(message = "") {
  sessionStorage.removeItem(TOKEN_KEY);
  state.token = null;
  stopLive();
  showLogin();
  $("#login-error").textContent = message;
}

function showLogin() {
  $("#app").hidden = true;
  $("#logout").hidden = true;
  $("#login").hidden = false;
  $("#token").focus();
}

async function start() {
  const session = await api("/api/session");
  state.admin = session.admin;
  $("#node-name").textContent = session.node;
  $("#login").hidden = true;
  $("#app").hidden = false;
  $("#logout").hidden = !state.token;
  for (const tab of document.querySelectorAll("[data-admin]")) {
    if (!state.admin) tab.hidden = true;
  }
  const notice = $("#notice");
  notice.hidden = state.admin;
  notice.textContent = state.admin ? "" :
    `The token of ${session.sub} has no admin scope: only the capabilities it may call are shown.`;
  await loadCapabilities();
  if (state.admin) startLive();
}

// -- capabilities ------------------------------------------------------------------------

async function loadCapabilities() {
  const data = await api("/api/capabilities");
  const body = $("#cap-table tbody");
  const fragment = document.createDocumentFragment();
  const seen = new Set();
  for (const cap of data.capabilities) {
    seen.add(cap.name);
    let entry = state.caps.get(cap.name);
    if (!entry) {
      entry = capabilityRow(cap);
      state.caps.set(cap.name, entry);
    }
    fragment.append(entry.row);
    setStats(entry, cap.stats);
  }
  for (const [name, entry] of state.caps) {
    if (!seen.has(name)) {
      entry.row.remove();
      state.caps.delete(name);
    }
  }
  body.replaceChildren(fragment);
  state.knownCaps = data.capabilities.length;
  applyFilter();
}

function capabilityRow(cap) {
  const cells = {
    count: el("td", { class: "num count", "data-testid": "cap-count" }),
    errors: el("td", { class: "num errors", "data-testid": "cap-errors" }),
    p50: el("td", { class: "num" }),
    p99: el("td", { class: "num" }),
  };
  const line = svg("polyline", { points: "" });
  const spark = svg("svg", { class: "spark", viewBox: `0 0 ${SPARK_POINTS} 20`, preserveAspectRatio: "none" });
  spark.append(line);
  const row = el(
    "tr", { "data-testid": "cap-row", "data-name": cap.name },
    el("td", { text: cap.name, title: cap.intent || "" }),
    el("td", { text: cap.kind }),
    cells.count, cells.errors, cells.p50, cells.p99,
    el("td", {}, spark),
  );
  return { row, cells, line, history: [], count: null };
}

function setStats(entry, stats) {
  entry.cells.count.textContent = fmt(stats.count);
  const codes = Object.entries(stats.codes || {}).map(([code, n]) => `${code}: ${n}`).join(", ");
  entry.cells.errors.textContent = fmt(stats.errors);
  entry.cells.errors.title = codes;
  entry.cells.p50.textContent = fmt(stats.p50_ms);
  entry.cells.p99.textContent = fmt(stats.p99_ms);
  if (entry.count === null) entry.count = stats.count;
}

function tickCapabilities(changed) {
  let unknown = false;
  for (const [name, stats] of Object.entries(changed)) {
    const entry = state.caps.get(name);
    if (!entry) { unknown = true; continue; }
    setStats(entry, stats);
  }
  for (const entry of state.caps.values()) {
    const now = Number(entry.cells.count.textContent) || 0;
    const delta = Math.max(0, now - (entry.count ?? now));
    entry.count = now;
    if (delta === 0 && !entry.history.some((v) => v > 0)) continue; // idle: nothing to redraw
    entry.history.push(delta);
    if (entry.history.length > SPARK_POINTS) entry.history.shift();
    drawSpark(entry);
  }
  return unknown;
}

function drawSpark(entry) {
  const peak = Math.max(1, ...entry.history);
  const offset = SPARK_POINTS - entry.history.length;
  entry.line.setAttribute("points", entry.history
    .map((v, i) => `${offset + i},${(19 - (v / peak) * 18).toFixed(1)}`).join(" "));
}

function applyFilter() {
  const text = $("#cap-filter").value.trim().toLowerCase();
  for (const [name, entry] of state.caps) entry.row.hidden = text !== "" && !name.toLowerCase().includes(text);
}

// -- overview, modules, channels ---------------------------------------------------------

function drawOverview(overview) {
  const cards = [
    ["Capabilities", overview.capabilities],
    ["Modules", overview.modules],
    ["Live actors", overview.actors_live],
  ];
  if (overview.wire) {
    cards.push(["Connections", overview.wire.connections], ["In flight", overview.wire.active_requests]);
  }
  $("#overview").replaceChildren(...cards.map(([label, value]) =>
    el("div", { class: "card", "data-testid": `card-${label.toLowerCase().replaceAll(" ", "-")}` },
      label, el("b", { text: fmt(value) }))));
  $('[data-tab="arena"]').hidden = !(state.admin && overview.arena);
  $('[data-tab="optimizer"]').hidden = !(state.admin && overview.optimizer);
}

function drawModules(data) {
  const chains = $("#chains");
  chains.replaceChildren(...["request", "composition", "response"].map((kind) => {
    const order = data.chains[kind] || [];
    const parts = [el("span", { class: "kind", text: kind })];
    order.forEach((name, i) => {
      if (i > 0) parts.push(el("span", { class: "arrow", text: "→" }));
      parts.push(el("button", { type: "button", class: "link", "data-module": name, text: name, onclick: () => openModule(name) }));
    });
    parts.push(el("span", { class: "arrow", text: "→" }), el("span", { class: "end", text: kind === "response" ? "caller" : "execution" }));
    return el("div", { class: "chain", "data-testid": `chain-${kind}` }, ...parts);
  }));
  const rows = data.modules.map((m) => el(
    "tr", { class: "clickable", "data-testid": "module-row", "data-name": m.name, onclick: () => openModule(m.name) },
    el("td", { text: m.name }),
    el("td", { class: `status-${m.status}`, "data-testid": "module-status", text: m.status }),
    el("td", { class: "num", text: fmt(m.priority) }),
    el("td", { class: "num", "data-testid": "module-calls", text: fmt(m.calls) }),
    el("td", { class: "num", text: fmt(m.errors) }),
    el("td", { class: "num", text: fmt(m.timeouts) }),
    el("td", { class: "num", text: fmt(m.p50_ms) }),
    el("td", { class: "num", text: fmt(m.p99_ms) }),
  ));
  $("#module-table tbody").replaceChildren(...rows);
}

async function openModule(name) {
  const data = await api(`/api/modules/${encodeURIComponent(name)}`);
  const m = data.module;
  const detail = $("#module-detail");
  const fields = [
    ["Status", m.status], ["Priority", m.priority], ["Version", m.version ?? "inline"],
    ["Distribution", m.distribution ?? "—"], ["Hooks", m.hooks.join(", ")],
    ["Calls", m.calls], ["Errors", m.errors], ["Timeouts", m.timeouts], ["Restarts", m.restarts],
    ["Hook timeout (s)", m.hook_timeout ?? "—"],
    ...Object.entries(data.positions).map(([kind, at]) => [`Position in ${kind} chain`, at === null ? "—" : at + 1]),
  ];
  if (m.error) fields.push(["Error", m.error]);
  detail.replaceChildren(
    el("h2", { text: `Module ${m.name}`, "data-testid": "module-detail-name" }),
    el("dl", {}, ...fields.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: fmt(v) })])),
  );
  detail.hidden = false;
}

function drawChannels(data) {
  $("#channel-totals").replaceChildren(
    el("span", { class: "card", text: `Published ${data.published}` }),
    el("span", { class: "card", "data-testid": "channel-dropped", text: `Dropped ${data.dropped}` }),
  );
  $("#channel-table tbody").replaceChildren(...data.patterns.map((p) => el(
    "tr", { "data-testid": "channel-row", "data-pattern": p.pattern },
    el("td", { text: p.pattern }), el("td", { class: "num", text: fmt(p.subscribers) }),
    el("td", { class: "num", text: fmt(p.buffered) }), el("td", { class: "num", text: fmt(p.dropped) }),
  )));
}

// -- composition runs: a timeline per run --------------------------------------------------

function drawRuns(runs) {
  $("#runs").replaceChildren(...runs.map(runTimeline));
}

function runTimeline(run) {
  const width = 1000;
  const rowHeight = 16;
  const total = Math.max(run.duration_ms, ...run.steps.map((s) => s.start_ms + s.duration_ms), 0.001);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${run.steps.length * rowHeight + 4}`, "data-testid": "run-chart" });
  run.steps.forEach((step, i) => {
    const x = (step.start_ms / total) * (width - 340);
    const w = Math.max(2, (step.duration_ms / total) * (width - 340));
    const classes = ["bar", step.critical ? "critical" : "", step.status === "error" ? "error" : ""].join(" ").trim();
    const bar = svg("rect", { x: 340 + x, y: i * rowHeight + 2, width: w, height: rowHeight - 4, class: classes,
      "data-testid": "step-bar", "data-critical": String(step.critical), "data-path": step.path });
    const title = svg("title");
    title.textContent = `${step.path} ${step.capability}: ${step.duration_ms.toFixed(3)} ms${step.error_code ? " " + step.error_code : ""}`;
    bar.append(title);
    const label = svg("text", { x: 0, y: i * rowHeight + 13 });
    label.textContent = `${step.path} ${step.capability}`;
    chart.append(label, bar);
  });
  const truncated = run.truncated ? ` (${run.truncated} more steps not drawn)` : "";
  return el("div", { class: "run", "data-testid": "run", "data-composition": run.composition, "data-run": String(run.id) },
    el("h3", { text: `#${run.id} ${run.composition} — ${run.status}, ${run.duration_ms.toFixed(2)} ms, ${run.steps.length} steps${truncated}` }),
    chart);
}

// -- actors ------------------------------------------------------------------------------

async function loadActors() {
  const data = await api("/api/actors");
  $("#actor-table tbody").replaceChildren(...data.actors.map((a) => el(
    "tr", { class: "clickable", "data-testid": "actor-row", "data-actor": `${a.capability}/${a.actor_id}`,
      onclick: () => openActor(a.capability, a.actor_id) },
    el("td", { text: a.capability }), el("td", { text: a.actor_id }),
    el("td", { class: `status-${a.status}`, "data-testid": "actor-status", text: a.status }),
    el("td", { class: "num", text: fmt(a.message_count) }),
    el("td", { text: a.last_message_at ? new Date(a.last_message_at * 1000).toLocaleTimeString() : "—" }),
  )));
}

async function openActor(capability, actorId) {
  const data = await api(`/api/actors/${encodeURIComponent(capability)}/${encodeURIComponent(actorId)}`);
  const detail = $("#actor-detail");
  const history = data.history.length ? data.history.map((entry) => el("li", {
    "data-testid": "history-entry",
    text: `#${entry.seq} ${JSON.stringify(entry.message)} → ${JSON.stringify(entry.reply)}`,
  })) : [el("li", { text: "no conversation log" })];
  detail.replaceChildren(
    el("h2", { text: `Actor ${capability}/${actorId}`, "data-testid": "actor-detail-name" }),
    el("h3", { text: "State" }), el("pre", { "data-testid": "actor-state", text: JSON.stringify(data.state, null, 2) }),
    el("h3", { text: "History" }), el("ol", { "data-testid": "actor-history" }, ...history),
  );
  detail.hidden = false;
}

// -- arena and optimizer -----------------------------------------------------------------

async function loadArena() {
  const data = await api("/api/arena");
  // As an image: the module's SVG cannot run script or reach the page.
  const img = el("img", { alt: "spatial arena", "data-testid": "arena-image",
    src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(data.svg)}` });
  $("#arena-drawing").replaceChildren(img);
  const zones = data.zones || [];
  const keys = zones.length ? Object.keys(zones[0]).filter((k) => typeof zones[0][k] !== "object") : [];
  $("#zone-table thead").replaceChildren(el("tr", {}, ...keys.map((k) => el("th", { text: k }))));
  $("#zone-table tbody").replaceChildren(...zones.map((z) => el("tr", { "data-testid": "zone-row" },
    ...keys.map((k) => el("td", { text: fmt(z[k]) })))));
}

async function loadOptimizer() {
  const data = await api("/api/optimizer");
  $("#prediction-table tbody").replaceChildren(...data.predictions.map((p) => el(
    "tr", { "data-testid": "prediction-row", "data-composition": p.composition },
    el("td", { text: p.composition }),
    el("td", { class: "num", text: p.error ? "—" : fmt(p.estimated_ms) }),
    el("td", { text: p.error ? p.error : (p.critical_path || []).join(" → ") }),
    el("td", { text: (p.bottlenecks || []).map((b) => (typeof b === "string" ? b : b.capability ?? JSON.stringify(b))).join(", ") }),
  )));
}

// -- tabs --------------------------------------------------------------------------------

const POLLED = { actors: loadActors, arena: loadArena, optimizer: loadOptimizer };

function openTab(name) {
  state.tab = name;
  for (const button of document.querySelectorAll("#tabs button")) {
    button.setAttribute("aria-selected", String(button.dataset.tab === name));
  }
  for (const section of document.querySelectorAll(".tab")) section.hidden = section.id !== `tab-${name}`;
  for (const [tab, timer] of state.pollers) {
    clearInterval(timer);
    state.pollers.delete(tab);
  }
  const load = POLLED[name];
  if (load) {
    load().catch(() => {});
    state.pollers.set(name, setInterval(() => load().catch(() => {}), 2000));
  }
}

// -- live updates (Server-Sent Events over fetch) ------------------------------------------

function stopLive() {
  if (state.stream) state.stream.abort();
  state.stream = null;
  setLive("offline", "");
}

function setLive(text, kind) {
  const badge = $("#live");
  badge.textContent = text;
  badge.className = `badge ${kind}`;
}

async function startLive() {
  stopLive();
  const controller = new AbortController();
  state.stream = controller;
  try {
    const response = await fetch("/api/events", { headers: headers(), signal: controller.signal, cache: "no-store" });
    if (response.status === 401) { logout("Token refused"); return; }
    if (!response.ok) throw new Error(`${response.status}`);
    setLive("live", "live");
    state.retry = 1000;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        handleEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } catch (error) {
    if (controller.signal.aborted) return;
  }
  if (state.stream !== controller) return;
  setLive("reconnecting", "retry");
  setTimeout(() => { if (state.stream === controller) startLive(); }, state.retry);
  state.retry = Math.min(state.retry * 2, 10000);
}

function handleEvent(text) {
  let kind = "message";
  const data = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("event: ")) kind = line.slice(7);
    else if (line.startsWith("data: ")) data.push(line.slice(6));
  }
  if (!data.length) return;
  const body = JSON.parse(data.join("\n"));
  drawOverview(body.overview);
  drawModules(body.modules);
  drawChannels(body.channels);
  if (body.runs) drawRuns(body.runs);
  const unknown = tickCapabilities(body.capabilities || {});
  if (unknown || body.overview.capabilities !== state.knownCaps) loadCapabilities().catch(() => {});
  document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
  if (kind === "snapshot") document.body.dataset.snapshot = "1";
}

// -- wiring ------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  $("#login-form").addEventListener("submit", login);
  $("#logout").addEventListener("click", () => logout());
  $("#cap-filter").addEventListener("input", applyFilter);
  for (const button of document.querySelectorAll("#tabs button")) {
    button.addEventListener("click", () => openTab(button.dataset.tab));
  }
  // A stored token, or a node without a secret (every caller is the local admin): no form.
  start().catch((error) => {
    state.token = null;
    showLogin();
    if (error.status !== 401) $("#login-error").textContent = String(error.message);
  });
});
