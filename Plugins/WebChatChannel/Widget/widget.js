/*
 * The gateway's web chat widget: docs/WEBCHAT_PROTOCOL.md, version 1.
 *
 * One self-contained script. The gateway serves it at /chat/{channelId}/widget.js with the
 * channel's configuration filled in below, and a page embeds it with
 *
 *   <script src="https://gateway.example/chat/{channelId}/widget.js" async></script>
 *
 * It draws a launcher button and a chat panel inside an open shadow root (the page's CSS and
 * the widget's never meet) and speaks the JSON protocol over one WebSocket per tab. Message
 * text only ever reaches the DOM as text nodes.
 *
 * Hooks for tests (attribute data-ocg): root (the shadow host), launcher, panel, close, status,
 * messages, message (with data-role and data-seq), text, typing, quick-replies, quick-reply,
 * input, send. Script API: window.OmnichannelChat.open(), .close(), .send(text), .identify({…}).
 */
(function () {
  "use strict";

  const CONFIG = __OCG_CONFIG__;

  const PROTOCOL_VERSION = 1;
  const PING_EVERY_MS = 25000;
  const SILENT_SOCKET_MS = 70000; // nothing heard for this long (not even a pong): the socket is dead
  const BACKOFF_FIRST_MS = 1000;
  const BACKOFF_CAP_MS = 15000;
  const TYPING_IDLE_MS = 3000; // the visitor's "stop" after this long without a keystroke
  const TYPING_REPEAT_MS = 5000; // "start" again at most this often while typing goes on
  const ASSISTANT_TYPING_MAX_MS = 60000; // hide a "start" that never got its message or "stop"
  const UNAVAILABLE_RETRY_MS = 3000;
  const ROLES = ["visitor", "assistant", "agent"];

  const settings = readSettings(CONFIG);
  if (!settings) return;
  const loaded = (window.__ocgWebChatChannels = window.__ocgWebChatChannels || {});
  if (loaded[settings.channelId]) return; // the page embeds the script twice
  loaded[settings.channelId] = true;

  // document.currentScript is only set while this script first runs: capture it now.
  const socketURL = socketURLFrom(widgetSource(settings), settings.socketPath);
  const store = localStore("ocg-webchat:" + settings.channelId + ":");

  const state = {
    wanted: false, // a connection should exist (the panel was opened, or a session is stored)
    socket: null,
    connected: false, // the current socket has its session
    everConnected: false,
    unloading: false,
    attempts: 0,
    reconnectTimer: 0,
    pingTimer: 0,
    lastHeardAt: 0,
    visitorId: null,
    newVisitorExpected: false, // invalid_token came: the next session is someone else
    sentLastSeq: 0,
    sessionLastSeq: 0,
    resyncAfter: null, // a gap was seen after this seq: the next hello asks from there
    highestSeq: 0,
    entries: new Map(), // seq -> message element
    own: new Map(), // clientMessageId -> element of a message typed in this tab
    pending: new Map(), // clientMessageId -> {id, text, node, inFlight, retryTimer}
    lastSentId: null,
    pendingIdentity: null,
    ackTimer: 0,
    deliveredSeq: 0,
    readSeq: Number(store.get("read")) || 0,
    unread: 0,
    typingSent: false,
    typingSentAt: 0,
    typingIdleTimer: 0,
    assistantTypingTimer: 0,
    open: false,
  };

  const quickRepliesOf = new WeakMap(); // message element -> its entry's quickReplies
  let view = null;

  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start, { once: true });

  // MARK: configuration and endpoint

  function readSettings(raw) {
    if (!raw || typeof raw !== "object" || typeof raw.channelId !== "string" || raw.channelId === "") {
      console.error("[webchat] no configuration: load the widget from the gateway's /chat/{channelId}/widget.js");
      return null;
    }
    if (raw.protocolVersion !== undefined && raw.protocolVersion !== PROTOCOL_VERSION) {
      console.warn("[webchat] the gateway speaks protocol version " + raw.protocolVersion + "; this widget speaks " + PROTOCOL_VERSION);
    }
    return {
      channelId: raw.channelId,
      title: nonEmptyString(raw.title, "Chat"),
      primaryColor: cssColor(raw.primaryColor, "#2f5bea"),
      primaryTextColor: cssColor(raw.primaryTextColor, "#ffffff"),
      position: raw.position === "left" ? "left" : "right",
      socketPath: nonEmptyString(raw.socketPath, "/chat/" + encodeURIComponent(raw.channelId) + "/socket"),
      placeholder: nonEmptyString(raw.placeholder, "Type your message…"),
      maxMessageChars: Number.isInteger(raw.maxMessageChars) && raw.maxMessageChars > 0 ? raw.maxMessageChars : 0,
    };
  }

  function nonEmptyString(value, fallback) {
    return typeof value === "string" && value.trim() !== "" ? value : fallback;
  }

  function cssColor(value, fallback) {
    const supported = typeof value === "string" && window.CSS && CSS.supports && CSS.supports("color", value);
    return supported ? value : fallback;
  }

  /** The URL this script was loaded from; the gateway that serves it also serves the socket. */
  function widgetSource(config) {
    const current = document.currentScript;
    if (current && current.src) return current.src;
    const widgetPath = config.socketPath.replace(/\/socket$/, "/widget.js");
    for (const script of document.querySelectorAll("script[src]")) {
      if (pathOf(script.src).endsWith(widgetPath)) return script.src;
    }
    return location.href;
  }

  function pathOf(url) {
    try {
      return new URL(url, location.href).pathname;
    } catch (error) {
      return "";
    }
  }

  /** ws(s)://gateway[/prefix]/chat/{channelId}/socket, keeping any path the gateway is mounted under. */
  function socketURLFrom(source, socketPath) {
    const url = new URL(source, location.href);
    const widgetPath = socketPath.replace(/\/socket$/, "/widget.js");
    const prefix = url.pathname.endsWith(widgetPath) ? url.pathname.slice(0, -widgetPath.length) : "";
    return (url.protocol === "https:" ? "wss://" : "ws://") + url.host + prefix + socketPath;
  }

  /** localStorage under one prefix; memory only where storage is off (private modes, sandboxes). */
  function localStore(prefix) {
    const memory = new Map();
    let storage = null;
    try {
      storage = window.localStorage;
      storage.getItem(prefix);
    } catch (error) {
      storage = null;
    }
    return {
      get(key) {
        try {
          if (storage) return storage.getItem(prefix + key);
        } catch (error) {
          // fall through to memory
        }
        return memory.has(key) ? memory.get(key) : null;
      },
      set(key, value) {
        memory.set(key, String(value));
        try {
          if (storage) storage.setItem(prefix + key, String(value));
        } catch (error) {
          // quota or privacy settings: memory keeps it for this page
        }
      },
      remove(key) {
        memory.delete(key);
        try {
          if (storage) storage.removeItem(prefix + key);
        } catch (error) {
          // nothing stored
        }
      },
    };
  }

  // MARK: start and page lifecycle

  function start() {
    view = buildView();
    document.body.appendChild(view.host);
    window.OmnichannelChat = {
      open: openPanel,
      close: closePanel,
      toggle: () => (state.open ? closePanel() : openPanel()),
      send: (text) => sendText(String(text)),
      identify: identify,
    };
    window.addEventListener("pagehide", () => {
      state.unloading = true;
      dropSocket(1000);
    });
    window.addEventListener("pageshow", (event) => {
      if (!event.persisted) return; // restored from the back-forward cache
      state.unloading = false;
      if (state.wanted) connectSoon(true);
    });
    window.addEventListener("online", () => {
      if (state.wanted && !state.socket) connectSoon(true);
    });
    window.addEventListener("offline", renderStatus);
    document.addEventListener("visibilitychange", scheduleAcks);
    // A returning visitor reconnects at once (replies that came while away, unread badge);
    // a new one only when the panel first opens, so page views alone create no visitors.
    if (store.get("token")) want();
  }

  function want() {
    state.wanted = true;
    if (!state.socket && !state.reconnectTimer) connect();
  }

  // MARK: the panel

  function openPanel() {
    if (state.open) return;
    state.open = true;
    view.root.classList.add("open");
    view.panel.hidden = false;
    view.launcher.setAttribute("aria-expanded", "true");
    if (state.reconnectTimer) {
      // The visitor is here now: try at once rather than at the end of the backoff.
      clearTimeout(state.reconnectTimer);
      state.reconnectTimer = 0;
    }
    want();
    renderStatus();
    scrollToEnd();
    view.input.focus({ preventScroll: true });
    scheduleAcks();
  }

  function closePanel() {
    if (!state.open) return;
    state.open = false;
    stopTyping();
    view.root.classList.remove("open");
    view.panel.hidden = true;
    view.launcher.setAttribute("aria-expanded", "false");
    view.launcher.focus({ preventScroll: true });
  }

  function seenByVisitor() {
    return state.open && document.visibilityState === "visible";
  }

  // MARK: the connection

  function connect() {
    if (state.unloading) return;
    let socket;
    try {
      socket = new WebSocket(socketURL);
    } catch (error) {
      console.error("[webchat] cannot open " + socketURL, error);
      return;
    }
    state.socket = socket;
    state.connected = false;
    renderStatus();
    socket.onopen = () => {
      if (state.socket !== socket) return;
      state.lastHeardAt = Date.now();
      sendHello();
      state.pingTimer = setInterval(keepAlive, PING_EVERY_MS);
    };
    socket.onmessage = (event) => {
      if (state.socket !== socket) return;
      state.lastHeardAt = Date.now();
      receive(event.data);
    };
    socket.onclose = (event) => {
      if (state.socket !== socket) return;
      if (event.code === 1009) failLastSent("Not sent: the message is too long.");
      dropSocket();
      connectSoon(false);
    };
  }

  /** Forgets the current socket (closing it if still open) without planning a reconnect. */
  function dropSocket(code) {
    const socket = state.socket;
    state.socket = null;
    state.connected = false;
    clearInterval(state.pingTimer);
    state.pingTimer = 0;
    state.typingSent = false;
    for (const item of state.pending.values()) item.inFlight = false;
    hideAssistantTyping();
    if (socket && socket.readyState <= WebSocket.OPEN) socket.close(code || 1000);
    if (view) renderStatus();
  }

  /** Reconnects after exponential backoff with jitter (or at once), unless the page is going away. */
  function connectSoon(immediately) {
    if (!state.wanted || state.unloading || state.socket || state.reconnectTimer) return;
    if (navigator.onLine === false) return renderStatus(); // the "online" event reconnects
    if (immediately) state.attempts = 0;
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_FIRST_MS * 2 ** state.attempts);
    const delay = immediately ? 0 : ceiling / 2 + Math.random() * (ceiling / 2);
    state.attempts += 1;
    state.reconnectTimer = setTimeout(() => {
      state.reconnectTimer = 0;
      connect();
    }, delay);
    renderStatus();
  }

  function reconnectNow() {
    dropSocket();
    connect();
  }

  function keepAlive() {
    if (Date.now() - state.lastHeardAt > SILENT_SOCKET_MS) {
      dropSocket();
      connectSoon(true);
      return;
    }
    transmit({ type: "ping" });
  }

  function transmit(frame) {
    const socket = state.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  function sendHello() {
    const lastSeq = state.resyncAfter === null ? state.highestSeq : Math.min(state.resyncAfter, state.highestSeq);
    state.resyncAfter = null;
    state.sentLastSeq = lastSeq;
    const hello = { type: "hello", lastSeq: lastSeq };
    const token = store.get("token");
    if (token) hello.token = token;
    transmit(hello);
  }

  function receive(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch (error) {
      return;
    }
    if (!frame || typeof frame.type !== "string") return;
    switch (frame.type) {
      case "session":
        return receiveSession(frame);
      case "message":
        return receiveEntry(frame);
      case "accepted":
        return receiveAccepted(frame);
      case "typing":
        return receiveTyping(frame);
      case "error":
        return receiveError(frame);
      case "identified":
        return view.host.dispatchEvent(new CustomEvent("ocg:identified", { detail: frame }));
      default:
        return; // pong, and types of later versions
    }
  }

  function receiveSession(frame) {
    if (typeof frame.token === "string" && frame.token !== "") store.set("token", frame.token);
    const visitorId = typeof frame.visitorId === "string" ? frame.visitorId : null;
    const otherVisitor = state.newVisitorExpected || (state.visitorId !== null && visitorId !== null && visitorId !== state.visitorId);
    state.newVisitorExpected = false;
    state.visitorId = visitorId;
    if (otherVisitor) {
      // A new conversation: the one shown belongs to a token the gateway no longer trusts.
      clearConversation();
      if (state.sentLastSeq > 0) return reconnectNow(); // ask again with lastSeq 0
    }
    state.connected = true;
    state.everConnected = true;
    state.attempts = 0;
    state.sessionLastSeq = Number(frame.lastSeq) || 0;
    renderStatus();
    for (const item of state.pending.values()) sendPending(item);
    if (state.pendingIdentity) transmit(state.pendingIdentity);
    state.pendingIdentity = null;
  }

  // MARK: entries of the conversation

  function receiveEntry(frame) {
    const seq = Number(frame.seq);
    if (!Number.isInteger(seq) || seq < 1) return;
    if (state.entries.has(seq)) {
      // Already shown (a replay, or the echo of a message `accepted` placed): not twice.
      state.highestSeq = Math.max(state.highestSeq, seq);
      return;
    }
    const live = state.connected && state.highestSeq >= state.sessionLastSeq && state.highestSeq > 0;
    if (live && seq > state.highestSeq + 1 && !state.entries.has(state.highestSeq + 1)) {
      state.resyncAfter = state.highestSeq; // entries went missing: the next hello asks again
    }
    const role = ROLES.indexOf(frame.role) >= 0 ? frame.role : "assistant";
    const text = typeof frame.text === "string" ? frame.text : "";
    const clientMessageId = typeof frame.clientMessageId === "string" ? frame.clientMessageId : null;
    let node = role === "visitor" && clientMessageId ? state.own.get(clientMessageId) : undefined;
    if (node) settle(clientMessageId);
    else node = messageElement(role, text);
    setTime(node, frame.sentAt);
    if (Array.isArray(frame.quickReplies)) quickRepliesOf.set(node, frame.quickReplies);
    record(node, seq);
    if (role !== "visitor") {
      hideAssistantTyping();
      if (seq > state.readSeq && !seenByVisitor()) state.unread += 1;
      renderLauncher();
    }
    renderQuickReplies();
    scheduleAcks();
    if (state.resyncAfter !== null && live) reconnectNow();
  }

  /** Shows `node` as entry `seq`, in order of seq; messages still pending stay below. */
  function record(node, seq) {
    const nearEnd = isNearEnd();
    node.dataset.seq = String(seq);
    state.entries.set(seq, node);
    state.highestSeq = Math.max(state.highestSeq, seq);
    let before = null;
    for (const other of view.messages.children) {
      if (other !== node && (other.dataset.seq === undefined || Number(other.dataset.seq) > seq)) {
        before = other;
        break;
      }
    }
    if (node.parentNode !== view.messages || node.nextSibling !== before) view.messages.insertBefore(node, before);
    if (nearEnd) scrollToEnd();
  }

  function clearConversation() {
    for (const node of state.entries.values()) node.remove();
    for (const [clientMessageId] of state.own) {
      if (!state.pending.has(clientMessageId)) state.own.delete(clientMessageId);
    }
    state.entries.clear();
    state.highestSeq = 0;
    state.deliveredSeq = 0;
    state.readSeq = 0;
    state.unread = 0;
    store.remove("read");
    renderQuickReplies();
    renderLauncher();
  }

  // MARK: sending

  function sendText(raw) {
    const text = raw.trim();
    if (text === "") return null;
    const id = "c_" + Date.now().toString(36) + "_" + randomHex(6);
    const node = messageElement("visitor", text);
    node.classList.add("pending");
    setTime(node, null);
    setNote(node, "Sending…");
    state.own.set(id, node);
    const item = { id: id, text: text, node: node, inFlight: false, retryTimer: 0 };
    state.pending.set(id, item);
    view.messages.appendChild(node);
    scrollToEnd();
    stopTyping();
    renderQuickReplies();
    want();
    if (state.connected) sendPending(item);
    return id;
  }

  function sendPending(item) {
    if (item.inFlight || item.retryTimer || !state.connected) return;
    item.inFlight = transmit({ type: "message", clientMessageId: item.id, text: item.text });
    if (item.inFlight) state.lastSentId = item.id;
  }

  function receiveAccepted(frame) {
    const clientMessageId = frame.clientMessageId;
    const node = state.own.get(clientMessageId);
    if (!node) return;
    settle(clientMessageId);
    const seq = Number(frame.seq);
    if (Number.isInteger(seq) && seq > 0 && node.dataset.seq === undefined && !state.entries.has(seq)) record(node, seq);
  }

  /** The gateway has the message: it is no longer pending. */
  function settle(clientMessageId) {
    const item = state.pending.get(clientMessageId);
    if (!item) return;
    clearTimeout(item.retryTimer);
    state.pending.delete(clientMessageId);
    item.node.classList.remove("pending");
    setNote(item.node, "");
    renderQuickReplies();
  }

  /** The gateway refused the message for good. */
  function fail(clientMessageId, note) {
    const item = state.pending.get(clientMessageId);
    if (!item) return;
    settle(clientMessageId);
    item.node.classList.add("failed");
    setNote(item.node, note);
  }

  function failLastSent(note) {
    if (state.lastSentId) fail(state.lastSentId, note);
  }

  function retryLater(clientMessageId, seconds, note) {
    const item = state.pending.get(clientMessageId);
    if (!item) return;
    item.inFlight = false;
    clearTimeout(item.retryTimer);
    setNote(item.node, note);
    item.retryTimer = setTimeout(() => {
      item.retryTimer = 0;
      setNote(item.node, "Sending…");
      sendPending(item);
    }, seconds * 1000);
  }

  function receiveError(frame) {
    const id = typeof frame.clientMessageId === "string" ? frame.clientMessageId : null;
    switch (frame.code) {
      case "invalid_token":
        store.remove("token");
        state.newVisitorExpected = true;
        return;
      case "rate_limited": {
        const seconds = Math.max(1, Number(frame.retryAfter) || 10);
        return retryLater(id, seconds, "Too many messages: sending again in " + Math.ceil(seconds) + " s…");
      }
      case "unavailable":
        return retryLater(id, UNAVAILABLE_RETRY_MS / 1000, "Sending again shortly…");
      case "message_too_long":
        return fail(id, "Not sent: the message is too long.");
      case "empty_message":
        return fail(id, "Not sent: the message is empty.");
      case "invalid_message_id":
        return fail(id, "Not sent.");
      default:
        console.warn("[webchat] " + frame.code + (frame.message ? ": " + frame.message : ""));
    }
  }

  function identify(fields) {
    const frame = { type: "identify" };
    for (const key of ["email", "phone", "name"]) {
      if (fields && typeof fields[key] === "string" && fields[key] !== "") frame[key] = fields[key];
    }
    if (state.connected) transmit(frame);
    else {
      state.pendingIdentity = frame;
      want();
    }
  }

  // MARK: receipts and typing

  function scheduleAcks() {
    if (!state.ackTimer) state.ackTimer = setTimeout(sendAcks, 200);
  }

  function sendAcks() {
    state.ackTimer = 0;
    if (!state.connected) return;
    const seq = state.highestSeq;
    if (seq > state.deliveredSeq && transmit({ type: "ack", seq: seq, status: "delivered" })) state.deliveredSeq = seq;
    if (seenByVisitor() && seq > state.readSeq && transmit({ type: "ack", seq: seq, status: "read" })) {
      state.readSeq = seq;
      store.set("read", seq);
    }
    if (seenByVisitor() && state.unread > 0) {
      state.unread = 0;
      renderLauncher();
    }
  }

  function visitorTyped() {
    if (!state.connected) return;
    if (view.input.value.trim() === "") return stopTyping();
    const now = Date.now();
    if (!state.typingSent || now - state.typingSentAt > TYPING_REPEAT_MS) {
      state.typingSent = transmit({ type: "typing", state: "start" });
      state.typingSentAt = now;
    }
    clearTimeout(state.typingIdleTimer);
    state.typingIdleTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
  }

  function stopTyping() {
    clearTimeout(state.typingIdleTimer);
    if (state.typingSent) transmit({ type: "typing", state: "stop" });
    state.typingSent = false;
  }

  function receiveTyping(frame) {
    if (frame.role === "visitor") return; // another tab of this visitor
    if (frame.state === "start") {
      const nearEnd = isNearEnd();
      view.typing.hidden = false;
      if (nearEnd) scrollToEnd();
      clearTimeout(state.assistantTypingTimer);
      state.assistantTypingTimer = setTimeout(hideAssistantTyping, ASSISTANT_TYPING_MAX_MS);
    } else {
      hideAssistantTyping();
    }
  }

  function hideAssistantTyping() {
    clearTimeout(state.assistantTypingTimer);
    if (view) view.typing.hidden = true;
  }

  // MARK: rendering

  function renderStatus() {
    let text = "";
    let kind = "connected";
    if (!state.connected && state.wanted) {
      if (navigator.onLine === false) {
        kind = "offline";
        text = "You're offline. Messages will be sent when you're back online.";
      } else if (state.everConnected) {
        kind = "reconnecting";
        text = "Reconnecting…";
      } else {
        kind = "connecting";
        text = "Connecting…";
      }
    }
    view.status.dataset.state = kind;
    view.status.hidden = text === "";
    view.status.textContent = text;
  }

  function renderLauncher() {
    const unread = state.unread;
    view.badge.hidden = unread === 0;
    view.badge.textContent = unread > 9 ? "9+" : String(unread);
    const label = "Chat with " + settings.title;
    view.launcher.setAttribute("aria-label", unread ? label + " (" + unread + " unread)" : label);
  }

  /** Quick replies of the latest entry, unless the visitor has already answered. */
  function renderQuickReplies() {
    const latest = state.entries.get(state.highestSeq);
    const offered = latest && latest.dataset.role !== "visitor" && state.pending.size === 0;
    const replies = (offered && quickRepliesOf.get(latest)) || [];
    const buttons = [];
    for (const reply of replies) {
      if (!reply || typeof reply !== "object") continue;
      const title = nonEmptyString(reply.title, nonEmptyString(reply.payload, ""));
      const payload = nonEmptyString(reply.payload, title);
      if (title === "") continue;
      const button = element("button", { type: "button", class: "chip", "data-ocg": "quick-reply" }, [title]);
      button.addEventListener("click", () => {
        sendText(payload);
        view.input.focus({ preventScroll: true });
      });
      buttons.push(button);
    }
    const nearEnd = isNearEnd();
    view.quickReplies.replaceChildren(...buttons);
    view.quickReplies.hidden = buttons.length === 0;
    if (nearEnd) scrollToEnd();
  }

  function messageElement(role, text) {
    const speaker = role === "visitor" ? "You" : role === "agent" ? "Agent" : settings.title;
    const body = element("div", { class: "bubble", "data-ocg": "text" });
    appendLinkedText(body, text);
    const meta = element("div", { class: "meta" }, [element("time", { class: "time" }), element("span", { class: "note" })]);
    if (role === "agent") meta.prepend(element("span", { class: "who" }, ["Agent"]));
    return element("div", { class: "msg", "data-ocg": "message", "data-role": role }, [
      element("span", { class: "sr-only" }, [speaker + ": "]),
      body,
      meta,
    ]);
  }

  /** Text as text nodes; http(s) URLs become links. Never parsed as HTML. */
  function appendLinkedText(target, text) {
    const pattern = /\bhttps?:\/\/[^\s<>"']+/gi;
    let last = 0;
    let match;
    while ((match = pattern.exec(text)) !== null) {
      const url = match[0].replace(/[.,;:!?)\]}]+$/, "");
      target.append(text.slice(last, match.index));
      target.append(element("a", { href: url, target: "_blank", rel: "noopener noreferrer nofollow" }, [url]));
      last = match.index + url.length;
      pattern.lastIndex = last;
    }
    target.append(text.slice(last));
  }

  function setTime(node, sentAt) {
    const date = sentAt ? new Date(sentAt) : new Date();
    if (isNaN(date.getTime())) return;
    const time = node.querySelector(".time");
    time.dateTime = date.toISOString();
    time.title = date.toLocaleString();
    time.textContent = date.toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
  }

  function setNote(node, note) {
    node.querySelector(".note").textContent = note;
  }

  function isNearEnd() {
    const scroller = view.scroller;
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
  }

  function scrollToEnd() {
    view.scroller.scrollTop = view.scroller.scrollHeight;
  }

  function randomHex(bytes) {
    const values = new Uint8Array(bytes);
    if (window.crypto && crypto.getRandomValues) crypto.getRandomValues(values);
    else for (let i = 0; i < bytes; i += 1) values[i] = Math.floor(Math.random() * 256);
    return Array.from(values, (value) => value.toString(16).padStart(2, "0")).join("");
  }

  // MARK: the DOM

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const name in attributes || {}) node.setAttribute(name, attributes[name]);
    for (const child of children || []) node.append(child); // strings become text nodes
    return node;
  }

  function icon(paths) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    for (const d of paths) {
      const path = document.createElementNS(ns, "path");
      path.setAttribute("d", d);
      svg.appendChild(path);
    }
    return svg;
  }

  function buildView() {
    // A custom element no page stylesheet targets; inline !important keeps page rules off it.
    const host = document.createElement("ocg-webchat");
    host.setAttribute("data-ocg", "root");
    host.setAttribute("data-channel", settings.channelId);
    host.style.setProperty("all", "initial", "important");
    const shadow = host.attachShadow({ mode: "open" });
    adoptStyles(shadow, stylesheet());

    const chatIcon = icon(["M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"]);
    chatIcon.classList.add("icon-chat");
    const downIcon = icon(["M6 9l6 6 6-6"]);
    downIcon.classList.add("icon-close");
    const badge = element("span", { class: "badge", "aria-hidden": "true", hidden: "" });
    const launcher = element(
      "button",
      { type: "button", class: "launcher", "data-ocg": "launcher", "aria-expanded": "false", "aria-controls": "ocg-panel" },
      [chatIcon, downIcon, badge],
    );

    const initial = (Array.from(settings.title.trim())[0] || "?").toUpperCase();
    const close = element("button", { type: "button", class: "close", "data-ocg": "close", "aria-label": "Close chat" }, [
      icon(["M6 6l12 12M18 6L6 18"]),
    ]);
    const header = element("header", { class: "header" }, [
      element("span", { class: "avatar", "aria-hidden": "true" }, [initial]),
      element("h2", { class: "title", id: "ocg-title" }, [settings.title]),
      close,
    ]);
    const status = element("div", { class: "status", "data-ocg": "status", role: "status", hidden: "" });
    const messages = element("div", {
      class: "messages",
      "data-ocg": "messages",
      role: "log",
      "aria-live": "polite",
      "aria-label": "Conversation with " + settings.title,
    });
    const typing = element("div", { class: "typing", "data-ocg": "typing", hidden: "" }, [
      element("span", { class: "dots", "aria-hidden": "true" }, [element("i"), element("i"), element("i")]),
      element("span", { class: "sr-only" }, [settings.title + " is typing…"]),
    ]);
    const quickReplies = element("div", { class: "quick", "data-ocg": "quick-replies", hidden: "" });
    const scroller = element("div", { class: "scroller" }, [messages, typing, quickReplies]);
    const input = element("textarea", {
      class: "input",
      "data-ocg": "input",
      rows: "1",
      placeholder: settings.placeholder,
      "aria-label": "Message",
      enterkeyhint: "send",
      autocomplete: "off",
    });
    if (settings.maxMessageChars) input.setAttribute("maxlength", String(settings.maxMessageChars));
    const send = element("button", { type: "submit", class: "send", "data-ocg": "send", "aria-label": "Send message", disabled: "" }, [
      icon(["M4 12l16-8-6 16-2.5-6.5L4 12z"]),
    ]);
    const composer = element("form", { class: "composer" }, [input, send]);
    const panel = element(
      "section",
      { class: "panel", id: "ocg-panel", "data-ocg": "panel", role: "dialog", "aria-labelledby": "ocg-title", hidden: "" },
      [header, status, scroller, composer],
    );
    const root = element("div", { class: "root " + settings.position }, [panel, launcher]);
    root.style.setProperty("--ocg-primary", settings.primaryColor);
    root.style.setProperty("--ocg-on-primary", settings.primaryTextColor);
    shadow.appendChild(root);

    launcher.addEventListener("click", () => (state.open ? closePanel() : openPanel()));
    close.addEventListener("click", closePanel);
    root.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && state.open) {
        event.stopPropagation();
        closePanel();
      }
    });
    composer.addEventListener("submit", (event) => {
      event.preventDefault();
      submit();
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit();
      }
    });
    input.addEventListener("input", () => {
      fitInput();
      send.disabled = input.value.trim() === "";
      visitorTyped();
    });

    const built = { host, root, launcher, badge, panel, status, scroller, messages, typing, quickReplies, input, send };
    view = built;
    renderLauncher();
    return built;
  }

  function submit() {
    if (sendText(view.input.value) === null) return;
    view.input.value = "";
    view.send.disabled = true;
    fitInput();
  }

  function fitInput() {
    const input = view.input;
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight + 2, 120) + "px";
  }

  /** Constructable stylesheets where available (a page's CSP for inline <style> does not apply). */
  function adoptStyles(shadow, css) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
    } catch (error) {
      const style = document.createElement("style");
      style.textContent = css;
      shadow.appendChild(style);
    }
  }

  /** The widget's stylesheet, scoped to its shadow root. Sizes are in px so that the page's
   * root font size cannot scale the widget. */
  function stylesheet() {
    return `
:host { all: initial; }
.root {
  --ocg-ink: #1d2127;
  --ocg-muted: #667080;
  --ocg-line: #e3e6eb;
  --ocg-surface: #f5f6f8;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ocg-ink);
  -webkit-font-smoothing: antialiased;
  -webkit-text-size-adjust: 100%;
  text-align: left;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
button, textarea { font: inherit; color: inherit; margin: 0; }
button { cursor: pointer; }
svg { width: 22px; height: 22px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }
.sr-only {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
:focus { outline: none; }
:focus-visible { outline: 3px solid var(--ocg-primary); outline-offset: 2px; }

.launcher {
  position: fixed; z-index: 2147483000; bottom: 20px; right: 20px;
  width: 60px; height: 60px; padding: 0; border: 0; border-radius: 50%;
  display: grid; place-items: center;
  background: var(--ocg-primary); color: var(--ocg-on-primary);
  box-shadow: 0 6px 18px rgba(16, 24, 40, .24), 0 2px 4px rgba(16, 24, 40, .12);
  transition: transform .15s ease, box-shadow .15s ease;
}
.left .launcher { right: auto; left: 20px; }
.launcher:hover { transform: translateY(-2px); box-shadow: 0 10px 24px rgba(16, 24, 40, .28); }
.launcher:focus-visible { outline-offset: 3px; }
.launcher svg { width: 28px; height: 28px; grid-area: 1 / 1; transition: transform .2s ease, opacity .2s ease; }
.launcher .icon-chat { fill: currentColor; stroke: none; }
.launcher .icon-close { opacity: 0; transform: rotate(-90deg); stroke-width: 2.5; }
.open .launcher .icon-chat { opacity: 0; transform: rotate(90deg); }
.open .launcher .icon-close { opacity: 1; transform: none; }
.badge {
  position: absolute; top: -2px; right: -2px; min-width: 22px; height: 22px; padding: 0 6px;
  border-radius: 11px; border: 2px solid #fff; background: #d92d20; color: #fff;
  font-size: 12px; font-weight: 700; line-height: 18px; text-align: center;
}

.panel {
  position: fixed; z-index: 2147483001; bottom: 96px; right: 20px;
  width: 380px; height: 620px; max-width: calc(100% - 40px); max-height: calc(100% - 116px);
  display: flex; flex-direction: column; overflow: hidden;
  background: #fff; border-radius: 18px;
  box-shadow: 0 16px 48px rgba(16, 24, 40, .22), 0 2px 8px rgba(16, 24, 40, .08);
  animation: ocg-open .2s ease-out;
}
.left .panel { right: auto; left: 20px; }
@keyframes ocg-open { from { opacity: 0; transform: translateY(12px) scale(.98); } }

.header {
  display: flex; align-items: center; gap: 12px; flex: none;
  padding: 14px 12px 14px 16px;
  background: var(--ocg-primary); color: var(--ocg-on-primary);
}
.avatar {
  flex: none; width: 38px; height: 38px; border-radius: 50%;
  display: grid; place-items: center; font-weight: 700; font-size: 17px;
  background: rgba(255, 255, 255, .2); box-shadow: inset 0 0 0 1px rgba(255, 255, 255, .35);
}
.title {
  flex: 1; min-width: 0; margin: 0; font-size: 17px; font-weight: 650; line-height: 1.3;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
}
.close {
  flex: none; width: 36px; height: 36px; padding: 0; border: 0; border-radius: 50%;
  display: grid; place-items: center; background: transparent; color: inherit;
}
.close:hover { background: rgba(255, 255, 255, .18); }
.close:focus-visible { outline-color: var(--ocg-on-primary); outline-offset: -3px; }

.status {
  flex: none; padding: 6px 16px; font-size: 13px; text-align: center;
  background: #f2f4f7; color: var(--ocg-muted); border-bottom: 1px solid var(--ocg-line);
  animation: ocg-appear .2s .6s both; /* a connection made at once never flashes it */
}
.status[data-state="offline"] { background: #fff4e5; color: #8a4b00; }
@keyframes ocg-appear { from { opacity: 0; } }

.scroller {
  flex: 1; min-height: 0; overflow-x: hidden; overflow-y: auto; overscroll-behavior: contain;
  padding: 18px 14px 8px; background: var(--ocg-surface);
}
.messages { display: flex; flex-direction: column; gap: 10px; }
.msg { display: flex; flex-direction: column; align-items: flex-start; max-width: 84%; min-width: 0; }
.msg[data-role="visitor"] { align-self: flex-end; align-items: flex-end; }
.bubble {
  max-width: 100%; padding: 9px 14px; border-radius: 18px 18px 18px 6px;
  background: #fff; color: var(--ocg-ink);
  box-shadow: 0 1px 2px rgba(16, 24, 40, .08);
  white-space: pre-wrap; overflow-wrap: anywhere;
}
.bubble a { color: inherit; text-decoration: underline; text-underline-offset: 2px; }
.msg[data-role="visitor"] .bubble {
  border-radius: 18px 18px 6px 18px;
  background: var(--ocg-primary); color: var(--ocg-on-primary); box-shadow: none;
}
.msg[data-role="agent"] .bubble { box-shadow: inset 3px 0 0 var(--ocg-primary), 0 1px 2px rgba(16, 24, 40, .08); }
.msg.pending .bubble { opacity: .72; }
.msg.failed .bubble { opacity: .55; }
.meta { display: flex; gap: 6px; margin: 4px 6px 0; font-size: 11.5px; line-height: 1.3; color: var(--ocg-muted); }
.who { font-weight: 600; }
.msg.failed .note { color: #b42318; }

.typing {
  display: inline-flex; margin-top: 10px; padding: 12px 14px;
  border-radius: 18px 18px 18px 6px; background: #fff; box-shadow: 0 1px 2px rgba(16, 24, 40, .08);
}
.dots { display: inline-flex; gap: 4px; }
.dots i { width: 7px; height: 7px; border-radius: 50%; background: #98a1ae; animation: ocg-dot 1.2s infinite ease-in-out; }
.dots i:nth-child(2) { animation-delay: .15s; }
.dots i:nth-child(3) { animation-delay: .3s; }
@keyframes ocg-dot { 0%, 60%, 100% { transform: none; opacity: .5; } 30% { transform: translateY(-4px); opacity: 1; } }

.quick { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 8px; margin-top: 12px; }
.chip {
  padding: 7px 14px; border: 1.5px solid var(--ocg-primary); border-radius: 18px;
  background: #fff; color: var(--ocg-primary); font-size: 14px; font-weight: 550; line-height: 1.25;
  transition: background .15s ease, color .15s ease;
}
.chip:hover { background: var(--ocg-primary); color: var(--ocg-on-primary); }

.composer {
  flex: none; display: flex; align-items: flex-end; gap: 8px; margin: 0;
  padding: 10px 12px 12px; border-top: 1px solid var(--ocg-line); background: #fff;
}
.input {
  flex: 1; min-width: 0; height: 42px; max-height: 120px; padding: 10px 14px;
  border: 1px solid #cfd4dc; border-radius: 21px; background: #fff;
  font-size: 15px; line-height: 20px; resize: none; overflow-y: auto;
}
.input::placeholder { color: #8a93a0; }
.input:focus { outline: none; border-color: var(--ocg-primary); box-shadow: 0 0 0 1px var(--ocg-primary); }
.send {
  flex: none; width: 42px; height: 42px; padding: 0; border: 0; border-radius: 50%;
  display: grid; place-items: center;
  background: var(--ocg-primary); color: var(--ocg-on-primary);
  transition: opacity .15s ease;
}
.send svg { width: 20px; height: 20px; fill: currentColor; stroke-width: 1.5; margin-left: -2px; }
.send:disabled { opacity: .4; cursor: default; }

@media (max-width: 480px) {
  .panel, .left .panel {
    top: 0; right: 0; bottom: 0; left: 0; width: 100%; height: 100%;
    max-width: none; max-height: none; border-radius: 0;
  }
  .open .launcher { display: none; }
  .header { padding-top: max(14px, env(safe-area-inset-top)); }
  .composer { padding-bottom: max(12px, env(safe-area-inset-bottom)); }
  .input { font-size: 16px; } /* below 16px, mobile Safari zooms the page on focus */
  .launcher { bottom: 16px; right: 16px; }
  .left .launcher { left: 16px; }
}
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; }
}
`;
  }
})();
