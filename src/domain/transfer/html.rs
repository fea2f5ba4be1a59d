//! HTML reduced to text: imported text is never markup in the app.

/// Imported text is never markup in the app: tags are dropped, line breaks, paragraphs and list
/// items become new lines ("• " before an item), and the common entities are decoded. The result
/// is shown as text, so nothing in it can run.
pub fn html_to_text(html: &str) -> String {
    reduce(html, &mut 0)
}

/// `html_to_text`, counting the pictures (`<img>`) it leaves out.
pub(crate) fn reduce(html: &str, pictures: &mut usize) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        push_text(&mut out, &rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            // A lone "<" is text.
            out.push_str(&decode_entities(&rest[open..]));
            rest = "";
            break;
        };
        let tag = after[..close].trim().trim_start_matches('/').to_ascii_lowercase();
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        match name.as_str() {
            "br" | "p" | "div" | "ul" | "ol" | "tr" | "h1" | "h2" | "h3" | "h4" if !out.is_empty() && !out.ends_with('\n') => {
                out.push('\n')
            }
            "li" if !after.starts_with('/') => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str("• ");
            }
            "img" => *pictures += 1,
            _ => {}
        }
        // The text of <script> and <style> is not content.
        rest = &after[close + 1..];
        if (name == "script" || name == "style") && !after.starts_with('/') {
            let end = format!("</{name}");
            rest = match rest.to_ascii_lowercase().find(&end) {
                Some(i) => &rest[i..],
                None => "",
            };
        }
    }
    push_text(&mut out, rest);
    out.lines().map(str::trim_end).collect::<Vec<_>>().join("\n").trim().to_string()
}

/// Text between tags, decoded. A line break written right after a tag that breaks the line (as
/// Anki writes "<br>" and a new line) is the same break, not a second one.
fn push_text(out: &mut String, text: &str) {
    let text = if out.ends_with('\n') { text.strip_prefix("\r\n").or_else(|| text.strip_prefix('\n')).unwrap_or(text) } else { text };
    out.push_str(&decode_entities(text));
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_reduced_to_text_and_never_kept_as_markup() {
        assert_eq!(html_to_text("<ul><li>one</li><li>two</li></ul>"), "• one\n• two");
        assert_eq!(html_to_text("a<script>alert(1)</script>b<style>p{}</style>c"), "abc");
        assert_eq!(html_to_text("<img src=x onerror=alert(1)>x &lt;b&gt; &#65;&#x42; &bogus; 3 < 4"), "x <b> AB &bogus; 3 < 4");
        assert_eq!(html_to_text("<p>para</p><p>two</p>"), "para\ntwo");
        let mut pictures = 0;
        assert_eq!(reduce("<IMG src=a.png><img/><p>x</p><imgx>", &mut pictures), "x");
        assert_eq!(pictures, 2);
        assert_eq!(html_to_text("one<br>\ntwo<br>\r\n\nthree"), "one\ntwo\n\nthree", "a break written twice is one");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in proptest::prelude::any::<String>()) {
            let _ = html_to_text(&text);
        }
    }
}
