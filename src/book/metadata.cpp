// Book metadata for the package document (https://www.w3.org/TR/epub-33/#sec-pkg-metadata).
#include "book/metadata.h"

#include <algorithm>
#include <map>

#include "base/dates.h"
#include "base/text.h"
#include "book/identifier.h"

namespace mkepub {
namespace {

// Blank values make no element: a reader would show an empty author or tag.
void add_distinct(std::vector<std::string>& out, std::string_view value) {
  std::string s(trim(value));
  if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
}

// Without a configured author, the posts' authors: all of them as creators when they are few; a blog written by
// many people (a project's news, 93 authors) names as creators the kMostCreators who wrote the most chapters
// (ties: who came first), as catalogues name at most three authors, and the others as contributors.
void post_authors(const std::vector<Chapter>& chapters, Metadata& m) {
  std::vector<std::string> all;
  std::map<std::string, int> chapters_by;
  for (const auto& ch : chapters)
    for (const auto& a : ch.post->authors) {
      add_distinct(all, a);
      if (std::string name(trim(a)); !name.empty()) ++chapters_by[name];
    }
  if (all.size() <= kMostCreators) {
    m.creators = std::move(all);
    return;
  }
  std::vector<std::string> ranked = all;
  std::stable_sort(ranked.begin(), ranked.end(),
                   [&](const std::string& a, const std::string& b) { return chapters_by[a] > chapters_by[b]; });
  ranked.resize(kMostCreators);
  for (const auto& a : all)
    (std::find(ranked.begin(), ranked.end(), a) != ranked.end() ? m.creators : m.contributors).push_back(a);
}

std::string make_identifier(const Options& o, const std::vector<Chapter>& chapters, const Metadata& m) {
  if (!o.identifier.empty()) {
    if (auto u = parse_uuid(o.identifier)) return "urn:uuid:" + *u;
    if (o.identifier.find(':') != std::string::npos) return o.identifier;
    return "urn:uuid:" + uuid_v5("mkepub:" + o.identifier);
  }
  if (chapters.size() == 1)
    if (auto u = parse_uuid(chapters[0].post->abbrlink)) return "urn:uuid:" + *u;
  std::string name = "mkepub:" + m.title;
  for (const auto& c : m.creators) name += "\n" + c;
  return "urn:uuid:" + uuid_v5(name);
}

// The language most posts declare, else the one their text is written in.
std::string book_language(const Options& o, const std::vector<Chapter>& chapters, const ScriptCounts& text) {
  if (auto l = normalize_language(o.language); !l.empty()) return l;
  std::map<std::string, int> declared;
  for (const auto& ch : chapters)
    if (auto l = normalize_language(ch.post->language); !l.empty()) ++declared[l];
  if (!declared.empty())
    return std::max_element(declared.begin(), declared.end(), [](auto& a, auto& b) { return a.second < b.second; })
        ->first;
  return detect_language(text);
}

}  // namespace

Metadata make_metadata(const Options& o, const std::vector<Chapter>& chapters, const std::string& fallback_title,
                       const ScriptCounts& text) {
  Metadata m;
  // Whitespace alone says nothing and would make an empty dc: element, which the package schema refuses.
  m.title = trim(!trim(o.title).empty()                                     ? o.title
                 : chapters.size() == 1 && !trim(chapters[0].title).empty() ? chapters[0].title
                                                                            : fallback_title);
  m.subtitle = trim(o.subtitle);
  for (const auto& a : o.authors) add_distinct(m.creators, a);
  if (m.creators.empty()) post_authors(chapters, m);
  m.language = book_language(o, chapters, text);
  m.publisher = trim(o.publisher);
  m.rights = trim(o.rights);
  m.series = trim(o.series);
  if (!m.series.empty()) m.series_index = trim(o.series_index);  // a position in no series says nothing
  m.description = trim(!trim(o.description).empty() ? o.description
                       : chapters.size() == 1       ? chapters[0].post->description
                                                    : "");

  std::optional<Date> newest;
  std::optional<long long> modified;
  for (const auto& ch : chapters) {
    const Post& p = *ch.post;
    for (const auto& t : p.tags) add_distinct(m.subjects, t);
    for (const auto& c : p.categories) add_distinct(m.subjects, c);
    for (const auto& k : p.keywords) add_distinct(m.subjects, k);
    if (p.date && (!newest || date_less(*newest, *p.date))) newest = p.date;
    for (const auto& d : {p.date, p.updated})
      if (d) modified = std::max(modified.value_or(to_epoch(*d)), to_epoch(*d));
  }
  if (newest) m.date = format_day(*newest);
  // Never the wall clock: the same input must give the same bytes.
  m.modified = format_utc_timestamp(o.source_date_epoch.value_or(modified.value_or(0)));
  m.identifier = make_identifier(o, chapters, m);
  return m;
}

}  // namespace mkepub
