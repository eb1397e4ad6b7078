//! The HTML export, for pasting into Confluence, Google Docs or Notion with headings, lists and tables intact.
//!
//! It writes the same blocks as the Markdown export (`markdown::document`), so the two say the same thing.
//! Every string is HTML-escaped text; no attribute holds user text, except the `href` of the scene's link when
//! it is an http(s) URL, and that is attribute-escaped. The elements written are exactly `HTML_ELEMENTS`.

use crate::markdown::document::{review_blocks, Block, Inline, Item};
use crate::markdown::{is_escaped_control, normalise_line_breaks, push_control_reference};
use crate::{ExportOptions, Review};

/// Every element the HTML export writes. `a` only ever carries an `href`.
pub const HTML_ELEMENTS: &[&str] = &[
    "h1", "h2", "h3", "p", "em", "strong", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "br", "hr", "a",
];

/// The whole review as an HTML fragment (no `<html>` or `<body>`), for the clipboard's `text/html`.
pub fn export_html(review: &Review, options: ExportOptions) -> String {
    write_html(&review_blocks(review, options))
}

/// Writes blocks as HTML, one block a line.
pub(crate) fn write_html(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                out.push_str(&format!("<h{level}>"));
                push_text(&mut out, text);
                out.push_str(&format!("</h{level}>"));
            }
            Block::Paragraph(inline) => {
                out.push_str("<p>");
                push_inline(&mut out, inline);
                out.push_str("</p>");
            }
            Block::List(items) => push_list(&mut out, items),
            Block::Table(head, rows) => {
                out.push_str("<table>\n<thead><tr>");
                for heading in head.iter() {
                    out.push_str("<th>");
                    push_text(&mut out, heading);
                    out.push_str("</th>");
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        out.push_str("<td>");
                        push_inline(&mut out, cell);
                        out.push_str("</td>");
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>");
            }
            Block::Rule => out.push_str("<hr>"),
        }
        out.push('\n');
    }
    out
}

fn push_list(out: &mut String, items: &[Item]) {
    out.push_str("<ul>\n");
    for item in items {
        out.push_str("<li>");
        if let Some(lead) = item.lead {
            out.push_str("<strong>");
            push_text(out, lead);
            out.push_str("</strong> ");
        }
        push_inline(out, &item.text);
        if let Some(note) = &item.note {
            out.push_str(" <em>(");
            push_text(out, note);
            out.push_str(")</em>");
        }
        if !item.children.is_empty() {
            // No line break before the sub-list: it would be part of the item's text.
            push_list(out, &item.children);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>");
}

fn push_inline(out: &mut String, inline: &Inline) {
    match inline {
        Inline::Text(text) => push_text(out, text),
        Inline::Emphasis(text) => {
            out.push_str("<em>");
            push_text(out, text);
            out.push_str("</em>");
        }
        Inline::Link(link) => match web_url(link) {
            Some(url) => {
                out.push_str("<a href=\"");
                push_escaped(out, url);
                out.push_str("\">");
                push_text(out, link);
                out.push_str("</a>");
            }
            None => push_text(out, link),
        },
    }
}

/// The URL to link to, when `link` is one http or https URL and nothing else.
pub(crate) fn web_url(link: &str) -> Option<&str> {
    let url = link.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let scheme_ok = lower.starts_with("http://") || lower.starts_with("https://");
    let has_host = url.split_once("//").is_some_and(|(_, rest)| !rest.is_empty());
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (scheme_ok && has_host && clean).then_some(url)
}

/// User text as HTML text: escaped, with line breaks as `<br>`.
fn push_text(out: &mut String, text: &str) {
    let normalised = normalise_line_breaks(text);
    for (index, line) in normalised.trim_end_matches('\n').split('\n').enumerate() {
        if index > 0 {
            out.push_str("<br>");
        }
        push_escaped(out, line);
    }
}

/// Escapes text for HTML element content and double-quoted attribute values alike.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text);
    out
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_escaped_control(c) => push_control_reference(out, c),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_html(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape_html("bell\u{7}"), "bell&#x7;");
    }

    #[test]
    fn only_web_urls_become_links() {
        assert_eq!(
            web_url(" https://example.com/INC-1 "),
            Some("https://example.com/INC-1")
        );
        assert_eq!(web_url("HTTP://example.com"), Some("HTTP://example.com"));
        for not_a_link in [
            "javascript:alert(1)",
            "INC-2041",
            "https://",
            "https://a b",
            "data:text/html,x",
            "//example.com",
        ] {
            assert_eq!(web_url(not_a_link), None, "{not_a_link}");
        }
    }

    #[test]
    fn a_link_is_attribute_escaped() {
        let mut review = Review::new("r", "t", 0);
        review.set_scene_field(crate::SceneField::Link, "https://x.test/?a=\"b\"&c='d'<e>", 1);
        let html = export_html(&review, ExportOptions::default());
        assert!(
            html.contains(
                "<a href=\"https://x.test/?a=&quot;b&quot;&amp;c=&#39;d&#39;&lt;e&gt;\">https://x.test/?a=&quot;b&quot;&amp;c=&#39;d&#39;&lt;e&gt;</a>"
            ),
            "{html}"
        );
    }
}
