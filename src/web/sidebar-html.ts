/**
 * The papers sidebar page. Plain HTML and script (no build step, no library): it runs in
 * Apps Script's sandboxed iframe and, offline, under `clerk serve`, talking to the server only
 * through google.script.run. Every value from the server is put in as text, never as HTML.
 */
export const SIDEBAR_HTML = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<base target="_blank">
<meta charset="utf-8">
<title>Papers</title>
<style>
body{font-family:Arial,sans-serif;font-size:13px;margin:12px;color:#202124}
h1{font-size:16px;margin:0 0 8px}
label{display:block;font-weight:bold;margin:8px 0 4px}
select,button{font:inherit}
select{width:100%;padding:4px}
table{border-collapse:collapse;width:100%;margin-top:10px}
caption{text-align:left;font-weight:bold;padding:4px 0}
th,td{border-bottom:1px solid #dadce0;padding:5px 4px;text-align:left;vertical-align:top}
.state{display:inline-block;border-radius:8px;padding:0 6px;font-size:12px;background:#e8eaed}
.state.published{background:#ceead6}
.state.edited{background:#fce8b2}
.state.not{background:#fad2cf}
.actions{display:flex;flex-wrap:wrap;gap:6px;margin-top:12px}
button{padding:5px 10px;border:1px solid #1a73e8;background:#1a73e8;color:#fff;border-radius:4px;cursor:pointer}
button.secondary{background:#fff;color:#1a73e8}
button:disabled{opacity:.5;cursor:wait}
#status{min-height:1.4em;margin-top:10px}
#status.error{color:#b3261e;font-weight:bold}
#preview{white-space:pre-wrap;background:#f1f3f4;padding:8px;margin-top:8px}
</style>
</head>
<body>
<h1>Papers</h1>
<label for="meeting">Meeting</label>
<select id="meeting"><option>Loading…</option></select>
<table id="papers"><caption>Papers of this meeting</caption>
<thead><tr><th scope="col">Paper</th><th scope="col">State</th><th scope="col">Open</th></tr></thead>
<tbody></tbody></table>
<div class="actions">
<button id="make-agenda" type="button">Make agenda pack</button>
<button id="make-minutes" type="button" class="secondary">Make minutes</button>
<button id="publish" type="button" class="secondary">Publish</button>
<button id="preview-send" type="button" class="secondary">Send…</button>
</div>
<div id="status" role="status" aria-live="polite"></div>
<div id="send-box" hidden>
<div id="preview"></div>
<div class="actions"><button id="send" type="button">Send now</button><button id="cancel-send" type="button" class="secondary">Cancel</button></div>
</div>
<script>
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var buttons = ['make-agenda', 'make-minutes', 'publish', 'preview-send', 'send', 'cancel-send'];
  function say(text, error) {
    $('status').textContent = text || '';
    $('status').className = error ? 'error' : '';
  }
  function busy(on) {
    buttons.forEach(function (b) { $(b).disabled = on; });
    $('meeting').disabled = on;
  }
  function call(name, args, working, done) {
    busy(true);
    say(working);
    var run = google.script.run
      .withSuccessHandler(function (v) { busy(false); say(''); done(v); })
      .withFailureHandler(function (e) { busy(false); say((e && e.message) || String(e), true); });
    run[name].apply(run, args);
  }
  function cell(row, text) {
    var td = document.createElement('td');
    if (text !== undefined) td.textContent = text;
    row.appendChild(td);
    return td;
  }
  function link(td, href, text) {
    if (!href) return;
    var a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    a.rel = 'noopener';
    td.appendChild(a);
    td.appendChild(document.createTextNode(' '));
  }
  function showPapers(papers) {
    var body = $('papers').tBodies[0];
    body.textContent = '';
    papers.forEach(function (p) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-paper', p.key);
      cell(tr, p.title);
      var st = document.createElement('span');
      st.className = 'state ' + p.state.split(' ')[0];
      st.textContent = p.state;
      st.title = p.detail;
      cell(tr).appendChild(st);
      var open = cell(tr);
      link(open, p.url, 'Doc');
      link(open, p.publishedUrl, 'PDF');
      body.appendChild(tr);
    });
  }
  function current() { return $('meeting').value; }
  function load() {
    $('send-box').hidden = true;
    call('sidebarPapers', [current()], 'Reading the papers…', showPapers);
  }
  $('meeting').addEventListener('change', load);
  $('make-agenda').addEventListener('click', function () {
    call('sidebarMake', [current(), 'agenda'], 'Making the agenda pack…', function (p) { showPapers(p); say('Agenda pack made.'); });
  });
  $('make-minutes').addEventListener('click', function () {
    call('sidebarMake', [current(), 'minutes'], 'Making the minutes draft…', function (p) { showPapers(p); say('Minutes draft made.'); });
  });
  $('publish').addEventListener('click', function () {
    call('sidebarPublish', [current()], 'Publishing…', function (r) {
      showPapers(r.papers);
      say(['Published.'].concat(r.notes).join(' '));
    });
  });
  $('preview-send').addEventListener('click', function () {
    call('sidebarSendPreview', [current()], 'Working out who gets what…', function (text) {
      $('preview').textContent = text;
      $('send-box').hidden = false;
      $('send').hidden = /^Nothing to send/.test(text);
    });
  });
  $('cancel-send').addEventListener('click', function () { $('send-box').hidden = true; });
  $('send').addEventListener('click', function () {
    call('sidebarSend', [current()], 'Sending…', function (msg) { $('send-box').hidden = true; say(msg); load(); });
  });
  call('sidebarMeetings', [], 'Reading the meetings…', function (meetings) {
    var sel = $('meeting');
    sel.textContent = '';
    if (!meetings.length) { say('No meetings on the Meetings tab yet.', true); return; }
    meetings.forEach(function (m) {
      var o = document.createElement('option');
      o.value = m.date;
      o.textContent = (m.upcoming ? '' : 'Past: ') + m.label;
      sel.appendChild(o);
    });
    load();
  });
})();
</script>
</body>
</html>
`;
