// Grunnmur in a real browser: every page through axe-core (WCAG 2.1 A and AA) in bokmål and
// English (the main pages also in nynorsk), a keyboard-only flow, and end-to-end flows. Started by crates/grunnmur/tests/browser.rs
// against `grunnmur serve --demo`; exits non-zero with every failure listed.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import fs from 'node:fs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const BASE = process.env.GRUNNMUR_BASE;
const ORG = process.env.GRUNNMUR_ORGNR;
const EMAIL = process.env.GRUNNMUR_EMAIL;
const PASSWORD = process.env.GRUNNMUR_PASSWORD;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const failures = [];
const fail = (what) => { failures.push(what); console.log(`FAIL ${what}`); };
const check = (ok, what) => { if (!ok) fail(what); return ok; };

async function axe(page, label) {
  await page.addScriptTag({ path: AXE });
  const r = await page.evaluate(async (tags) => {
    const res = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return res.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, TAGS);
  for (const v of r) fail(`axe ${label}: ${v}`);
  return r.length;
}

async function login(page) {
  await page.goto(`${BASE}/login`);
  await page.fill('#email', EMAIL);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type=submit]')]);
}

async function setLang(page, lang) {
  await page.goto(`${BASE}/lang/${lang}?next=/bodies`);
}

/// Presses Tab until the focused element satisfies `pred` (evaluated in the page).
async function tabTo(page, pred, arg, label) {
  for (let i = 0; i < 600; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(pred, arg)) return true;
  }
  fail(`keyboard: could not reach ${label} with Tab`);
  return false;
}

async function pages(page) {
  // Pages reached from the demo body: its first system, a required measure, an adaptable item.
  await page.goto(`${BASE}/b/${ORG}/systems`);
  const sys = await page.$eval('main table tbody tr th a', (a) => a.getAttribute('href'));
  await page.goto(`${BASE}${sys}`);
  const why = await page.$eval('a[href*="/why/"]', (a) => a.getAttribute('href'));
  const status = await page.$eval('a[href*="/measures/"]', (a) => a.getAttribute('href'));
  await page.goto(`${BASE}/b/${ORG}/adapt`);
  const adapt = await page.$eval('a[href*="/adapt/"]', (a) => a.getAttribute('href'));
  await page.goto(`${BASE}/catalog/tasks`);
  const task = await page.$eval('a[href^="/catalog/tasks/"]', (a) => a.getAttribute('href'));
  await page.goto(`${BASE}/catalog/measures`);
  const measure = await page.$eval('a[href^="/catalog/measures/"]', (a) => a.getAttribute('href'));
  const b = `/b/${ORG}`;
  await page.goto(`${BASE}${b}/implementations`);
  const implementation = await page.$eval('main table tbody tr th a', (a) => a.getAttribute('href'));
  const { assessment, edit } = await riskWithOneRisk(page);
  const { declaration, service } = await declarationWithOneService(page);
  const { draft, entry } = await catalogDraft(page);
  const record = await publishedDraft(page);
  // Each object's history: the audit page filtered to it, reached by the object's link.
  const history = async (path) => {
    await page.goto(`${BASE}${path}`);
    return page.$eval('a[href*="/audit?object="]', (a) => a.getAttribute('href'));
  };
  const histories = [await history(sys), await history(status), await history(assessment)];
  await statusWithFileAndComment(page, status);
  const preview = await workbookPreview(page, b);
  await page.goto(`${BASE}${b}/attestations`);
  if (!(await page.$('table a[href$=".jws"]'))) {
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/attestations"] button[type=submit]')]);
  }
  return [
    ...histories, `${b}/audit?actor=&from=2000-01-01&to=`,
    '/bodies', b, `${b}/tasks`, `${b}/tasks?all=1`, `${b}/adapt`, adapt, `${b}/systems`, sys,
    `${sys}/why`, why, `${b}/measures`, `${b}/measures?status=overdue`, status, `${b}/settings`, `${b}/release`,
    `${b}/members`, `${b}/audit`, `${b}/risk`, assessment, edit, '/catalog', '/catalog/tasks', task, '/catalog/info-types',
    '/catalog/measures', measure, '/catalog/profiles', '/catalog/scale', '/catalog/activities',
    '/accessibility', '/glossary', `${b}/systems/no-such-system`, `${b}/search?q=system`, `${b}/search?q=`,
    `${b}/deviations`, `${b}/follow-up`, `${b}/follow-up?owner=`, `${b}/year`, `${b}/year?year=2027`, `${b}/implementations`, implementation, `${b}/services`, `${b}/services?q=a`,
    `${b}/declarations`, declaration, service, `${b}/workbook`, preview, `${b}/attestations`, '/verify',
    '/national', '/national?kind=kommune', '/catalog/calibration',
    '/catalog/drafts', '/catalog/drafts?q=2099', draft, `${draft}/entries`, `${draft}/entries?q=a`, entry,
    `${draft}/new/tasks`, `${draft}/new/measures`, `${draft}/new/profiles`, `${draft}/new/requirements`,
    record, `${b}/release`,
  ];
}

