// newswire dashboard: plain JavaScript, no build step. Every piece of article text reaches the page through
// textContent (the el() helper below), never through innerHTML: titles and bodies are untrusted.
'use strict';

(function () {
  const main = document.getElementById('view');
  const searchForm = document.getElementById('search');
  const searchInput = document.getElementById('search-q');
  const banner = document.getElementById('banner');
  const liveBadge = document.getElementById('live');
  const charts = [];
  // What a view shows (range, sort, filter, page, search) lives in the address, so a view can be bookmarked
  // or shared; state only keeps what is not part of a view.
  const state = { lastCounts: new Map(), refreshTimer: null, pipelineTimer: null, renderSeq: 0 };
  const PAGE_SIZE = 20;
  const OVERVIEW_PAGE_SIZE = 12;
  const MAX_PAGE = 500;
  const PALETTE = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#db2777', '#0891b2', '#65a30d',
    '#9333ea', '#ea580c', '#0d9488', '#4f46e5'];
  const DAY_SOURCES = { published: 'from the published date', text: 'from a date in the text',
    ingested: 'from the time it was ingested' };
  const PRODUCE_HINT = 'newswire produce seeds --bootstrap-servers 127.0.0.1:9092';

  // ---- small DOM helpers: strings always become text nodes ----
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('data-')) node.setAttribute(key, value);
      else if (key === 'href') node.setAttribute('href', value);
      else if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    return node;
  }

  function panel(title, ...children) {
    return el('section', { class: 'panel' }, el('h2', { text: title }), ...children);
  }

  function empty(message, command) {
    return el('p', { class: 'empty' }, message, command ? el('code', { text: command }) : null);
  }

  /** '#/path?query' from a path and the parameters that are set (null and '' are left out). */
  function href(path, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
    }
    const text = query.toString();
    return '#/' + path + (text ? '?' + text : '');
  }
  function go(path, params) { location.hash = href(path, params); }
  function topicHref(id, params) { return href('topic/' + encodeURIComponent(id), params); }
  function articleHref(id) { return '#/article/' + encodeURIComponent(id); }
  function entityHref(id, params) { return href('entity/' + encodeURIComponent(id), params); }
  function topicChip(id) { return el('a', { class: 'chip', href: topicHref(id), text: id }); }
  function entityChip(e, extra) {
    return el('a', { class: 'chip entity ' + (e.type || ''), href: entityHref(e.id), 'data-entity': e.id,
      title: e.type || null, text: (e.name || e.id) + (extra || '') });
  }
  /** A 1-based page number from the address: anything else is page 1. */
  function pageOf(params) {
    const n = Number.parseInt(params.get('page') || '1', 10);
    return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_PAGE) : 1;
  }
  function validDay(v) { return /^\d{4}-\d{2}-\d{2}$/.test(v || ''); }
  function fmt(n) { return Number(n).toLocaleString('en-US', { maximumFractionDigits: 2 }); }
  function signed(n) { return (n > 0 ? '+' : n < 0 ? '−' : '±') + fmt(Math.abs(n)); }
  function isoDay(d) { return d.toISOString().substring(0, 10); }
  function addDays(day, n) { const d = new Date(day + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + n); return isoDay(d); }
  function isoTime(instant) { return instant ? instant.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—'; }

  async function api(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (response.status === 404) return null;
    if (!response.ok) {
      let reason = response.statusText;
      try { reason = (await response.json()).error || (await response.text()); } catch (e) { /* keep status */ }
      throw new Error(path + ': ' + response.status + ' ' + reason);
    }
    return response.json();
  }

  function showBanner(message) {
    banner.textContent = message || '';
    banner.hidden = !message;
  }

  function disposeCharts() {
    while (charts.length) charts.pop().dispose();
  }

  function chart(container, option) {
    if (!window.echarts) {
      container.appendChild(empty('The chart library did not load.'));
      return null;
    }
    const instance = window.echarts.init(container, null, { renderer: 'canvas' });
    instance.setOption(Object.assign({ animation: false, color: PALETTE, textStyle: { fontFamily: 'inherit' } }, option));
    charts.push(instance);
    return instance;
  }

  window.addEventListener('resize', () => charts.forEach(c => c.resize()));

  // ---- sparkline: a small SVG polyline of the last 14 days ----
  function sparkline(values) {
    const w = 96, h = 26, max = Math.max(1, ...values);
    const step = values.length > 1 ? w / (values.length - 1) : w;
    const points = values.map((v, i) => (i * step).toFixed(1) + ',' + (h - 2 - (v / max) * (h - 4)).toFixed(1));
    const root = svg('svg', { class: 'spark', viewBox: '0 0 ' + w + ' ' + h, width: w, height: h, role: 'img',
      'aria-label': 'last ' + values.length + ' days: ' + values.join(', ') });
    root.appendChild(svg('polyline', { points: points.join(' '), fill: 'none', stroke: 'currentColor', 'stroke-width': '1.6' }));
    const last = points[points.length - 1].split(',');
    root.appendChild(svg('circle', { cx: last[0], cy: last[1], r: '2.2', fill: 'currentColor' }));
    return root;
  }

  // ---- lists of articles ----
  function articleList(articles, emptyMessage) {
    if (!articles.length) return empty(emptyMessage || 'No articles yet — run ', PRODUCE_HINT);
    return el('ul', { class: 'articles' }, articles.map(a => el('li', { 'data-article': a.id },
      el('a', { class: 'title', href: articleHref(a.id), text: a.title || '(untitled)' }),
      el('div', { class: 'meta' },
        el('span', { class: 'day', text: a.day }),
        el('span', { class: 'source', text: a.source || 'unknown source' }),
        a.duplicateOf ? el('a', { class: 'dup', href: articleHref(a.duplicateOf), text: 'same story as an earlier article' }) : null),
      el('div', { class: 'tags' }, a.topics.map(topicChip), a.entities.slice(0, 6).map(e => entityChip(e))))));
  }

  /** "Newer" and "Older" links of a paged list; each page is its own address. */
  function pager(page, more, hrefFor) {
    if (page <= 1 && !more) return null;
    return el('nav', { class: 'pager', 'aria-label': 'pages' },
      page > 1 ? el('a', { href: hrefFor(page - 1), rel: 'prev', 'data-pager': 'newer', text: '← Newer' }) : null,
      el('span', { class: 'muted', text: 'page ' + page }),
      more ? el('a', { href: hrefFor(page + 1), rel: 'next', 'data-pager': 'older', text: 'Older →' }) : null);
  }

  /** One page of /api/articles: asks one more than it shows, to know whether an older page exists. */
  async function articlesPage(params, page, size) {
    const query = new URLSearchParams(params);
    query.set('offset', String((page - 1) * size));
    query.set('limit', String(size + 1));
    const rows = await api('/api/articles?' + query.toString());
    return { articles: rows.slice(0, size), more: rows.length > size };
  }

  // ---- Overview ----
  async function renderOverview(seq, params) {
    const ranking = await api('/api/topics');
    const range = rangeFor(ranking, params);
    const view = { from: params.get('from'), to: params.get('to'), sort: params.get('sort') === 'change' ? 'change' : null,
      topic: params.get('topic') || null, page: pageOf(params) > 1 ? pageOf(params) : null };
    const [series, latest] = await Promise.all([
      api('/api/days?from=' + range.from + '&to=' + range.to),
      articlesPage(view.topic ? { topic: view.topic } : {}, view.page || 1, OVERVIEW_PAGE_SIZE)]);
    if (seq !== state.renderSeq) return;
    disposeCharts();
    const isToday = ranking.day === ranking.today;
    const heading = el('div', { class: 'lede' },
      el('h1', { text: 'Topics' }),
      el('p', { class: 'muted' }, ranking.topics.length
        ? ['Ranked by articles on ', el('strong', { 'data-test': 'ranking-day', text: ranking.day }),
          isToday ? ' (today)' : ' — the latest day with articles; nothing has arrived for today (' + ranking.today + ') yet',
          '. Change is against the 7 days before it.']
        : ['Today is ' + ranking.today + '.']));
    const topics = rankingTable(ranking, view);
    const chartBox = el('div', { class: 'chart', id: 'overview-chart' });
    // The range the chart shows: the asked one, as far as the API draws it (it caps a range's length).
    const chartPanel = panel('Articles per day', rangeControls(ranking, { from: series.from, to: series.to }, view), chartBox);
    const overviewHref = changes => href('', Object.assign({}, view, changes));
    const latestPanel = panel('Latest articles', topicFilter(ranking, view, overviewHref),
      articleList(latest.articles, view.topic ? 'No articles of ' + view.topic + ' on this page.' : null),
      pager(view.page || 1, latest.more, page => overviewHref({ page: page > 1 ? page : null })));
    latestPanel.id = 'latest';
    main.replaceChildren(heading,
      el('div', { class: 'grid' }, panel('Topics on ' + ranking.day, topics), chartPanel), latestPanel);
    if (series.series.length) {
      const top = series.series.slice().sort((a, b) => sum(b.counts) - sum(a.counts));
      chart(chartBox, {
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', top: 0 },
        grid: { left: 40, right: 16, top: 36, bottom: 56 },
        dataZoom: [{ type: 'slider', height: 18, bottom: 8 }, { type: 'inside' }],
        xAxis: { type: 'category', data: series.days },
        yAxis: { type: 'value', minInterval: 1 },
        // Stacked bars: on a long range most days are empty, and a bar stays visible where a line would
        // be a hairline; each topic is one colour of the stack.
        series: top.map(s => ({ name: s.topic, type: 'bar', stack: 'day', data: s.counts, barMinWidth: 3,
          barMaxWidth: 28, emphasis: { focus: 'series' } }))
      });
    } else {
      chartBox.replaceWith(empty('Nothing to chart between ' + series.from + ' and ' + series.to + '.'));
    }
  }

  function sum(values) { return values.reduce((a, b) => a + b, 0); }

  function rangeFor(ranking, params) {
    const to = validDay(params.get('to')) ? params.get('to') : ranking.latestDay || ranking.today;
    const from = validDay(params.get('from')) ? params.get('from') : ranking.firstDay || to;
    return { from, to };
  }

  /** Which topic the latest articles are of: a filter kept in the address. */
  function topicFilter(ranking, view, overviewHref) {
    if (!ranking.topics.length) return null;
    const ids = ranking.topics.map(t => t.id).sort();
    if (view.topic && !ids.includes(view.topic)) ids.unshift(view.topic);
    const select = el('select', { id: 'topic-filter', onchange: e => {
      location.hash = overviewHref({ topic: e.target.value || null, page: null });
    } }, el('option', { value: '', text: 'all topics' }),
    ids.map(id => el('option', { value: id, selected: id === view.topic, text: id })));
    return el('div', { class: 'filter' }, el('label', { for: 'topic-filter', text: 'Topic ' }), select);
  }

  function rangeControls(ranking, range, view) {
    const from = el('input', { type: 'text', id: 'range-from', value: range.from, pattern: '\\d{4}-\\d{2}-\\d{2}',
      placeholder: 'yyyy-mm-dd', 'aria-label': 'from day', inputmode: 'numeric', size: 10 });
    const to = el('input', { type: 'text', id: 'range-to', value: range.to, pattern: '\\d{4}-\\d{2}-\\d{2}',
      placeholder: 'yyyy-mm-dd', 'aria-label': 'to day', inputmode: 'numeric', size: 10 });
    const apply = (f, t) => go('', Object.assign({}, view, { from: f, to: t }));
    const end = ranking.latestDay || ranking.today;
    return el('form', { class: 'range', onsubmit: e => {
      e.preventDefault();
      if (validDay(from.value) && validDay(to.value)) apply(from.value, to.value);
      else showBanner('Dates are yyyy-mm-dd, for example 2024-11-05.');
    } }, from, ' to ', to, el('button', { type: 'submit', text: 'Show' }),
    el('button', { type: 'button', class: 'link', text: 'whole span', onclick: () => apply(null, null) }),
    el('button', { type: 'button', class: 'link', text: '30 days', onclick: () => apply(addDays(end, -29), end) }));
  }

  function rankingTable(ranking, view) {
    if (!ranking.topics.length) {
      return empty('No articles yet — run ', PRODUCE_HINT);
    }
    const rows = ranking.topics.slice();
    const sortBy = view.sort || 'count';
    if (sortBy === 'change') rows.sort((a, b) => b.change - a.change || b.count - a.count || a.id.localeCompare(b.id));
    const sortButton = (key, label) => el('button', { type: 'button', class: sortBy === key ? 'tab on' : 'tab',
      'aria-pressed': String(sortBy === key), 'data-sort': key, text: label,
      onclick: () => go('', Object.assign({}, view, { sort: key === 'change' ? 'change' : null })) });
    const previous = state.lastCounts;
    state.lastCounts = new Map(rows.map(t => [t.id, t.count]));
    return el('div', {},
      el('div', { class: 'tabs' }, 'Rank by ', sortButton('count', 'articles'), sortButton('change', 'change vs 7-day average')),
      el('table', { class: 'ranking' },
        el('thead', {}, el('tr', {}, el('th', { text: 'topic' }), el('th', { class: 'num', text: 'articles' }),
          el('th', { class: 'num hide-narrow', text: '7-day avg' }), el('th', { class: 'num', text: 'change' }),
          el('th', { class: 'hide-narrow', text: 'last 14 days' }))),
        el('tbody', {}, rows.map(t => {
          const bumped = previous.has(t.id) && previous.get(t.id) < t.count;
          const spike = t.count >= 3 && t.count >= 2 * t.trailingAverage + 2;
          return el('tr', { 'data-topic': t.id, class: bumped ? 'bumped' : null },
            el('td', {}, el('a', { href: topicHref(t.id), text: t.id }), spike ? el('span', { class: 'badge', text: 'spike' }) : null),
            el('td', { class: 'num count', text: fmt(t.count) }),
            el('td', { class: 'num hide-narrow', text: fmt(t.trailingAverage) }),
            el('td', { class: 'num ' + (t.change > 0 ? 'up' : t.change < 0 ? 'down' : ''), text: signed(t.change) }),
            el('td', { class: 'hide-narrow' }, sparkline(t.sparkline)));
        }))));
  }

  // ---- Topic page ----
  async function renderTopic(seq, id, params) {
    const page = pageOf(params);
    const [topic, latest] = await Promise.all([api('/api/topics/' + encodeURIComponent(id)),
      articlesPage({ topic: id }, page, PAGE_SIZE)]);
    if (seq !== state.renderSeq) return;
    disposeCharts();
    if (!topic) {
      main.replaceChildren(el('h1', { text: id }), empty('No summaries of this topic yet — articles tagged with it appear here once the pipeline writes them. Run ', PRODUCE_HINT));
      return;
    }
    const chartBox = el('div', { class: 'chart small' });
    main.replaceChildren(
      el('div', { class: 'lede' }, el('p', {}, el('a', { href: '#/', text: '← all topics' })),
        el('h1', { text: topic.id }),
        el('p', { class: 'muted', text: fmt(topic.total) + ' articles from ' + topic.firstDay + ' to ' + topic.latestDay })),
      el('div', { class: 'grid' },
        panel('Articles per day', chartBox),
        panel('Conflicting claims', conflicts(topic.conflicts))),
      el('div', { class: 'grid three' },
        panel('Top entities', countList(topic.entities.map(e => [e.name || e.id, e.type, e.articles, entityHref(e.id)]), 'No entities found in its articles.')),
        panel('Keyphrases', countList(topic.keyphrases.map(p => [p.phrase, null, p.articles]), 'No keyphrases found in its articles.')),
        panel('Quantity claims', claimList(topic.claims))),
      panel('Latest articles', articleList(latest.articles, 'No articles of this topic are in the sink.'),
        pager(page, latest.more, n => topicHref(id, { page: n > 1 ? n : null }))));
    chart(chartBox, {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 56 },
      dataZoom: [{ type: 'slider', height: 18, bottom: 8 }, { type: 'inside' }],
      xAxis: { type: 'category', data: topic.days.map(d => d.day) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: 'articles', type: 'bar', data: topic.days.map(d => d.articleCount), barMinWidth: 3, barMaxWidth: 24 }]
    });
  }

  function countList(rows, emptyMessage) {
    if (!rows.length) return empty(emptyMessage);
    return el('ul', { class: 'counts' }, rows.map(([name, type, n, link]) => el('li', {},
      link ? el('a', { class: 'name', href: link, text: name }) : el('span', { class: 'name', text: name }),
      type ? el('span', { class: 'chip entity ' + type, text: type }) : null,
      el('span', { class: 'n', text: fmt(n) + (n === 1 ? ' article' : ' articles') }))));
  }

  function claimList(claims) {
    if (!claims.length) return empty('No numbers claimed in its articles.');
    return el('ul', { class: 'claims' }, claims.map(c => el('li', {},
      el('strong', { text: c.text || fmt(c.value) + ' ' + c.unit }), ' — ',
      el('a', { href: articleHref(c.articleId), text: c.title || '(untitled)' }),
      el('span', { class: 'muted', text: ' · ' + (c.source || '') + ' · ' + c.day }))));
  }

  function conflicts(list) {
    if (!list.length) return empty('No conflicting numbers: where two articles count the same thing differently (11,000 vs 12,000 soldiers), they show here side by side.');
    return el('div', {}, list.map(conflict => el('div', { class: 'conflict' },
      el('h3', { text: conflict.subject ? conflict.subject.replace(/-/g, ' ') : conflict.unit }),
      el('div', { class: 'side-by-side' }, conflict.claims.map(c => el('div', { class: 'claim' },
        el('div', { class: 'value', text: fmt(c.value) }),
        el('div', { class: 'said', text: '“' + (c.text || '') + '”' }),
        el('a', { href: articleHref(c.articleId), text: c.title || '(untitled)' }),
        el('div', { class: 'muted', text: (c.source || '') + ' · ' + c.day })))))));
  }

  // ---- Article page ----
  async function renderArticle(seq, id) {
    const detail = await api('/api/articles/' + encodeURIComponent(id));
    if (seq !== state.renderSeq) return;
    disposeCharts();
    if (!detail) {
      main.replaceChildren(el('h1', { text: 'Article not found' }), empty('No article with this id is in the sink (yet).'));
      return;
    }
    const a = detail.article;
    const link = a.url && /^https?:\/\//i.test(a.url) ? el('a', { href: a.url, rel: 'noopener noreferrer nofollow', target: '_blank', text: a.url }) : null;
    main.replaceChildren(
      el('article', { class: 'story' },
        el('p', {}, el('a', { href: '#/', text: '← overview' })),
        el('h1', { class: 'story-title', text: a.title || '(untitled)' }),
        el('dl', { class: 'facts' },
          el('dt', { text: 'day' }), el('dd', {}, el('strong', { text: a.day }), ' ', el('span', { class: 'muted', text: DAY_SOURCES[a.daySource] || a.daySource || '' })),
          el('dt', { text: 'source' }), el('dd', { text: a.source || '—' }),
          el('dt', { text: 'published' }), el('dd', { text: isoTime(a.publishedAt) }),
          el('dt', { text: 'ingested' }), el('dd', { text: isoTime(a.ingestedAt) }),
          link ? [el('dt', { text: 'url' }), el('dd', {}, link)] : null,
          el('dt', { text: 'topics' }), el('dd', {}, a.topics.length ? a.topics.map(topicChip) : 'none found'),
          el('dt', { text: 'entities' }), el('dd', {}, a.entities.length ? a.entities.map(e => entityChip(e, ' ×' + e.mentions)) : 'none found'),
          detail.keyphrases.length ? [el('dt', { text: 'keyphrases' }), el('dd', { text: detail.keyphrases.join(' · ') })] : null,
          detail.quantities.length ? [el('dt', { text: 'numbers' }), el('dd', { text: detail.quantities.map(q => q.text).join(' · ') })] : null,
          a.duplicateOf ? [el('dt', { text: 'duplicate of' }), el('dd', {}, el('a', { href: articleHref(a.duplicateOf), text: a.duplicateOf }))] : null),
        el('div', { class: 'body' }, paragraphs(detail.body || '', a.entities))));
  }

  /** The body as paragraphs of text with each entity name marked; built from text nodes only. */
  function paragraphs(body, entities) {
    const names = entities.map(e => ({ name: e.name || '', type: e.type || '' }))
      .filter(e => e.name.length > 1).sort((x, y) => y.name.length - x.name.length);
    const escaped = names.map(e => e.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = escaped.length ? new RegExp('\\b(' + escaped.join('|') + ')\\b', 'gi') : null;
    const typeOf = new Map(names.map(e => [e.name.toLowerCase(), e.type]));
    return body.split(/\n\s*\n/).map(p => p.trim()).filter(p => p).slice(0, 400).map(text => {
      const para = el('p');
      if (!pattern) { para.textContent = text; return para; }
      let last = 0;
      for (const match of text.matchAll(pattern)) {
        para.appendChild(document.createTextNode(text.substring(last, match.index)));
        para.appendChild(el('mark', { class: 'entity ' + (typeOf.get(match[0].toLowerCase()) || ''), text: match[0] }));
        last = match.index + match[0].length;
      }
      para.appendChild(document.createTextNode(text.substring(last)));
      return para;
    });
  }

  // ---- Entity page ----
  async function renderEntity(seq, id, params) {
    const page = pageOf(params);
    const entity = await api('/api/entities/' + encodeURIComponent(id) + '?offset=' + (page - 1) * PAGE_SIZE
      + '&limit=' + PAGE_SIZE);
    if (seq !== state.renderSeq) return;
    disposeCharts();
    if (!entity) {
      main.replaceChildren(el('h1', { text: id }), empty('No article in the sink names this entity (yet).'));
      return;
    }
    const chartBox = el('div', { class: 'chart small' });
    main.replaceChildren(
      el('div', { class: 'lede' }, el('p', {}, el('a', { href: '#/', text: '← overview' })),
        el('h1', {}, entity.name || entity.id, ' ', el('span', { class: 'chip entity ' + (entity.type || ''), text: entity.type || 'entity' })),
        el('p', { class: 'muted', text: fmt(entity.total) + (entity.total === 1 ? ' article' : ' articles')
          + ' from ' + entity.firstDay + ' to ' + entity.latestDay })),
      el('div', { class: 'grid' },
        panel('Articles per day', chartBox),
        panel('Topics of its articles', countList(entity.topics.map(t => [t.id, null, t.articles, topicHref(t.id)]),
          'Its articles have no topics.'))),
      panel('Articles naming ' + (entity.name || entity.id), articleList(entity.page.articles, 'No articles on this page.'),
        pager(page, entity.page.more, n => entityHref(id, { page: n > 1 ? n : null }))));
    chart(chartBox, {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 56 },
      dataZoom: [{ type: 'slider', height: 18, bottom: 8 }, { type: 'inside' }],
      xAxis: { type: 'category', data: entity.days.map(d => d.day) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: 'articles', type: 'bar', data: entity.days.map(d => d.articleCount), barMinWidth: 3, barMaxWidth: 24 }]
    });
  }

  // ---- Search page ----
  async function renderSearch(seq, params) {
    const query = (params.get('q') || '').substring(0, 200);
    const page = pageOf(params);
    searchInput.value = query;
    if (!query.trim()) {
      disposeCharts();
      main.replaceChildren(el('h1', { text: 'Search' }), empty('Type words of a title in the search box: every word must be in the title.'));
      return;
    }
    const result = await api('/api/search?q=' + encodeURIComponent(query) + '&offset=' + (page - 1) * PAGE_SIZE
      + '&limit=' + PAGE_SIZE);
    if (seq !== state.renderSeq) return;
    disposeCharts();
    const count = result.total >= result.cap ? fmt(result.cap) + ' or more titles' : fmt(result.total) + (result.total === 1 ? ' title' : ' titles');
    main.replaceChildren(
      el('div', { class: 'lede' }, el('h1', {}, 'Titles with ', el('q', { text: result.words.join(' ') })),
        el('p', { class: 'muted', 'data-test': 'search-count', text: count + ' with every word, newest first.' })),
      panel('Articles', articleList(result.page.articles, 'No title contains all of these words.'),
        pager(page, result.page.more, n => href('search', { q: query, page: n > 1 ? n : null }))));
  }

  // ---- Pipeline page ----
  async function renderPipeline(seq) {
    const p = await api('/api/pipeline');
    if (seq !== state.renderSeq) return;
    disposeCharts();
    const stat = (label, value, note) => el('div', { class: 'stat' }, el('div', { class: 'value', text: value }),
      el('div', { class: 'label', text: label }), note ? el('div', { class: 'muted', text: note }) : null);
    const head = el('div', { class: 'lede' }, el('h1', { text: 'Pipeline' }),
      el('p', { class: 'muted', text: p.available ? 'Sampled ' + isoTime(p.sampledAt) + ', every 2 s.' : (p.error || 'not sampled yet') }));
    if (!p.available) {
      main.replaceChildren(head, empty('No figures: ' + (p.error || 'the pipeline has not been sampled yet') + '. The pipeline page needs the dashboard to run beside Kafka, as in ', 'newswire demo'));
      return;
    }
    main.replaceChildren(head,
      el('div', { class: 'stats' },
        stat('records in / s', fmt(p.rawPerSecond), fmt(p.rawTotal) + ' on the raw topic'),
        stat('tagged by Streams / s', fmt(p.taggedPerSecond), fmt(p.taggedTotal) + ' offsets on the tagged topic'),
        stat('into the sink / s', fmt(p.sinkPerSecond), fmt(p.sinkTotal) + ' offsets stored'),
        stat('dead letters', fmt(p.deadLetters), 'on the DLQ topic')),
      el('div', { class: 'grid' },
        panel('Sink consumer lag per partition', p.lag.length ? el('table', {},
          el('thead', {}, el('tr', {}, ['topic', 'partition', 'end offset', 'sink offset', 'lag'].map((h, i) => el('th', { class: i ? 'num' : '', text: h })))),
          el('tbody', {}, p.lag.map(l => el('tr', { class: l.lag > 0 ? 'behind' : '' },
            el('td', { text: l.topic }), el('td', { class: 'num', text: l.partition }), el('td', { class: 'num', text: fmt(l.endOffset) }),
            el('td', { class: 'num', text: fmt(l.sinkOffset) }), el('td', { class: 'num', text: fmt(l.lag) })))))
          : empty('No partitions found yet.')),
        panel('Latest dead letters', p.latestDeadLetters.length ? el('table', {},
          el('thead', {}, el('tr', {}, ['when', 'reason', 'detail', 'from'].map(h => el('th', { text: h })))),
          el('tbody', {}, p.latestDeadLetters.map(d => el('tr', {},
            el('td', { text: isoTime(d.timestamp) }), el('td', {}, el('span', { class: 'chip warn', text: d.reason })),
            el('td', { class: 'detail', text: d.detail || '' }), el('td', { text: d.source || '' })))))
          : empty('No dead letters: every record so far could be read.'))));
  }

  // ---- routing and live updates ----
  /** The view in the address: '#/topic/<id>?page=2' gives parts ['topic', id] and its parameters. */
  function parseHash() {
    const raw = (location.hash || '#/').replace(/^#\/?/, '');
    const question = raw.indexOf('?');
    const path = question < 0 ? raw : raw.substring(0, question);
    const params = new URLSearchParams(question < 0 ? '' : raw.substring(question + 1));
    const parts = path.split('/').map(p => { try { return decodeURIComponent(p); } catch (e) { return p; } });
    return { parts, params };
  }

  async function route() {
    const seq = ++state.renderSeq;
    clearInterval(state.pipelineTimer);
    const { parts, params } = parseHash();
    const id = parts.slice(1).join('/');
    document.querySelectorAll('[data-nav]').forEach(a => a.classList.toggle('on',
      a.dataset.nav === (parts[0] === 'pipeline' ? 'pipeline' : parts[0] === '' ? 'overview' : '')));
    document.querySelectorAll('[data-nav]').forEach(a => {
      if (a.classList.contains('on')) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    if (parts[0] !== 'search') searchInput.value = '';
    try {
      if (parts[0] === 'topic' && id) await renderTopic(seq, id, params);
      else if (parts[0] === 'article' && id) await renderArticle(seq, id);
      else if (parts[0] === 'entity' && id) await renderEntity(seq, id, params);
      else if (parts[0] === 'search') await renderSearch(seq, params);
      else if (parts[0] === 'pipeline') {
        await renderPipeline(seq);
        state.pipelineTimer = setInterval(() => { if (seq === state.renderSeq) refresh(); }, 2000);
      } else await renderOverview(seq, params);
      showBanner(null);
    } catch (e) {
      showBanner('Cannot load this view: ' + e.message);
    }
  }

  // Re-render the current view in place; many sink writes in a burst become one refresh.
  function refresh() {
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(() => {
      const y = window.scrollY;
      const previousSeq = state.renderSeq;
      route().then(() => { if (state.renderSeq === previousSeq + 1) window.scrollTo(0, y); });
    }, 150);
  }

  function connectLive() {
    if (!window.EventSource) { liveBadge.textContent = 'no live updates'; return; }
    const source = new EventSource('/api/events');
    source.addEventListener('hello', () => { liveBadge.textContent = 'live'; liveBadge.className = 'live on'; });
    source.addEventListener('sink', event => {
      let update = {};
      try { update = JSON.parse(event.data); } catch (e) { /* an unreadable event still means new data */ }
      liveBadge.textContent = 'live · updated ' + (update.at ? isoTime(update.at).substring(11) : 'now');
      if (!location.hash.startsWith('#/pipeline')) refresh();
    });
    source.onerror = () => { liveBadge.textContent = 'reconnecting…'; liveBadge.className = 'live off'; };
  }

  searchForm.addEventListener('submit', e => {
    e.preventDefault();
    go('search', { q: searchInput.value.trim().substring(0, 200) });
  });
  window.addEventListener('hashchange', () => { window.scrollTo(0, 0); route(); });
  route();
  connectLive();
})();
