// The "Log lines" panel on Hangfire's job page. Every line is inserted with textContent, never as markup.
(function () {
    'use strict';
    var BASE_DELAY = 2000, MAX_DELAY = 16000;

    function el(tag, cls, text) {
        var node = document.createElement(tag);
        if (cls) { node.className = cls; }
        if (text !== undefined && text !== null) { node.textContent = text; }
        return node;
    }

    function pad(n, w) { n = String(n); while (n.length < w) { n = '0' + n; } return n; }

    function time(ms) {
        var d = new Date(ms);
        return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1, 2) + '-' + pad(d.getUTCDate(), 2) + ' ' +
            pad(d.getUTCHours(), 2) + ':' + pad(d.getUTCMinutes(), 2) + ':' + pad(d.getUTCSeconds(), 2) + '.' + pad(d.getUTCMilliseconds(), 3);
    }

    function Panel(root) {
        this.root = root;
        this.url = root.getAttribute('data-mm-url');
        this.job = root.getAttribute('data-mm-job');
        this.list = root.querySelector('.mm-logs-lines');
        this.note = root.querySelector('.mm-logs-note');
        this.more = root.querySelector('.mm-logs-more');
        this.bar = root.querySelector('.mm-logs-bar');
        this.runs = {};
        this.tasks = {};
        this.delay = BASE_DELAY;
        this.timer = null;
        this.buildBar();
    }

    Panel.prototype.buildBar = function () {
        var self = this;
        this.runSelect = el('select', 'mm-logs-run');
        this.runSelect.appendChild(new Option('All runs', ''));
        this.taskSelect = el('select', 'mm-logs-task');
        this.taskSelect.appendChild(new Option('All tasks', ''));
        this.runSelect.onchange = this.taskSelect.onchange = function () { self.applyFilter(); };
        this.bar.appendChild(el('label', null, 'Run ')).appendChild(this.runSelect);
        this.bar.appendChild(el('label', null, ' Task ')).appendChild(this.taskSelect);
        this.status = el('span', 'mm-logs-status');
        this.bar.appendChild(this.status);
    };

    Panel.prototype.query = function (params) {
        var q = '?job=' + encodeURIComponent(this.job);
        for (var key in params) {
            if (params[key]) { q += '&' + key + '=' + encodeURIComponent(params[key]); }
        }
        return this.url + q;
    };

    Panel.prototype.fetch = function (params, done) {
        var self = this;
        var xhr = new XMLHttpRequest();
        xhr.open('GET', this.query(params));
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.onload = function () {
            var body = null;
            try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
            if (xhr.status === 200 && body) { done(body); return; }
            if (xhr.status === 429) {
                var wait = (parseInt(xhr.getResponseHeader('Retry-After') || '1', 10) || 1) * 1000;
                self.say('Many log reads right now; retrying shortly.');
                self.schedule(params, done, wait);
                return;
            }
            if (xhr.status === 401 || xhr.status === 403) {
                self.say('You are not allowed to view these lines.');
                return;
            }
            self.say((body && body.error) || ('The log lines could not be loaded (HTTP ' + xhr.status + ').'));
            self.schedule(params, done, MAX_DELAY);
        };
        xhr.onerror = function () { self.say('The log lines could not be loaded.'); self.schedule(params, done, MAX_DELAY); };
        xhr.send();
    };

    Panel.prototype.schedule = function (params, done, wait) {
        var self = this;
        clearTimeout(this.timer);
        this.timer = setTimeout(function () { self.fetch(params, done); }, wait);
    };

    Panel.prototype.say = function (text) { this.note.textContent = text; this.note.hidden = !text; };

    Panel.prototype.start = function (from) {
        var self = this;
        clearTimeout(this.timer);
        this.list.textContent = '';
        this.fetch({ from: from }, function (page) { self.receive(page); });
    };

    Panel.prototype.receive = function (page) {
        var self = this;
        this.page = page;
        this.append(page.lines);
        var empty = !this.list.firstChild;
        var note = page.note || '';
        if (!page.found) {
            note = 'No log lines for this job: its stream does not exist' + (page.live ? ' yet.' : '.') + (note ? ' ' + note : '');
        } else if (empty) {
            note = 'No log lines yet.' + (note ? ' ' + note : '');
        }
        this.say(note);
        this.more.textContent = '';
        if (!page.atEnd && page.next && this.following) {
            // Following a live job: a burst larger than one answer is read on at once.
            this.fetch({ token: page.next }, function (p) { self.receive(p); });
            return;
        }
        if (!page.atEnd && page.next) {
            var more = el('button', 'btn btn-default btn-sm mm-logs-load-more', 'Load more');
            more.onclick = function () { self.fetch({ token: page.next }, function (p) { self.receive(p); }); };
            var latest = el('button', 'btn btn-default btn-sm mm-logs-latest', 'Latest lines only');
            latest.onclick = function () { self.start('latest'); };
            this.more.appendChild(more);
            this.more.appendChild(latest);
            this.status.textContent = '';
            return;
        }
        if (page.live) {
            this.following = true;
            this.delay = page.lines.length > 0 ? BASE_DELAY : Math.min(this.delay * 2, MAX_DELAY);
            this.status.textContent = ' live';
            this.schedule({ token: page.next, from: page.next ? null : 'head' }, function (p) { self.receive(p); }, this.delay);
        } else {
            this.status.textContent = '';
        }
    };

    Panel.prototype.kind = function (run) {
        var p = this.page;
        if (!run || !p) { return ''; }
        if (run === p.currentRun) { return ' mm-current'; }
        if (run !== p.hangfireId && run.indexOf(p.hangfireId + '-r') !== 0) { return ' mm-other'; }
        return '';
    };

    Panel.prototype.append = function (lines) {
        for (var i = 0; i < lines.length; i++) {
            var line = lines[i];
            var level = (line.level || 'none').toLowerCase();
            var item = el('li', 'mm-line mm-level-' + level.replace(/[^a-z]/g, '') + this.kind(line.run));
            item.setAttribute('data-run', line.run || '');
            item.setAttribute('data-task', line.task || '');
            item.appendChild(el('time', 'mm-time', time(line.t)));
            item.appendChild(el('span', 'mm-text', line.text));
            this.list.appendChild(item);
            this.remember(this.runs, this.runSelect, line.run);
            this.remember(this.tasks, this.taskSelect, line.task);
        }
        this.applyFilter();
    };

    Panel.prototype.remember = function (seen, select, value) {
        if (value && !seen[value]) {
            seen[value] = true;
            select.appendChild(new Option(value, value));
        }
    };

    Panel.prototype.applyFilter = function () {
        var run = this.runSelect.value, task = this.taskSelect.value;
        var items = this.list.children;
        for (var i = 0; i < items.length; i++) {
            var item = items[i];
            item.hidden = (run && item.getAttribute('data-run') !== run) || (task && item.getAttribute('data-task') !== task);
        }
    };

    function init() {
        var roots = document.querySelectorAll('.mm-logs');
        for (var i = 0; i < roots.length; i++) {
            new Panel(roots[i]).start('head');
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
