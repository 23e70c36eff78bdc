// Sorting and filtering for the report's tables: the only script in the site, inlined and allowed by its
// hash in each page's Content-Security-Policy. Without it every table is a plain, complete table.
(() => {
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  for (const table of document.querySelectorAll('table[data-sortable]')) enhance(table);

  function enhance(table) {
    const heads = Array.from(table.tHead.rows[0].cells);
    const body = table.tBodies[0];
    const rows = Array.from(body.rows, (el, index) => ({ el, index, keys: [], search: undefined }));
    let order = rows;
    let counted = '';
    const form = table.dataset.filters ? document.getElementById(table.dataset.filters) : null;
    const status = table.dataset.status ? document.getElementById(table.dataset.status) : null;
    const noun = table.dataset.noun || 'rows';
    const searchable = heads.flatMap((th, i) => (th.hasAttribute('data-search') ? [i] : []));
    const initial = heads.findIndex((th) => th.hasAttribute('aria-sort'));
    const sorted = { col: initial, dir: initial >= 0 ? heads[initial].getAttribute('aria-sort') : 'ascending' };
    const defaults = { col: sorted.col, dir: sorted.dir };

    heads.forEach((th, col) => {
      if (!th.dataset.type) return;
      const button = document.createElement('button');
      button.type = 'button';
      button.append(...th.childNodes);
      th.append(button);
      button.addEventListener('click', () => {
        const dir = sorted.col === col && sorted.dir === 'ascending' ? 'descending' : sorted.col === col ? 'ascending' : th.dataset.first || 'ascending';
        sortBy(col, dir);
        if (form) {
          filter();
          save();
        }
        announce(`Sorted by ${th.textContent.trim()}, ${dir}.${form ? ` ${counted}` : ''}`);
      });
    });

    function key(row, col) {
      let k = row.keys[col];
      if (k !== undefined) return k;
      const cell = row.el.cells[col];
      const raw = cell ? (cell.dataset.sort ?? cell.textContent.trim()) : '';
      if (heads[col].dataset.type === 'number') {
        const n = raw === '' || raw === '—' ? Number.NaN : Number(raw.replace(/[^0-9.-]/g, ''));
        k = Number.isNaN(n) ? null : n;
      } else k = raw === '' || raw === '—' ? null : raw;
      row.keys[col] = k;
      return k;
    }

    function sortBy(col, dir) {
      if (col < 0 || !heads[col] || !heads[col].dataset.type) return;
      const sign = dir === 'descending' ? -1 : 1;
      const numeric = heads[col].dataset.type === 'number';
      const sortedRows = rows.slice().sort((a, b) => {
        const x = key(a, col);
        const y = key(b, col);
        // Empty cells go last whichever way the column is sorted; ties keep the page's order.
        if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
        const c = numeric ? x - y : collator.compare(x, y);
        return c !== 0 ? sign * c : a.index - b.index;
      });
      order = sortedRows;
      // With a filter form, filter() puts the rows it shows in this order; moving all of them would
      // make the browser restyle every row.
      if (!form) place(order);
      for (const [i, th] of heads.entries()) {
        if (i === col) th.setAttribute('aria-sort', dir);
        else th.removeAttribute('aria-sort');
      }
      sorted.col = col;
      sorted.dir = dir;
    }

    let placed = [];
    /** Moves `list` to the end of the table body, in order, unless it is already the last run shown. */
    function place(list) {
      if (list.length === placed.length && list.every((row, i) => row === placed[i])) return;
      const fragment = document.createDocumentFragment();
      for (const row of list) fragment.append(row.el);
      body.append(fragment);
      placed = list;
    }

    function announce(text) {
      if (status) status.textContent = text;
    }

    if (!form) return;
    form.hidden = false;
    const total = rows.length;
    const field = (name) => form.elements.namedItem(name);
    // What search looks in, read once now rather than on the first keystroke.
    for (const row of rows)
      row.search = searchable
        .map((i) => row.el.cells[i].textContent)
        .join(' ')
        .toLowerCase();
    // A browser lays out every visible row of a table on each change, ~0.3 ms a row: the matching rows
    // are shown a page at a time (data-page), and "Show all" (or printing) shows every match.
    const page = Number(table.dataset.page) || Number.POSITIVE_INFINITY;
    const more = table.dataset.more ? document.getElementById(table.dataset.more) : null;
    let all = false;

    function current() {
      const only = Array.from(form.querySelectorAll('input[name="only"]:checked'), (box) => box.value);
      return { q: field('q').value.trim().toLowerCase(), buyer: field('buyer').value, only, idle: field('idle').value.trim() };
    }

    function filter(limit = all ? Number.POSITIVE_INFINITY : page) {
      const f = current();
      const idle = f.idle === '' ? null : Number(f.idle);
      let matching = 0;
      let shown = 0;
      const visibleRows = [];
      for (const row of order) {
        const flags = row.el.dataset.flags || '';
        const days = row.el.dataset.days;
        const match =
          (!f.q || row.search.includes(f.q)) &&
          (!f.buyer || row.el.dataset.buyer === f.buyer) &&
          f.only.every((flag) => flags.split(' ').includes(flag)) &&
          (idle === null || Number.isNaN(idle) || (days !== undefined && Number(days) >= idle));
        if (match) matching++;
        const visible = match && shown < limit;
        if (visible) visibleRows.push(row);
        if (visible) shown++;
        if (row.el.hidden === visible) row.el.hidden = !visible;
      }
      place(visibleRows);
      const of = matching === total ? `all ${total} ${noun}` : `${matching} of ${total} ${noun}`;
      counted = shown < matching ? `Showing the first ${shown} of ${of}.` : matching === total ? `Showing all ${total} ${noun}.` : `Showing ${of}.`;
      if (more) {
        more.hidden = shown >= matching;
        more.textContent = `Show all ${matching}`;
      }
      announce(counted);
    }

    // The filter and sort live in the URL's fragment, so a link (or a reload) shows the same view.
    function save() {
      const f = current();
      const params = new URLSearchParams();
      if (f.q) params.set('q', field('q').value.trim());
      if (f.buyer) params.set('buyer', f.buyer);
      if (f.only.length > 0) params.set('only', f.only.join(','));
      if (f.idle) params.set('idle', f.idle);
      if (all) params.set('all', '1');
      if (sorted.col !== defaults.col || sorted.dir !== defaults.dir) {
        params.set('sort', heads[sorted.col].dataset.key);
        params.set('dir', sorted.dir === 'descending' ? 'desc' : 'asc');
      }
      const hash = params.toString();
      const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
      if (`${location.pathname}${location.search}${location.hash}` !== url) history.replaceState(null, '', url);
    }

    function load() {
      const params = new URLSearchParams(location.hash.slice(1));
      field('q').value = params.get('q') || '';
      const buyer = params.get('buyer') || '';
      field('buyer').value = Array.from(field('buyer').options).some((o) => o.value === buyer) ? buyer : '';
      const only = (params.get('only') || '').split(',');
      for (const box of form.querySelectorAll('input[name="only"]')) box.checked = only.includes(box.value);
      const idle = params.get('idle') || '';
      field('idle').value = /^\d+$/.test(idle) ? idle : '';
      all = params.get('all') === '1';
      const col = heads.findIndex((th) => th.dataset.key && th.dataset.key === params.get('sort'));
      if (col >= 0) sortBy(col, params.get('dir') === 'desc' ? 'descending' : 'ascending');
      else if (sorted.col !== defaults.col || sorted.dir !== defaults.dir) sortBy(defaults.col, defaults.dir);
      filter();
    }

    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('input', () => {
      filter();
      save();
    });
    form.addEventListener('change', () => {
      filter();
      save();
    });
    if (more)
      more.addEventListener('click', () => {
        all = true;
        filter();
        save();
      });
    // A printout has every matching row, whatever the page shows.
    window.addEventListener('beforeprint', () => filter(Number.POSITIVE_INFINITY));
    window.addEventListener('afterprint', () => filter());
    field('clear').addEventListener('click', () => {
      form.reset();
      all = false;
      if (sorted.col !== defaults.col || sorted.dir !== defaults.dir) sortBy(defaults.col, defaults.dir);
      filter();
      save();
    });
    window.addEventListener('hashchange', load);
    load();
  }
})();
