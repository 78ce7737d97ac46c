// Dialects: the site configs Docusaurus (docusaurus.config.js/ts) and VitePress (.vitepress/config.js/ts) keep in
// JavaScript. They are never executed: only keys whose value is a plain string literal are read.
#pragma once

#include <string>
#include <string_view>

#include "dialects/site.h"

namespace mkepub {

// The first `key: 'text'` (or "text", or `text` without `${`) in the file, unescaped; "" when the first such key
// has any other value (a variable, a call, a template with substitutions) or there is none. The first is the
// site's own in both generators' configs, whose nested objects (navbar, locales) come after it.
std::string js_string_value(std::string_view js, std::string_view key);

// The bare word (`true`, `false`, a number) that is the first `key:`'s value; "" when it is anything else.
std::string js_word_value(std::string_view js, std::string_view key);
// title, tagline or description (subtitle, description), url (+ baseUrl; an http or https one only), and the
// language: Docusaurus's i18n `defaultLocale`, VitePress's `lang`; VitePress's `markdown.lineNumbers` when true.
SiteConfig parse_js_config(const std::string& js, const std::string& display, Diagnostics& diag);

}  // namespace mkepub
