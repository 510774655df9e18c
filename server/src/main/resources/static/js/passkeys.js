// Passkeys (WebAuthn) against Spring Security's endpoints: register one, log in with one. No inline script: the
// strict Content-Security-Policy forbids it; buttons are found by id.
(function () {
  "use strict";

  function b64urlEncode(buffer) {
    var bytes = new Uint8Array(buffer), s = "";
    for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
    return btoa(s).replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
  }

  function b64urlDecode(text) {
    var s = atob(text.replace(/-/g, "+").replace(/_/g, "/")), bytes = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) { bytes[i] = s.charCodeAt(i); }
    return bytes.buffer;
  }

  function csrf() {
    var holder = document.getElementById("passkeys");
    var h = { "Content-Type": "application/json" };
    if (holder) { h[holder.getAttribute("data-csrf-header")] = holder.getAttribute("data-csrf"); }
    return h;
  }

  function post(url, body) {
    return fetch(url, { method: "POST", headers: csrf(), body: body ? JSON.stringify(body) : undefined, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status + " " + url); } return r.json(); });
  }

  function logIn() {
    return post("/webauthn/authenticate/options").then(function (options) {
      options.challenge = b64urlDecode(options.challenge);
      options.allowCredentials = (options.allowCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: b64urlDecode(c.id) });
      });
      return navigator.credentials.get({ publicKey: options });
    }).then(function (cred) {
      var r = cred.response;
      return post("/login/webauthn", {
        id: cred.id, rawId: b64urlEncode(cred.rawId), credType: cred.type,
        response: {
          authenticatorData: b64urlEncode(r.authenticatorData), clientDataJSON: b64urlEncode(r.clientDataJSON),
          signature: b64urlEncode(r.signature), userHandle: r.userHandle ? b64urlEncode(r.userHandle) : undefined
        },
        clientExtensionResults: cred.getClientExtensionResults(), authenticatorAttachment: cred.authenticatorAttachment
      });
    }).then(function (answer) {
      if (!answer || !answer.authenticated) { throw new Error("not authenticated"); }
      window.location.href = "/login/factor";
    });
  }

  function register(label) {
    return post("/webauthn/register/options").then(function (options) {
      options.challenge = b64urlDecode(options.challenge);
      options.user = Object.assign({}, options.user, { id: b64urlDecode(options.user.id) });
      options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: b64urlDecode(c.id) });
      });
      return navigator.credentials.create({ publicKey: options });
    }).then(function (cred) {
      var r = cred.response;
      return post("/webauthn/register", { publicKey: { label: label, credential: {
        id: cred.id, rawId: b64urlEncode(cred.rawId), type: cred.type,
        response: {
          attestationObject: b64urlEncode(r.attestationObject), clientDataJSON: b64urlEncode(r.clientDataJSON),
          transports: r.getTransports ? r.getTransports() : []
        },
        clientExtensionResults: cred.getClientExtensionResults(), authenticatorAttachment: cred.authenticatorAttachment
      } } });
    }).then(function (answer) {
      if (!answer || !answer.success) { throw new Error("not registered"); }
    });
  }

  function failed(err) {
    if (window.console) { console.error(err); }
    var box = document.getElementById("passkey-error");
    if (box) { box.hidden = false; }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var login = document.getElementById("passkey-login");
    if (login) {
      if (!window.PublicKeyCredential) { login.hidden = true; }
      login.addEventListener("click", function () { logIn().catch(failed); });
    }
    var create = document.getElementById("passkey-register");
    if (create) {
      create.addEventListener("click", function () {
        var label = (document.getElementById("passkey-label").value || "").trim() || "passkey";
        // once registered, the passkey logs the user in: it is both factors
        register(label).then(logIn).catch(failed);
      });
    }
  });
})();
