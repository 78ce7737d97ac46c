// mkepub serve's page: shows /book.epub in epub.js and polls /status; a new build number reloads the book at the
// chapter being read, a failed build shows its report under the book.
'use strict';
const $ = id => document.getElementById(id);
let shown = 0, book = null, rendition = null;

async function show(build) {
  const where = rendition && rendition.currentLocation() && rendition.currentLocation().start;
  const next = ePub('/book.epub?build=' + build, {openAs: 'epub'});
  await next.ready;
  if (book) book.destroy();
  $('book').textContent = '';
  book = next;
  rendition = book.renderTo('book', {width: '100%', height: '100%', spread: 'none'});
  rendition.on('keyup', turn);
  rendition.on('relocated', showChapter);
  // Back where the reader was: the same spot when the edit left it in place, else the chapter's start, else
  // (the chapter is gone) the book's.
  let placed = false;
  for (const target of where ? [where.cfi, where.href] : []) {
    try {
      await rendition.display(target);
      placed = true;
      break;
    } catch (e) {
    }
  }
  if (!placed) await rendition.display();
  const meta = await book.loaded.metadata;
  $('title').textContent = meta.title;
  document.title = meta.title + ' — mkepub serve';
  const toc = $('toc');
  toc.textContent = '';
  const add = (items, depth) => items.forEach(item => {
    toc.add(new Option('\u00a0\u00a0'.repeat(depth) + item.label.trim(), item.href));
    add(item.subitems || [], depth + 1);
  });
  add((await book.loaded.navigation).toc, 0);
  shown = build;
  document.body.dataset.build = build;  // for scripts that wait for a build to be on screen
}

// The chapter list follows the reading: the entry of the page shown (its file, the fragment aside).
function showChapter(location) {
  const file = location.start.href.split('#')[0];
  const entry = Array.from($('toc').options).find(o => o.value.split('#')[0] === file);
  if (entry) $('toc').value = entry.value;
}

function turn(e) {
  if (!rendition) return;
  if (e.key === 'ArrowLeft') rendition.prev();
  if (e.key === 'ArrowRight') rendition.next();
}

async function poll() {
  try {
    const status = await (await fetch('/status', {cache: 'no-store'})).json();
    if (status.build > shown) await show(status.build);
    if ($('errors').hidden !== status.ok) {
      $('errors').hidden = status.ok;
      if (rendition) rendition.resize();  // the report takes its room from the book, or gives it back
    }
    $('log').textContent = status.log;
    $('state').textContent = status.building ? 'building…' : status.ok ? 'build ' + status.build : 'build failed';
  } catch (e) {
    $('state').textContent = 'no answer from mkepub serve (' + e.message + ')';
  }
  setTimeout(poll, 500);
}

$('prev').onclick = () => rendition && rendition.prev();
$('next').onclick = () => rendition && rendition.next();
$('toc').onchange = e => rendition && rendition.display(e.target.value);
document.addEventListener('keyup', turn);
poll();
