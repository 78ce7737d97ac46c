// Self-check of a finished book against the rules epubcheck enforces most often (EPUB 3.3 sections 4-6):
// well-formed XML, manifest completeness (RSC-007/OPF-003), internal links (RSC-007/RSC-012) and the content model
// of HTML's lists, definition lists and paragraphs (RSC-005), the nestings HTML5 parsers build but XHTML forbids.
#include "epub/check.h"

#include "base/content_model.h"
#include "base/diagnostics.h"
#include "base/memory.h"

#include "epub/deflate.h"
#include "render/xhtml_policy.h"
#include "base/dom.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace mkepub {
namespace {

using Files = std::map<std::string, const Entry*>;

// `href` resolved against the folder of `from`, both inside the container; "" for an external URL.
std::string resolve(const std::string& from, const std::string& href) {
  for (char c : href) {
    if (c == ':') return "";
    if (c == '/' || c == '#' || c == '?') break;
  }
  if (href.empty() || href[0] == '#') return from;
  std::string path = from.substr(0, from.rfind('/') + 1) + href.substr(0, href.find('#'));
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

pugi::xml_document parse_xml(const std::string& path, const std::string& bytes, std::vector<std::string>& problems) {
  pugi::xml_document doc;
  auto r = doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_declaration | pugi::parse_pi);
  if (!r) problems.push_back(path + ": not well-formed XML at byte " + std::to_string(r.offset) + ": " + r.description());
  // Kindle reads a page without this declaration as ISO-8859-1; XML allows it only once, first.
  if (bytes.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>", 0) != 0)
    problems.push_back(path + ": does not start with the XML declaration");
  int declarations = 0;
  for (auto n = doc.first_child(); n; n = n.next_sibling())
    declarations += n.type() == pugi::node_declaration || n.type() == pugi::node_pi;
  if (declarations != 1 || doc.select_node("//processing-instruction()"))
    problems.push_back(path + ": XML declaration or processing instruction out of place");
  return doc;
}

class Checker {
 public:
  Checker(const std::vector<Entry>& entries, std::map<std::string, XmlFacts> scanned) : scanned_(std::move(scanned)) {
    for (const auto& e : entries) files_[e.path] = &e;
  }

  void run(const std::vector<Entry>& entries) {
    if (entries.empty() || entries[0].path != "mimetype" || entries[0].bytes != "application/epub+zip" ||
        !entries[0].stored)
      fail("mimetype is not the first, stored entry");
    auto container = parse("META-INF/container.xml");
    std::string opf_path = container.select_node("//*[local-name()='rootfile']").node().attribute("full-path").value();
    auto opf = parse(opf_path);
    std::set<std::string> listed = {"mimetype", "META-INF/container.xml", opf_path};
    for (auto x : opf.select_nodes("//*[local-name()='item']")) {
      auto item = x.node();
      std::string path = resolve(opf_path, item.attribute("href").value());
      listed.insert(path);
      if (!files_.count(path)) fail(opf_path + ": manifest item " + path + " is not in the book");
      std::string type = item.attribute("media-type").value();
      if (type == "application/xhtml+xml" || type == "application/x-dtbncx+xml") facts_.emplace(path, facts(path));
    }
    for (const auto& [path, entry] : files_)
      if (!listed.count(path) && path.rfind("META-INF/", 0) != 0) fail(path + " is not in the manifest");
    for (const auto& [path, f] : facts_) {
      problems.insert(problems.end(), f.problems.begin(), f.problems.end());
      links(path, f);
    }
  }

  std::vector<std::string> problems;

 private:
  Files files_;
  std::map<std::string, XmlFacts> scanned_;  // taken over by facts(): each page's facts are kept once
  std::map<std::string, XmlFacts> facts_;

  void fail(const std::string& what) { problems.push_back(what); }

  pugi::xml_document parse(const std::string& path) {
    auto it = files_.find(path);
    if (it == files_.end()) {
      fail(path + " is missing");
      return {};
    }
    return parse_xml(path, inflate_entry(*it->second), problems);
  }

  XmlFacts facts(const std::string& path) {
    if (auto it = scanned_.find(path); it != scanned_.end()) return std::move(it->second);
    auto it = files_.find(path);
    if (it == files_.end()) {
      fail(path + " is missing");
      return {};
    }
    return scan_xml(path, inflate_entry(*it->second));
  }

  void links(const std::string& path, const XmlFacts& f) {
    for (const auto& href : f.refs) {
      std::string target = resolve(path, href);
      if (target.empty()) continue;  // external
      if (!files_.count(target)) {
        fail(path + ": link to " + href + ", which is not in the book");
        continue;
      }
      auto hash = href.find('#');
      if (hash == std::string::npos) continue;
      auto doc_it = facts_.find(target);
      if (doc_it == facts_.end() ||
          !std::binary_search(doc_it->second.ids.begin(), doc_it->second.ids.end(), href.substr(hash + 1)))
        fail(path + ": link to " + href + ", whose fragment does not exist");
    }
  }
};

}  // namespace

XmlFacts scan_xml(const std::string& path, const std::string& bytes) {
  XmlFacts f;
  auto doc = parse_xml(path, bytes, f.problems);
  bool xhtml = path.size() > 6 && path.compare(path.size() - 6, 6, ".xhtml") == 0;
  walk_below(doc, [&](pugi::xml_node n) {
    if (xhtml && n.type() == pugi::node_element) {
      if (auto problem = content_model_problem(n); !problem.what.empty()) f.problems.push_back(path + ": " + problem.what);
    }
    for (auto a : n.attributes()) {
      std::string_view name = a.name();
      if (name == "id") f.ids.push_back(a.value());
      else if (name == "href" || name == "src") f.refs.push_back(a.value());
      else if (name == "style" && xhtml && !style_is_declarations(a.value()))
        f.problems.push_back(path + ": a style attribute CSS cannot parse: " + a.value());
    }
    return true;
  });
  std::sort(f.ids.begin(), f.ids.end());
  f.ids.shrink_to_fit();
  f.refs.shrink_to_fit();
  return f;
}

std::vector<std::string> check_book(const std::vector<Entry>& entries, std::map<std::string, XmlFacts> scanned) {
  Checker checker(entries, std::move(scanned));
  checker.run(entries);
  return checker.problems;
}

void require_sound_book(const std::vector<Entry>& entries, std::map<std::string, XmlFacts> scanned) {
  GiveBackMemoryOnExit give_back;  // the packaged book's Book and the check's tables
  auto problems = check_book(entries, std::move(scanned));
  if (problems.empty()) return;
  std::string all;
  for (const auto& p : problems) all += "\n  " + p;
  throw InternalError("the book failed mkepub's self-check (this is a bug in mkepub):" + all);
}

}  // namespace mkepub
