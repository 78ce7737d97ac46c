// Planning a book: what the site's configuration says where the user said nothing (flags always win), the
// chapter order, and the confinement of every later read to the input folders.
#include "sources/plan.h"

#include "dialects/dialect.h"
#include "dialects/hugo/hugo.h"
#include "dialects/jekyll/jekyll.h"
#include "sources/load.h"
#include "sources/user_css.h"

namespace mkepub {
namespace {

Options with_site_defaults(Options options, const Site& site) {
  const SiteConfig& c = site.config;
  if (options.title.empty()) options.title = c.title;
  if (options.authors.empty()) options.authors = c.authors;
  if (options.authors.empty() && !c.author.empty()) options.authors = {c.author};
  if (options.language.empty()) options.language = c.language;
  if (options.description.empty()) options.description = c.description;
  if (options.subtitle.empty()) options.subtitle = c.subtitle;
  return options;
}

std::string fallback_title(const Options& options) {
  if (options.inputs.empty() || options.inputs.front() == kStandardInput) return "Untitled";
  auto p = fs::weakly_canonical(options.inputs.front());
  return fs::is_directory(p) ? p.filename().string() : p.stem().string();
}

}  // namespace

std::optional<BookPlan> plan_book(const Options& options, std::optional<Site> site, std::vector<Post> posts,
                                  Diagnostics& diag) {
  BookPlan plan{site ? with_site_defaults(options, *site) : options, std::move(site), std::move(posts)};
  const Options& o = plan.options;
  if (plan.posts.empty()) {
    diag.error({o.inputs.empty() ? "" : o.inputs.front().generic_string(), 0, 0,
                "nothing to build: every post is a draft, filtered or left out"});
    return std::nullopt;
  }
  const auto order = plan.site ? plan.site->dialect->order : Dialect::Order::sorted;
  if (order == Dialect::Order::sections && !plan.site->post_dirs.empty())
    sort_hugo_posts(plan.posts, plan.site->post_dirs.front(), o.sort, diag, plan.site->config.title);
  else if (order == Dialect::Order::collections && !o.sort_given)
    sort_jekyll_posts(plan.posts, *plan.site, o.sort, diag);
  else if (order != Dialect::Order::summary || o.sort_given) sort_posts(plan.posts, o.sort);
  plan.roots = o.resource_paths;
  for (const auto& input : o.inputs)
    plan.roots.push_back(fs::is_directory(input) ? input : fs::absolute(input).parent_path());
  plan.read = confined_reader(plan.roots);
  if (!o.templates.empty()) plan.templates = load_templates(o.templates, diag);
  if (!o.css.empty()) plan.templates[kUserCss] = load_user_css(o.css, diag);
  if (diag.failed()) return std::nullopt;
  plan.fallback_title = fallback_title(o);
  if (plan.site && plan.site->dialect->markdown) plan.markdown = plan.site->dialect->markdown(plan.site->config);
  return plan;
}

}  // namespace mkepub
