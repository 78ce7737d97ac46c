// Sources (yaml_fields.h): typed values out of YAML nodes, lenient (warnings; front matter, site configs) and strict
// (errors; book configs), each message at the file's line and column.
#include <doctest/doctest.h>

#include "../strings.h"
#include "sources/yaml_fields.h"

using namespace mkepub;

namespace {

// Reads `yaml` (a map) and hands each key's node to `read`; the messages, formatted, come back.
struct Read {
  Diagnostics diag;
  YAML::Node root;
  YamlFields fields;
  Read(const std::string& yaml, YamlReporting how) : root(YAML::Load(yaml)), fields("doc.yml", diag, how) {}
  const YAML::Node operator[](const char* key) const { return static_cast<const YAML::Node&>(root)[key]; }
  Strings messages() const {
    Strings out;
    for (const auto& d : diag.errors()) out.push_back(d.format("error"));
    for (const auto& d : diag.warnings()) out.push_back(d.format("warning") + " [" + d.kind + "]");
    return out;
  }
};

const YamlReporting kLenient{.prefix = "front matter ", .kind = "odd value", .first_line = 2};
const YamlReporting kStrict{.strict = true};

}  // namespace

TEST_CASE("yaml fields: scalar") {
  Read r("a: text\nb:\nc: [1, 2]\nd: {x: 1}\ne: '  spaced '\n", kLenient);
  CHECK(r.fields.scalar(r["a"], "a") == "text");
  CHECK(r.fields.scalar(r["b"], "b") == std::nullopt);
  CHECK(r.fields.scalar(r["c"], "c") == std::nullopt);
  CHECK(r.fields.scalar(r["e"], "e") == "  spaced ");  // as written: callers trim where they mean to
  CHECK(r.messages() ==
        Strings{"doc.yml:4:4: warning: front matter `c`: expected a single value; ignored [odd value]"});

  Read s("c: [1, 2]\nd: {x: 1}\n", kStrict);
  CHECK(s.fields.scalar(s["c"], "c") == std::nullopt);
  CHECK(s.fields.scalar(s["d"], "d") == std::nullopt);
  CHECK(s.messages() == Strings{"doc.yml:1:4: error: `c`: expected a string, not a list",
                                "doc.yml:2:4: error: `d`: expected a string, not a map"});
  CHECK(s.fields.errors() == 2);
}

TEST_CASE("yaml fields: list, lenient: flattened, without empties or repeats, odd items skipped") {
  Read r("tags: [a, [b, [c, a]], '', {x: y}, d]\none: solo\nnone:\n", kLenient);
  Strings out;
  CHECK(r.fields.list(r["tags"], "tags", out));
  CHECK(r.fields.list(r["one"], "one", out));
  CHECK_FALSE(r.fields.list(r["none"], "none", out));
  CHECK(out == Strings{"a", "b", "c", "d", "solo"});
  CHECK(r.messages() ==
        Strings{"doc.yml:2:28: warning: front matter `tags`: expected a value or a list; ignored [odd value]"});
}

TEST_CASE("yaml fields: list, strict: a string or a list of strings, or nothing at all") {
  Read r("one: solo\nmany: [a, '', a]\nmap: {x: y}\nnested: [a, [b]]\n", kStrict);
  Strings out;
  CHECK(r.fields.list(r["one"], "one", out));
  CHECK(r.fields.list(r["many"], "many", out));
  CHECK(out == Strings{"solo", "a", "", "a"});
  CHECK_FALSE(r.fields.list(r["map"], "map", out));
  CHECK_FALSE(r.fields.list(r["nested"], "nested", out));
  CHECK(out.size() == 4);  // left as it was
  CHECK(r.messages() == Strings{"doc.yml:3:6: error: `map`: expected a string or a list of strings, not a map",
                                "doc.yml:4:13: error: `nested`: expected a string, not a list"});
}

TEST_CASE("yaml fields: names, as a scalar, {name: X}, or a list of either") {
  Read r("a: ' Ann '\nb: {name: Bob, email: b@example.com}\nc: [Cy, {name: 'Di, Jr.'}, '', Ann]\nd: {email: x}\n",
         {.kind = "config value ignored"});
  Strings out;
  r.fields.names(r["a"], "author", out);
  r.fields.names(r["b"], "author", out);
  r.fields.names(r["c"], "author", out);
  r.fields.names(r["d"], "author", out);
  CHECK(out == Strings{"Ann", "Bob", "Cy", "Di, Jr."});
  CHECK(r.messages() == Strings{"doc.yml:4:4: warning: `author`: expected a name, a map with `name`, or a list of "
                                "them; ignored [config value ignored]"});
}