/// The whole round through the pages, by keyboard-reachable forms only: a second draft
/// (2098.1) begun, an entry changed, a round opened that ends today, a comment for the demo
/// body answered, every changed owner's approval, publication; the release's record page.
async function publishedDraft(page) {
  const record = '/catalog/releases/felles/2098.1/record';
  const res = await page.goto(`${BASE}${record}`);
  if (res.status() === 200) return record;
  await page.goto(`${BASE}/catalog/drafts`);
  await page.fill('#version', '2098.1');
  await Promise.all([page.waitForNavigation(), page.click('form[method=post][action="/catalog/drafts"] button[type=submit]')]);
  const draft = new URL(page.url()).pathname;
  await page.goto(`${BASE}${draft}/entries`);
  const entry = await page.$eval('a[href*="/entries/tasks/"]', (a) => a.getAttribute('href'));
  await page.goto(`${BASE}${entry}`);
  const name = await page.inputValue('#name_en');
  await page.fill('#name_en', `${name} (revised)`);
  await page.fill('#reason', 'A clearer English name');
  await Promise.all([page.waitForNavigation(), page.click('#entry-form button[type=submit]')]);
  await page.goto(`${BASE}${draft}`);
  await page.fill('#closes', new Date().toISOString().slice(0, 10));
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/consultation"] button[type=submit]')]);
  await page.selectOption('#entry', { index: 1 });
  await page.fill('#text', 'Please keep the old name as an alias.');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/comments"] button[type=submit]')]);
  const answer = await page.$eval('form[action*="/answer"] textarea', (t) => t.id);
  await page.fill(`#${answer}`, 'Noted for the next release.');
  await Promise.all([page.waitForNavigation(), page.click('form[action*="/answer"] button[type=submit]')]);
  await Promise.all([page.waitForNavigation(), page.click('#approve button[type=submit]')]);
  await Promise.all([page.waitForNavigation(), page.click('#publish')]);
  const shown = await page.goto(`${BASE}${record}`);
  check(shown.status() === 200, `the published draft's record (${shown.status()})`);
  check((await page.content()).includes('Please keep the old name as an alias.'), 'the comment in the record');
  return record;
}

