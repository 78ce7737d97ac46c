// Languages (language.h): detection from Unicode scripts and BCP 47 tags (RFC 5646).
#include <doctest/doctest.h>

#include "base/chinese.h"
#include "base/language.h"

using namespace mkepub;

namespace {

std::string detect(std::string_view text) {
  ScriptCounts counts;
  counts.add(text);
  return detect_language(counts);
}

}  // namespace

TEST_CASE("ScriptCounts counts letters by script") {
  ScriptCounts c;
  c.add("Hello, 世界！ひらがなカタカナ 한국어 123");
  CHECK(c.latin == 5);
  CHECK(c.han == 2);
  CHECK(c.kana == 8);
  CHECK(c.hangul == 3);
  c.add("abc");
  CHECK(c.latin == 8);
}

TEST_CASE("detect_language: Chinese") {
  CHECK(detect("这是一篇关于电子书的文章，讲述如何把博客变成书。") == "zh-CN");
  CHECK(detect("這是一篇繁體中文的文章。") == "zh-TW");
}

TEST_CASE("detect_language: Japanese, from any kana") {
  CHECK(detect("これは日本語の文章です。") == "ja");
  CHECK(detect("カタカナ") == "ja");
  // Mostly kanji, but the kana make it Japanese: Chinese has none.
  CHECK(detect("東京都千代田区丸の内一丁目") == "ja");
}

TEST_CASE("detect_language: Korean") {
  CHECK(detect("이것은 한국어 문장입니다.") == "ko");
  CHECK(detect("한국어 文章 한국어 문장입니다") == "ko");
}

TEST_CASE("detect_language: right-to-left languages, Arabic script told apart by the letters only one uses") {
  CHECK(detect("هذا مقال عن الكتب الإلكترونية وكيفية تحويل المدونة إلى كتاب.") == "ar");
  CHECK(detect("این یک مقاله درباره کتاب‌های الکترونیکی است و چگونه وبلاگ را به کتاب تبدیل کنیم.") == "fa");
  CHECK(detect("یہ ای بکس کے بارے میں ایک مضمون ہے کہ بلاگ کو کتاب میں کیسے بدلا جائے۔") == "ur");
  CHECK(detect("זהו מאמר על ספרים אלקטרוניים וכיצד להפוך בלוג לספר.") == "he");
  // Code and product names in Latin letters do not outweigh the text; a few Arabic words in English do not either.
  CHECK(detect("نستخدم الأمر git commit ثم git push لرفع التغييرات إلى المستودع") == "ar");
  CHECK(detect("The word كتاب means book in Arabic, and it is one of the first words learners meet.") == "en");
  // Arabic-Indic digits and punctuation alone are no letters.
  CHECK(detect("١٢٣ ، ؟ The rest is English text.") == "en");
}

TEST_CASE("is_rtl_language: by primary language or by script subtag") {
  for (const char* rtl : {"ar", "ar-EG", "he", "iw", "fa-IR", "ur", "yi", "ps", "ckb", "dv", "ug", "az-Arab", "pa_arab"})
    CHECK_MESSAGE(is_rtl_language(rtl), rtl);
  for (const char* ltr : {"en", "zh-CN", "ja", "tr", "az-Latn", "", "arn", "her"}) CHECK_MESSAGE(!is_rtl_language(ltr), ltr);
}

TEST_CASE("detect_language: English and no letters at all") {
  CHECK(detect("This is an English sentence about e-books.") == "en");
  CHECK(detect("") == "en");
  CHECK(detect("12345 !?") == "en");
}

TEST_CASE("detect_language: Chinese with lots of code-like Latin stays Chinese") {
  CHECK(detect("在 Kubernetes 中使用 ConfigMap 和 Secret 管理配置，然后用 kubectl apply -f deployment.yaml "
               "部署 nginx-ingress-controller，最后检查 kube-system namespace 里的 coredns pod 状态。") == "zh-CN");
  CHECK(detect("用 std::unordered_map<std::string, std::vector<int>> 代替 std::map，"
               "cmake --build build --target unit_tests -j2 编译。") == "zh-CN");
}

TEST_CASE("detect_language: an English text with a few CJK names stays English") {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "This paragraph talks about travelling through the old town at night. ";
  text += "We visited 北京 and 上海.";
  CHECK(detect(text) == "en");
}

TEST_CASE("normalize_language: BCP 47 case and separators") {
  CHECK(normalize_language("zh_cn") == "zh-CN");
  CHECK(normalize_language("zh_CN") == "zh-CN");
  CHECK(normalize_language("zh-hant") == "zh-Hant");
  CHECK(normalize_language("ZH-HANT-TW") == "zh-Hant-TW");
  CHECK(normalize_language("EN") == "en");
  CHECK(normalize_language("en-us") == "en-US");
  CHECK(normalize_language("ja") == "ja");
  CHECK(normalize_language("es-419") == "es-419");
  CHECK(normalize_language("de-CH-1996") == "de-CH-1996");
}

TEST_CASE("normalize_language: what is not a tag gives an empty string") {
  CHECK(normalize_language("") == "");
  CHECK(normalize_language("C") == "");
  CHECK(normalize_language("en US") == "");
  CHECK(normalize_language("zh--CN") == "");
  CHECK(normalize_language("zh-") == "");
  CHECK(normalize_language("-zh") == "");
  CHECK(normalize_language("12") == "");
  CHECK(normalize_language("en.UTF-8") == "");
  CHECK(normalize_language("中文") == "");
  CHECK(normalize_language("en-abcdefghi") == "");
}

TEST_CASE("Chinese: Simplified and Traditional told apart by characters only one of them has") {
  auto counts = [](const std::string& text) {
    ScriptCounts c;
    c.add(text);
    return c.han_chars;
  };
  CHECK(chinese_variant(counts("我们说话，这个问题")) == "zh-CN");
  CHECK(chinese_variant(counts("我們說話，這個問題")) == "zh-TW");
  // Characters both scripts share say nothing.
  CHECK(chinese_variant(counts("中文山水")) == "zh");
  CHECK(chinese_variant({}) == "zh");
  // The majority decides a text that mixes them (a Traditional quotation in a Simplified post).
  CHECK(chinese_variant(counts("我们说话这个问题说话说话 「這個」")) == "zh-CN");
}
