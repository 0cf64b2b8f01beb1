// The explorer page's script: renders GraphiQL (from the React, ReactDOM and GraphiQL globals the
// page loaded before this file) with a fetcher that posts to this gateway with the bearer token
// from the field above it. Plain browser JavaScript with no build step, served as a file so the
// page needs no inline script under its Content-Security-Policy.
(function () {
  'use strict';

  // The token lives for the browser tab only: sessionStorage, never localStorage, never a cookie.
  var TOKEN_KEY = 'iag-explorer-token';

  // The country brief of README.md, kept identical to it (a test compares them).
  var DEFAULT_QUERY =
    '# The country brief: one request, four agencies (State, partners, DHS, CISA).\n' +
    '# In development, pick a persona above; otherwise paste a bearer token. Run with Ctrl-Enter.\n' +
    `{ country(code: "NL") { name
    organizations { name kind maturity { level } }
    engagements(first: 10) { edges { node { title leadAgency startsOn } } }
    dependencies(first: 20) { edges { node { criticality asset { name operator { name } } sector { name } } } }
    threatProducts(first: 10) { edges { node { trackingId tlp deliveries { recipient { name } acknowledgedAt } } } } } }
`;

  var tokenInput = document.getElementById('iag-token');
  var showButton = document.getElementById('iag-token-show');
  var applyButton = document.getElementById('iag-token-apply');
  var personaSelect = document.getElementById('iag-persona'); // development mode only
  var statusLine = document.getElementById('iag-status');
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));

  var token = sessionStorage.getItem(TOKEN_KEY) || '';
  tokenInput.value = token;

  function say(text, isError) {
    statusLine.textContent = text;
    if (isError) statusLine.setAttribute('data-error', '');
    else statusLine.removeAttribute('data-error');
  }

  // Shows who the token claims to be; the gateway, not this page, decides whether to believe it.
  function describe(value) {
    if (!value) return 'Anonymous: public data only';
    try {
      var payload = JSON.parse(atob(value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      var expires = payload.exp ? ', expires ' + new Date(payload.exp * 1000).toLocaleTimeString() : '';
      return 'Token for ' + (payload.sub || 'unknown subject') + expires;
    } catch (error) {
      return 'Token set (not a readable JWT)';
    }
  }

  // A new fetcher per token: GraphiQL re-runs introspection whenever its fetcher changes, so docs
  // and autocomplete follow the caller (production answers introspection to authenticated callers only).
  function fetcherFor(currentToken) {
    return async function fetcher(params, options) {
      var headers = Object.assign({}, options && options.headers, {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      });
      if (currentToken) headers.authorization = 'Bearer ' + currentToken;
      var response = await fetch('/graphql', {
        method: 'POST',
        headers: headers,
        body: JSON.stringify(params),
        credentials: 'omit',
      });
      var text = await response.text();
      try {
        return JSON.parse(text);
      } catch (error) {
        throw new Error('The gateway answered ' + response.status + ' with a body that is not JSON');
      }
    };
  }

  function render() {
    root.render(
      React.createElement(GraphiQL, {
        fetcher: fetcherFor(token),
        defaultQuery: DEFAULT_QUERY,
        // The token field is the place for credentials; persisted headers would copy them to localStorage.
        shouldPersistHeaders: false,
        onSchemaChange: function () {
          document.body.setAttribute('data-schema', 'loaded');
        },
      }),
    );
  }

  function applyToken(value) {
    token = value.trim().replace(/^Bearer\s+/i, '');
    tokenInput.value = token;
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
    document.body.removeAttribute('data-schema');
    say(describe(token));
    render();
  }

  applyButton.addEventListener('click', function () {
    applyToken(tokenInput.value);
  });
  tokenInput.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') applyToken(tokenInput.value);
  });
  showButton.addEventListener('click', function () {
    var hidden = tokenInput.type === 'password';
    tokenInput.type = hidden ? 'text' : 'password';
    showButton.textContent = hidden ? 'Hide' : 'Show';
    showButton.setAttribute('aria-pressed', String(hidden));
  });

  if (personaSelect) {
    personaSelect.addEventListener('change', async function () {
      var persona = personaSelect.value;
      if (!persona) return;
      say('Fetching a development token for ' + persona + '…');
      try {
        var response = await fetch('/explorer/dev-token?persona=' + encodeURIComponent(persona), { credentials: 'omit' });
        var body = await response.json();
        if (!response.ok) throw new Error((body.errors && body.errors[0].message) || 'HTTP ' + response.status);
        applyToken(body.token || '');
        say(persona + ': ' + describe(token));
      } catch (error) {
        say('Could not get a token for ' + persona + ': ' + error.message, true);
      }
    });
  }

  say(describe(token));
  render();
})();