/// A draft of the next catalog release (the demo user edits every owner's entries), begun
/// through its form, with one entry changed through the entry's form, a consultation round
/// opened and a comment on the entry, for the draft pages.
async function catalogDraft(page) {
  await page.goto(`${BASE}/catalog/drafts`);
  let draft = await page.$$eval('main table tbody tr', (rows) => {
    const row = rows.find((r) => r.textContent.includes('2099.1'));
    return row ? row.querySelector('th a').getAttribute('href') : null;
  });
  if (!draft) {
    await page.fill('#version', '2099.1');
    await Promise.all([page.waitForNavigation(), page.click('form[method=post][action="/catalog/drafts"] button[type=submit]')]);
    draft = new URL(page.url()).pathname;
  }
  await page.goto(`${BASE}${draft}/entries`);
  const entry = await page.$eval('a[href*="/entries/measures/"]', (a) => a.getAttribute('href'));
  await page.goto(`${BASE}${entry}`);
  if (!(await page.$('#history ~ div table'))) {
    const name = await page.inputValue('#name_en');
    await page.fill('#name_en', `${name} (draft)`);
    await page.fill('#reason', 'Clearer name');
    await Promise.all([page.waitForNavigation(), page.click('#entry-form button[type=submit]')]);
    check(page.url().includes('saved=1'), `draft entry saved through its form: ${page.url()}`);
  }
  await page.goto(`${BASE}${draft}`);
  if (!(await page.$('#comments ~ article'))) {
    const closes = new Date(Date.now() + 14 * 864e5).toISOString().slice(0, 10);
    await page.fill('#closes', closes);
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/consultation"] button[type=submit]')]);
    await page.selectOption('#entry', { index: 1 });
    await page.fill('#text', 'Clear enough for us.');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/comments"] button[type=submit]')]);
    check(await page.$('#comments ~ article') !== null, 'a comment on the draft');
  }
  return { draft, entry };
}

/// A file and a comment on a status, so that its page shows both lists.
async function statusWithFileAndComment(page, status) {
  await page.goto(`${BASE}${status}`);
  if (!(await page.$('#files ul.files'))) {
    await page.setInputFiles('#file', { name: 'tilgangsgjennomgang.txt', mimeType: 'text/plain', buffer: Buffer.from('Gjennomgått.\n') });
    await Promise.all([page.waitForNavigation(), page.click('#files form[enctype] button[type=submit]')]);
  }
  if (!(await page.$('#comments ol.comments'))) {
    await page.fill('#comment-text', 'Avtalt med HR.');
    await Promise.all([page.waitForNavigation(), page.click('#comments form button[type=submit]')]);
  }
}

