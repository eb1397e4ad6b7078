//! Strings a team might type that mean something to Markdown, HTML, YAML or a wiki, for the HTML export,
//! front matter and redaction tests. `MARKDOWN` is the corpus of `export_renders_literally.rs`.
#![allow(dead_code)]

pub const MARKDOWN: &[&str] = &[
    "*not emphasis* and **not strong** and _not_ __either__",
    "`not code` and ``double``",
    "# not a heading",
    "## still not",
    "> not a quote",
    "1. not a list",
    "3) not a list either",
    "- not a nested item",
    "+ nor this",
    "    four spaces are not code",
    "\ttab first",
    "trailing spaces  ",
    "a | pipe | table",
    "<script>alert('x')</script>",
    "&amp; &lt; &#32; stay as typed",
    "[x](y) and ![img](src) and <https://example.com>",
    "~~not struck~~ and $not maths$",
    "back\\slash\\",
    "***",
    "---",
    "===",
    "first line\nsecond line\n# third line",
    "emoji 🎉🔥 and \u{202e}right-to-left\u{202c} and עברית وعربي",
    "C# and F# ###",
    "\\*escaped already\\*",
];

/// Strings that mean something to HTML and YAML in particular.
pub const HTML_AND_YAML: &[&str] = &[
    "<img src=x onerror=alert(1)>",
    "\"double\" and 'single' quotes",
    "<!-- comment --> <![CDATA[x]]> </p></li></ul>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "title: injected\n---\nstatus: done",
    "key: value # comment",
    "- [a, b] {c: d} &anchor *alias !tag |",
    "windows\r\nline\rbreaks",
    "&#x1; looks like a reference",
];

/// Everything above: the Markdown corpus and the HTML and YAML one.
pub static HOSTILE: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| MARKDOWN.iter().chain(HTML_AND_YAML).copied().collect());

/// Control characters, which the exports write as numeric character references.
pub const CONTROL: &[&str] = &[
    "bell\u{7} here",
    "escape \u{1b}[31mred\u{1b}[0m",
    "\u{1}start and end\u{1f}",
    "delete\u{7f}",
    "vertical\u{b}tab and form\u{c}feed",
    "backspace\u{8}",
];

/// What a reader sees of `text` as one paragraph or item: line breaks as `\n`, none at the end.
pub fn as_lines(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim_end_matches('\n')
        .to_owned()
}
