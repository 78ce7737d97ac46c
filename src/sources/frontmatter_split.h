// Sources: where a post's front matter ends and its body begins, in each generator's formats: YAML between `---`
// lines, TOML between `+++` lines and a JSON object (Hugo, https://gohugo.io/content-management/front-matter/),
// and Hexo's own rules (https://github.com/hexojs/hexo-front-matter): JSON between `;;;` lines, front matter
// without its opening separator, and hard tabs indenting YAML.
#pragma once

#include <string>
#include <vector>

namespace mkepub {

struct FrontMatterText {
  enum class Format { none, yaml, toml, json } format = Format::none;
  std::string data;   // the front matter's text (JSON with its braces)
  int data_line = 0;  // line of the post file where `data` starts
  std::string body;
  int body_line = 1;
  // Hexo's JSON, and Hexo's front matter without an opening separator: the front matter counts only when it
  // reads (as JSON, or as a mapping), so `body` is still the whole text; once it does, the body is what follows
  // `cut` (and starts on line `cut_line`).
  bool tentative = false;
  bool without_opening = false;
  size_t cut = 0;
  int cut_line = 1;
};

// Whose rules decide where front matter is: Jekyll's (the file's first line opens it), Hugo's (blank lines may
// precede it: Hugo's page lexer skips white space before the opening delimiter) or Hexo's.
enum class FrontMatterRules { jekyll, hugo, hexo };

// Splits `text` (which it takes, so the body is never held twice). Hexo's rules add: a `;;;` block (its
// inside wrapped in braces, as Hexo does before JSON.parse), a closing separator equal to the opening one, and,
// when the post does not open with a separator, everything up to the first line starting with `---` or `;;;`.
// A `---` block never closed is front matter never closed (an InputError) except for Hexo, whose post is then all
// body. A `+++` block never closed is also an InputError.
FrontMatterText split_front_matter(std::string text, const std::string& display, FrontMatterRules rules);

// Hexo's escape before loading YAML (hexo-front-matter's escapeYAML, also used for _config.yml): each run of hard
// tabs starting a line after the first becomes two spaces per tab. Returns how many tabs each line lost, so that
// a column in the escaped text can be given back in the file's own (original_column).
std::vector<int> escape_yaml_tabs(std::string& yaml);
int original_column(const std::vector<int>& tabs_per_line, int line0, int column1);

}  // namespace mkepub