TEST_CASE("yaml fields: boolean and integer, null absent when lenient and an error when strict") {
  Read r("a: yes\nb: off\nc: maybe\nd:\nn: 4\nm: 9\n", kLenient);
  CHECK(r.fields.boolean(r["a"], "a") == true);
  CHECK(r.fields.boolean(r["b"], "b") == false);
  CHECK(r.fields.boolean(r["c"], "c") == std::nullopt);
  CHECK(r.fields.boolean(r["d"], "d") == std::nullopt);
  CHECK(r.fields.integer(r["n"], "n", 1, 6) == 4);
  CHECK(r.fields.integer(r["m"], "m", 1, 6) == std::nullopt);
  CHECK(r.fields.integer(r["d"], "d", 1, 6) == std::nullopt);
  CHECK(r.messages() == Strings{"doc.yml:4:4: warning: front matter `c`: expected true or false; ignored [odd value]",
                                "doc.yml:7:4: warning: front matter `m`: expected a number from 1 to 6; ignored "
                                "[odd value]"});

  Read s("d:\nm: [1]\n", kStrict);
  CHECK(s.fields.boolean(s["d"], "d") == std::nullopt);
  CHECK(s.fields.integer(s["m"], "m", 1, 6) == std::nullopt);
  CHECK(s.messages() == Strings{"doc.yml:2:1: error: `d`: expected true or false",
                                "doc.yml:2:4: error: `m`: expected a number from 1 to 6"});
}

TEST_CASE("yaml fields: date") {
  Read r("a: 2024-01-02 03:04:05\nb: last Tuesday\nc: ''\n", kLenient);
  auto d = r.fields.date(r["a"], "a");
  REQUIRE(d);
  CHECK(d->year == 2024);
  CHECK(d->hour == 3);
  CHECK(r.fields.date(r["b"], "b") == std::nullopt);
  CHECK(r.fields.date(r["c"], "c") == std::nullopt);  // empty: absent
  CHECK(r.messages() == Strings{"doc.yml:3:4: warning: front matter `b`: `last Tuesday` is not a date (expected e.g. "
                                "2025-07-20 02:20:08); ignored [odd value]"});

  Read s("from: last spring\n", kStrict);
  CHECK(s.fields.date(s["from"], "from") == std::nullopt);
  CHECK(s.messages() == Strings{"doc.yml:1:7: error: `from`: `last spring` is not a date"});
}

TEST_CASE("yaml fields: a null mark is line 0, the whole file") {
  Diagnostics diag;
  YamlFields fields("doc.yml", diag, kStrict);
  fields.error(YAML::Mark::null_mark(), "something about the file");
  CHECK(diag.errors().at(0).format("error") == "doc.yml: error: something about the file");
  CHECK(fields.position(YAML::Mark::null_mark()) == std::pair{0, 0});
}

TEST_CASE("yaml fields: escaped control characters and NUL leave scalars, lists and names, nothing cut short") {
  Read r("t: \"T\\0it\\x07le\"\nl: [\"a\\x01b\", \"\\0\"]\nn: \"Ann\\x1b\"\n", kLenient);
  CHECK(r.fields.scalar(r["t"], "t") == "Title");
  Strings l;
  r.fields.list(r["l"], "l", l);
  CHECK(l == Strings{"ab"});
  Strings n;
  r.fields.names(r["n"], "n", n);
  CHECK(n == Strings{"Ann"});
}

TEST_CASE("yaml fields: a value past 64 KB is ignored, and 100000 tags are read in linear time") {
  Read r("title: " + std::string(1 << 20, 'w') + "\ntags: [" + std::string(70 << 10, 't') + ", ok]\n", kLenient);
  CHECK(r.fields.scalar(r["title"], "title") == std::nullopt);
  std::vector<std::string> tags;
  r.fields.list(r["tags"], "tags", tags);
  CHECK(tags == Strings{"ok"});
  CHECK(
      r.messages() ==
      Strings{"doc.yml:2:8: warning: front matter `title`: a value of 1024 KB; the limit is 64 KB; ignored [odd value]",
              "doc.yml:3:8: warning: front matter `tags`: a value of 70 KB; the limit is 64 KB; ignored [odd value]"});
  std::string many = "tags: [";
  for (int i = 0; i < 100000; ++i) many += "t" + std::to_string(i % 50000) + ", ";
  Read m(many + "]\n", kLenient);
  tags.clear();
  m.fields.list(m["tags"], "tags", tags);
  CHECK(tags.size() == 50000);  // each once, in order
  CHECK(tags[49999] == "t49999");
}