/// The preview of the demo body's own workbook uploaded again (no changes): its path.
async function workbookPreview(page, b) {
  const xlsx = await page.request.get(`${BASE}${b}/workbook.xlsx`);
  await page.goto(`${BASE}${b}/workbook`);
  await page.setInputFiles('#file', { name: 'workspace.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await xlsx.body() });
  await Promise.all([page.waitForNavigation(), page.click('main form[enctype] button[type=submit]')]);
  return new URL(page.url()).pathname;
}

/// A declaration of the demo body with one service (the first one, or a new one made through the
/// forms), for the supplier's pages.
async function declarationWithOneService(page) {
  await page.goto(`${BASE}/b/${ORG}/declarations`);
  let declaration = await page.$eval('main table tbody tr th a', (a) => a.getAttribute('href')).catch(() => null);
  if (!declaration) {
    await page.fill('#valid_from', '2026-01-01');
    await page.fill('#valid_until', '2030-12-31');
    await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
    declaration = new URL(page.url()).pathname;
  }
  await page.goto(`${BASE}${declaration}`);
  let service = await page.$eval('main table tbody tr th a', (a) => a.getAttribute('href')).catch(() => null);
  if (!service) {
    await page.fill('#name_nb', 'Felles driftstjeneste');
    await page.fill('#name_en', 'Shared operations service');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/services"] button[type=submit]')]);
    service = new URL(page.url()).pathname;
  }
  return { declaration, service };
}

/// A risk assessment with one risk (the first one started, or a new one), for the risk pages:
/// the assessment's path and its first risk's edit page.
async function riskWithOneRisk(page) {
  await page.goto(`${BASE}/b/${ORG}/risk`);
  let assessment = await page.$eval('main table a[href*="/risk/"]', (a) => a.getAttribute('href')).catch(() => null);
  if (!assessment) {
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/risk"] button[type=submit]')]);
    assessment = new URL(page.url()).pathname;
  }
  await page.goto(`${BASE}${assessment}`);
  if (!(await page.$('a[href*="/risks/"]'))) {
    await page.fill('#title', 'Axe risk');
    await page.check('#dim-i');
    await page.selectOption('#likelihood', '2');
    await page.selectOption('#consequence', '2');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/risks"] button[type=submit]')]);
  }
  const edit = await page.$eval('a[href*="/risks/"]', (a) => a.getAttribute('href'));
  return { assessment, edit };
}

// Words of the bokmål interface that the demo body's own names and texts do not use: none may
// show on an English page (text marked lang="nb", such as the language switch, aside).
const BOKMAL = ['risikovurderinger', 'påkrevd', 'påkrevde', 'tiltak', 'oppgaver', 'systemer',
  'tilgjengelighet', 'lagre', 'velg', 'dato', 'åååå', 'forfalt', 'begrunnelse', 'nivå', 'nivåer',
  'ansvarlig', 'frist', 'hvorfor', 'virksomheten', 'endret'];

async function noNorwegian(page, path) {
  const text = await page.evaluate(() => {
    const copy = document.body.cloneNode(true);
    copy.querySelectorAll('[lang="nb"], [lang="nn"]').forEach((e) => e.remove());
    const labels = [...copy.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'));
    return `${copy.textContent} ${labels.join(' ')}`;
  });
  // Ids (`oppfolging.tiltak`) are the catalog's, in no language: left out.
  const words = new Set(text.toLowerCase().split(/\s+/u)
    .filter((t) => !/\p{L}\.\p{L}/u.test(t))
    .flatMap((t) => t.split(/[^\p{L}\p{N}]+/u)));
  const found = BOKMAL.filter((w) => words.has(w));
  check(found.length === 0, `English ${path} shows bokmål: ${found.join(', ')}`);
  check(!/Risikovurdering \(#\d+\)/.test(text), `English ${path} shows a bokmål assessment title`);
  check(!/\b1 (required measures|tasks|systems|information types|entries|dependencies)\b/.test(text),
    `English ${path} counts one in the plural`);
}

async function accessibility(browser) {
  let checked = 0;
  for (const lang of ['nb', 'en']) {
    const ctx = await browser.newContext({ bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(`${BASE}/lang/${lang}?next=/login`);
    check(await page.evaluate(() => document.documentElement.lang) === lang, `lang attribute on /login (${lang})`);
    await axe(page, `/login (${lang})`);
    // A failed login shows its problem at the field, and the page stays accessible.
    await page.fill('#email', 'nobody@example.no');
    await page.fill('#password', 'wrong');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type=submit]')]);
    check(await page.$('.error-summary[role=alert]') !== null, `login error summary (${lang})`);
    check(await page.getAttribute('#email', 'aria-invalid') === 'true', `login field marked invalid (${lang})`);
    await axe(page, `/login with an error (${lang})`);
    await login(page);
    for (const path of await pages(page)) {
      await page.goto(`${BASE}${path}`);
      check(await page.evaluate(() => document.documentElement.lang) === lang, `lang attribute on ${path} (${lang})`);
      for (const other of ['nb', 'nn', 'en']) {
        const sw = await page.$(`header nav a[hreflang="${other}"][lang="${other}"]`);
        check(sw !== null, `language switch to ${other} on ${path} (${lang})`);
      }
      await axe(page, `${path} (${lang})`);
      if (lang === 'en') await noNorwegian(page, path);
      checked++;
    }
    // The municipalities' figures have their pictures (six municipalities: none suppressed).
    await page.goto(`${BASE}/national?kind=kommune`);
    const pictures = await page.$$eval('main svg[role=img]', (s) => s.length);
    check(pictures >= 3, `pictures on /national?kind=kommune (${lang}): ${pictures}`);
    // A form with problems: errors tied to their fields, and still no violations.
    await page.goto(`${BASE}/b/${ORG}/systems`);
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/systems"] button[type=submit]')]);
    check(await page.$('.error-summary[role=alert] a[href="#id"]') !== null, `system form error summary (${lang})`);
    const described = await page.getAttribute('#id', 'aria-describedby');
    check(described && described.includes('id-error'), `system id field described by its error (${lang})`);
    await axe(page, `system form with errors (${lang})`);
    // The risk form with engine problems: each at its own field (a residual worse than the
    // analysis), and still no violations.
    const { edit } = await riskWithOneRisk(page);
    await page.goto(`${BASE}${edit}`);
    await page.selectOption('#decision', 'reduce');
    await page.selectOption('#residual', '5-5');
    await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
    check(await page.getAttribute('#residual', 'aria-invalid') === 'true', `risk residual marked invalid (${lang})`);
    check(await page.$('.error-summary[role=alert] a[href="#residual"]') !== null, `risk form error summary (${lang})`);
    check(await page.getAttribute('#title', 'aria-invalid') === null, `risk title not marked (${lang})`);
    await axe(page, `risk form with errors (${lang})`);
    // A draft entry with its name in bokmål emptied: the catalog's check at the field.
    const { entry } = await catalogDraft(page);
    await page.goto(`${BASE}${entry}`);
    await page.fill('#name_nb', '');
    await page.fill('#reason', 'Test');
    await Promise.all([page.waitForNavigation(), page.click('#entry-form button[type=submit]')]);
    check(await page.getAttribute('#name_nb', 'aria-invalid') === 'true', `draft entry name marked invalid (${lang})`);
    check(await page.$('.error-summary[role=alert] a[href="#name_nb"]') !== null, `draft entry error summary (${lang})`);
    await axe(page, `draft entry form with errors (${lang})`);
    await ctx.close();
  }
  // The main pages in nynorsk (the interface is the same; the words and the bokmål-marked
  // catalog texts are what differ): a few, not all, to keep the run short.
  const ctx = await browser.newContext({ bypassCSP: true });
  const page = await ctx.newPage();
  await setLang(page, 'nn');
  await login(page);
  const b = `/b/${ORG}`;
  await page.goto(`${BASE}/catalog/measures`);
  const measure = await page.$eval('a[href^="/catalog/measures/"]', (a) => a.getAttribute('href'));
  for (const path of [b, `${b}/tasks`, `${b}/systems`, `${b}/measures`, `${b}/risk`, `${b}/year`, measure, '/verify', '/accessibility']) {
    await page.goto(`${BASE}${path}`);
    check(await page.evaluate(() => document.documentElement.lang) === 'nn', `lang attribute on ${path} (nn)`);
    await axe(page, `${path} (nn)`);
    checked++;
  }
  await page.goto(`${BASE}${measure}`);
  check(await page.$('main h1 span[lang="nb"]') !== null, `the catalog measure's bokmål name is marked (nn)`);
  await ctx.close();
  console.log(`axe: ${checked} pages checked in nb and en, and the main pages in nn`);
}

async function keyboard(browser) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await setLang(page, 'nb');
  await login(page);
  // The skip link comes first and moves focus to the main content.
  await page.goto(`${BASE}/b/${ORG}/tasks`);
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement.classList.contains('skip')), 'skip link is the first stop');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  check(outline !== 'none', 'focus is visible on the skip link');
  // Pick a task: tick the first suggestion and add it, keyboard only.
  const taskId = await page.$eval('#picked', (e) => e.value);
  await tabTo(page, () => document.activeElement.id === 'picked', null, 'the first suggested task');
  await page.keyboard.press('Space');
  await tabTo(page, () => document.activeElement.matches('form[action$="/tasks"] button[type=submit]'), null, 'the add button');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  check(await page.$(`th[id="task-${taskId}"]`) !== null, `keyboard: task ${taskId} was added`);
  // Map it to a new system.
  await page.goto(`${BASE}/b/${ORG}/systems`);
  await tabTo(page, () => document.activeElement.id === 'id', null, 'the new system id field');
  await page.keyboard.type('tastatur-system');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Tastatursystemet');
  await tabTo(page, () => document.activeElement.matches('form[action$="/systems"] button[type=submit]'), null, 'the create button');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  check(page.url().includes('/systems/tastatur-system'), 'keyboard: system created');
  await tabTo(page, (id) => document.activeElement.id === `task-${id}`, taskId, 'the task checkbox');
  await page.keyboard.press('Space');
  await tabTo(page, () => document.activeElement.matches('main form button[type=submit]') && document.activeElement.textContent.trim() === 'Lagre', null, 'the save button');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  check(await page.isChecked(`[id="task-${taskId}"]`), 'keyboard: the task is mapped to the system');
  // Set a measure status.
  await tabTo(page, () => document.activeElement.matches('a[href*="/measures/"][href*="system=tastatur-system"]'), null, 'a set-status link');
  const measureHref = await page.evaluate(() => document.activeElement.getAttribute('href'));
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await tabTo(page, () => document.activeElement.id === 'status', null, 'the status field');
  for (let i = 0; i < 6 && (await page.$eval('#status', (e) => e.value)) !== 'implemented'; i++) {
    await page.keyboard.press('ArrowDown');
  }
  check(await page.$eval('#status', (e) => e.value) === 'implemented', 'keyboard: status chosen');
  await tabTo(page, () => document.activeElement.matches('main form button[type=submit]'), null, 'the save button');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await page.goto(`${BASE}${measureHref}`);
  check(await page.$eval('#status', (e) => e.value) === 'implemented', 'keyboard: status was saved');
  // A catalog draft's entry changed by keyboard only: its English name, the reason, save.
  const { entry } = await catalogDraft(page);
  await page.goto(`${BASE}${entry}`);
  await tabTo(page, () => document.activeElement.id === 'name_en', null, 'the entry name (en) field');
  await page.keyboard.press('End');
  await page.keyboard.type(' (keyboard)');
  await tabTo(page, () => document.activeElement.id === 'reason', null, 'the reason field');
  await page.keyboard.type('Typed with the keyboard');
  await tabTo(page, () => document.activeElement.matches('#entry-form button[type=submit]'), null, 'the entry save button');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  check(page.url().includes('saved=1'), `keyboard: draft entry saved (${page.url()})`);
  check((await page.inputValue('#name_en')).endsWith('(keyboard)'), 'keyboard: the draft entry shows its new name');
  await ctx.close();
  console.log('keyboard: flow done');
}

async function q3(page) {
  await page.goto(`${BASE}/b/${ORG}`);
  const cards = await page.$$('ol.cards > li');
  if (cards.length !== 3) throw new Error(`dashboard at ${page.url()} has ${cards.length} question cards`);
  const text = await cards[2].textContent();
  const [inPlace, required] = text.match(/(\d+) of (\d+)/).slice(1).map(Number);
  return { inPlace, required };
}

async function endToEnd(browser) {
  const ctx = await browser.newContext({ bypassCSP: true });
  const page = await ctx.newPage();
  await setLang(page, 'en');
  await login(page);
  // Adding a system and mapping a task changes its required measures. A new system processes
  // nothing, so it is at the lowest levels with BN1 only; map a task that raises a level.
  await page.goto(`${BASE}/b/${ORG}/tasks`);
  const raising = await page.$$eval('#chosen ~ form table tbody tr', (rows) => rows
    .filter((r) => r.querySelector('.lvl-hoy, .lvl-middels'))
    .map((r) => r.querySelector('th').id.replace(/^task-/, '')));
  check(raising.length > 0, 'e2e: the demo body has a task above the lowest levels');
  await page.goto(`${BASE}/b/${ORG}/systems`);
  await page.fill('#id', 'e2e-system');
  await page.fill('#name', 'End-to-end system');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/systems"] button[type=submit]')]);
  check(await page.$('.notice[role=status]') !== null, 'e2e: saved notice after creating a system');
  const rows = async () => page.$$eval('a[href*="system=e2e-system"][href*="/measures/"]', (a) => a.map((x) => x.getAttribute('href')));
  const unmapped = await rows();
  await page.check(`[id="task-${raising[0]}"]`);
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/systems/e2e-system"] button[type=submit]')]);
  const measures = await rows();
  check(measures.length > unmapped.length,
    `e2e: mapping task ${raising[0]} added required measures (${unmapped.length} before, ${measures.length} after)`);
  // Setting a status changes the dashboard.
  const before = await q3(page);
  await page.goto(`${BASE}${measures[0]}`);
  await page.selectOption('#status', 'implemented');
  await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
  const after = await q3(page);
  check(after.required === before.required && after.inPlace === before.inPlace + 1,
    `e2e: dashboard counts the new status (before ${JSON.stringify(before)}, after ${JSON.stringify(after)})`);
  // A status without a required justification is refused with the problem at its field.
  await page.goto(`${BASE}${measures[1] ?? measures[0]}`);
  await page.selectOption('#status', 'not_applicable');
  await page.fill('#justification', '');
  await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
  check(await page.getAttribute('#justification', 'aria-invalid') === 'true', 'e2e: missing justification is marked at its field');
  // A risk assessment for a flagged object, then a final status report and its PDF and XLSX.
  await page.goto(`${BASE}/b/${ORG}/risk`);
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/risk"] button[type=submit]')]);
  check(/\/risk\/\d+$/.test(page.url()), `e2e: a risk assessment was started (${page.url()})`);
  await axe(page, 'risk assessment (en)');
  // Add a risk, low and accepted as it is, then the risk owner accepts the residual risk.
  const assessment = page.url();
  await page.fill('#title', 'Lost laptop with case files');
  await page.check('#dim-c');
  await page.selectOption('#likelihood', '1');
  await page.selectOption('#consequence', '1');
  await page.selectOption('#decision', 'accept');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/risks"] button[type=submit]')]);
  check(page.url().startsWith(assessment) && (await page.content()).includes('Lost laptop with case files'), 'e2e: a risk was added');
  await page.fill('#owner', 'Kari Nordmann, chief executive');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/accept"] button[type=submit]')]);
  check((await page.content()).includes('Kari Nordmann, chief executive ('), 'e2e: the residual risk is accepted by its owner');
  await axe(page, 'accepted risk assessment (en)');
  // Editing the risk withdraws the acceptance, and the page says so; then it is removed.
  await Promise.all([page.waitForNavigation(), page.click('main table a[href*="/risks/"]')]);
  check((await page.content()).includes('A change withdraws the acceptance'), 'e2e: the edit form warns about the acceptance');
  check(await page.inputValue('#title') === 'Lost laptop with case files', 'e2e: the edit form is filled in');
  await page.fill('#title', 'Lost laptop with unencrypted case files');
  await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
  check((await page.content()).includes('The acceptance of the residual risk is withdrawn'), 'e2e: the acceptance is withdrawn');
  check((await page.content()).includes('Lost laptop with unencrypted case files'), 'e2e: the risk was changed');
  await axe(page, 'risk assessment after a change (en)');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/remove"] button[type=submit]')]);
  check(!(await page.content()).includes('Lost laptop with unencrypted case files'), 'e2e: the risk was removed');
  await page.goto(`${BASE}/b/${ORG}/risk`);
  await page.selectOption('#kind', 'status');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/reports"] button[type=submit]')]);
  // Finalising asks first, saying what it means; without the box ticked nothing is final.
  await Promise.all([page.waitForNavigation(), page.click('main table a[href$="/finalize"]')]);
  check((await page.content()).includes('cannot be changed or deleted afterwards'), 'e2e: finalising says what it means');
  await axe(page, 'finalise confirmation (en)');
  await page.$eval('#confirm', (e) => e.removeAttribute('required'));
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/finalize"] button[type=submit]')]);
  check(await page.getAttribute('#confirm', 'aria-invalid') === 'true', 'e2e: finalising without confirming is refused at the box');
  await axe(page, 'finalise confirmation with its problem (en)');
  await page.check('#confirm');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/finalize"] button[type=submit]')]);
  check(page.url().includes('?saved=1#reports'), `e2e: back at the reports (${page.url()})`);
  check(await page.$('main table a[href$="/finalize"]') === null, 'e2e: the report is final');
  await axe(page, 'risk and reports with a final report (en)');
  const inView = await page.$eval('.notice[role=status]', (n) => {
    const r = n.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }).catch(() => false);
  check(inView, 'e2e: the saved confirmation is in view at the reports');
  for (const [fmt, type] of [['pdf', 'application/pdf'], ['xlsx', 'spreadsheetml']]) {
    const href = await page.$eval(`a[href$="format=${fmt}"]`, (a) => a.getAttribute('href'));
    const res = await page.request.get(`${BASE}${href}`);
    check(res.status() === 200 && res.headers()['content-type'].includes(type), `e2e: the final report as ${fmt}`);
  }
  await ctx.close();
  console.log('end-to-end: flows done');
}

/// On a phone (390 px wide) the main pages never scroll sideways: tables stack or scroll in
/// their own box, and the status and action of a measure are on screen.
async function phone(browser) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  const b = `/b/${ORG}`;
  for (const lang of ['nb', 'en']) {
    await setLang(page, lang);
    if (lang === 'nb') await login(page);
    const { assessment } = await riskWithOneRisk(page);
    for (const path of [b, `${b}/measures`, `${b}/systems`, `${b}/tasks`, `${b}/adapt`, `${b}/risk`, assessment]) {
      await page.goto(`${BASE}${path}`);
      const { scroll, view } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        view: window.innerWidth,
      }));
      check(scroll <= view, `phone: ${path} (${lang}) is ${scroll} px wide in a ${view} px window`);
    }
    // The measure list: each row's status and its action link are inside the window.
    await page.goto(`${BASE}${b}/measures`);
    const off = await page.$$eval('main table tbody tr', (rows) => rows.slice(0, 10).filter((r) => {
      const cells = [...r.querySelectorAll('td')];
      return cells.slice(-4).some((c) => c.getBoundingClientRect().right > window.innerWidth + 1);
    }).length);
    check(off === 0, `phone: ${off} measure rows have their status or action off-screen (${lang})`);
  }
  await ctx.close();
  console.log('phone: pages fit 390 px');
}

