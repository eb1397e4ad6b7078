//! Character references: `&amp;`, `&#32;`, `&#x1B;` and the named ones editors write.

/// A character reference at the start of `text`: the character and the reference's length. Numeric references
/// decode every code point, U+0000 included, since the export writes control characters as references.
pub(super) fn character_reference(text: &str) -> Option<(char, usize)> {
    let end = text.char_indices().take(34).find(|(_, c)| *c == ';')?.0;
    let name = &text[1..end];
    if let Some(number) = name.strip_prefix('#') {
        let (digits, radix, most) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 6),
            None => (number, 10, 7),
        };
        if digits.is_empty() || digits.len() > most || !digits.chars().all(|c| c.is_digit(radix)) {
            return None;
        }
        let value = u32::from_str_radix(digits, radix).ok()?;
        return Some((char::from_u32(value).unwrap_or('\u{fffd}'), end + 1));
    }
    let decoded = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "shy" => '\u{ad}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ldquo" => '\u{201c}',
        "rdquo" => '\u{201d}',
        "laquo" => '\u{ab}',
        "raquo" => '\u{bb}',
        "hellip" => '\u{2026}',
        "middot" => '\u{b7}',
        "bull" => '\u{2022}',
        "times" => '\u{d7}',
        "copy" => '\u{a9}',
        "reg" => '\u{ae}',
        "trade" => '\u{2122}',
        "euro" => '\u{20ac}',
        "pound" => '\u{a3}',
        "deg" => '\u{b0}',
        "larr" => '\u{2190}',
        "rarr" => '\u{2192}',
        _ => return None,
    };
    Some((decoded, end + 1))
}
