// Self-check of a finished book against the rules epubcheck enforces most often (EPUB 3.3 sections 4-6):
// well-formed XML, manifest completeness (RSC-007/OPF-003) and internal links (RSC-007/RSC-012).
#include "check.h"

#include <pugixml.hpp>

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

std::set<std::string> ids_of(const pugi::xml_document& doc) {
  std::set<std::string> ids;
  for (auto x : doc.select_nodes("//*[@id]")) ids.insert(x.node().attribute("id").value());
  return ids;
}

class Checker {
 public:
  explicit Checker(const std::vector<Entry>& entries) {
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
      if (type == "application/xhtml+xml" || type == "application/x-dtbncx+xml") docs_.emplace(path, parse(path));
    }
    for (const auto& [path, entry] : files_)
      if (!listed.count(path) && path.rfind("META-INF/", 0) != 0) fail(path + " is not in the manifest");
    for (const auto& [path, doc] : docs_) links(path, doc);
  }

  std::vector<std::string> problems;

 private:
  Files files_;
  std::map<std::string, pugi::xml_document> docs_;
  std::map<std::string, std::set<std::string>> ids_;

  void fail(const std::string& what) { problems.push_back(what); }

  pugi::xml_document parse(const std::string& path) {
    pugi::xml_document doc;
    auto it = files_.find(path);
    if (it == files_.end()) {
      fail(path + " is missing");
      return doc;
    }
    const std::string& bytes = it->second->bytes;
    auto r = doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_declaration | pugi::parse_pi);
    if (!r) fail(path + ": not well-formed XML at byte " + std::to_string(r.offset) + ": " + r.description());
    // Kindle reads a page without this declaration as ISO-8859-1; XML allows it only once, first.
    if (bytes.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>", 0) != 0)
      fail(path + ": does not start with the XML declaration");
    int declarations = 0;
    for (auto n = doc.first_child(); n; n = n.next_sibling())
      declarations += n.type() == pugi::node_declaration || n.type() == pugi::node_pi;
    if (declarations != 1 || doc.select_node("//processing-instruction()"))
      fail(path + ": XML declaration or processing instruction out of place");
    return doc;
  }

  void links(const std::string& path, const pugi::xml_document& doc) {
    for (auto x : doc.select_nodes("//@href|//@src")) {
      std::string href = x.attribute().value();
      std::string target = resolve(path, href);
      if (target.empty()) continue;  // external
      if (!files_.count(target)) {
        fail(path + ": link to " + href + ", which is not in the book");
        continue;
      }
      auto hash = href.find('#');
      if (hash == std::string::npos) continue;
      auto doc_it = docs_.find(target);
      if (doc_it != docs_.end() && !ids_.count(target)) ids_[target] = ids_of(doc_it->second);
      if (doc_it == docs_.end() || !ids_[target].count(href.substr(hash + 1)))
        fail(path + ": link to " + href + ", whose fragment does not exist");
    }
  }
};

}  // namespace

std::vector<std::string> check_book(const std::vector<Entry>& entries) {
  Checker checker(entries);
  checker.run(entries);
  return checker.problems;
}

}  // namespace mkepub