/// The user guide's pictures (docs/brukerveiledning.md, docs/user-guide.md): the first day's
/// pages in bokmål and English at 1,280 × 800, written to GRUNNMUR_GUIDE_DIR.
async function guide(browser) {
  const dir = process.env.GRUNNMUR_GUIDE_DIR;
  if (!dir) return;
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await login(page);
  const b = `/b/${ORG}`;
  await page.goto(`${BASE}${b}/measures?status=overdue`);
  const status = await page.$eval('main table a[href*="/measures/"]', (a) => a.getAttribute('href'));
  await statusWithFileAndComment(page, status);
  const { assessment } = await riskWithOneRisk(page);
  const shots = [
    ['01-oversikt', '01-overview', b],
    ['02-oppgaver', '02-tasks', `${b}/tasks`],
    ['03-systemer', '03-systems', `${b}/systems`],
    ['04-tilpass', '04-adapt', `${b}/adapt`],
    ['05-tiltak', '05-measures', `${b}/measures?status=overdue`],
    ['06-tiltak-status', '06-measure-status', `${status}#files`],
    ['07-mine-oppgaver', '07-my-tasks', `${b}/follow-up?owner=`],
    ['08-risikovurdering', '08-risk-assessment', assessment],
    ['09-rapporter', '09-reports', `${b}/risk#reports`],
  ];
  for (const [lang, at] of [['nb', 0], ['en', 1]]) {
    await setLang(page, lang);
    fs.mkdirSync(`${dir}/${lang}`, { recursive: true });
    for (const shot of shots) {
      await page.goto(`${BASE}${shot[2]}`);
      await page.screenshot({ path: `${dir}/${lang}/${shot[at]}.png` });
    }
  }
  await ctx.close();
  console.log(`guide: ${shots.length * 2} pictures in ${dir}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
const only = process.env.GRUNNMUR_BROWSER_ONLY;
try {
  if (!only || only === 'axe') await accessibility(browser);
  if (!only || only === 'keyboard') await keyboard(browser);
  if (!only || only === 'e2e') await endToEnd(browser);
  if (!only || only === 'phone') await phone(browser);
  if (!only || only === 'guide') await guide(browser);
} catch (e) {
  fail(`error: ${e.stack ?? e}`);
} finally {
  await browser.close();
}
if (failures.length) {
  console.log(`${failures.length} failures`);
  process.exit(1);
}
console.log('all browser checks passed');
