//! Handlebars helpers that write words and numbers in a template's
//! language, for the report templates and the application's pages alike.
//! The language is the data's root `lang` (a code such as `de`; English
//! when absent).
//!
//! - `{{t "id" name=value}}`: the message, its variables from the hash;
//!   a whole number also chooses among plural forms.
//! - `{{pct v}}`, `{{opt_pct v}}`: a whole percentage ("61%", "n/a").
//! - `{{fixed v}}`: two decimals; `{{delta v}}`: a signed whole change.

use crate::domain::i18n::{words, Arg, Language, Words};
use handlebars::{
    Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderErrorReason,
};
use serde_json::Value;

/// Registers the helpers on `hb`.
pub fn register(hb: &mut Handlebars<'_>) {
    hb.register_helper("t", Box::new(t));
    hb.register_helper("pct", Box::new(pct));
    hb.register_helper("opt_pct", Box::new(pct));
    hb.register_helper("fixed", Box::new(fixed));
    hb.register_helper("delta", Box::new(delta));
}

/// The words of the language at the root of `ctx`.
fn words_of(ctx: &Context) -> &'static Words {
    let language = ctx
        .data()
        .get("lang")
        .and_then(Value::as_str)
        .and_then(Language::parse)
        .unwrap_or_default();
    words(language)
}

fn t(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    ctx: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let id = h
        .param(0)
        .and_then(|p| p.value().as_str())
        .ok_or(RenderErrorReason::ParamNotFoundForIndex("t", 0))?;
    let w = words_of(ctx);
    let args: Vec<(&str, Arg<'_>)> = h
        .hash()
        .iter()
        .map(|(name, value)| {
            let arg = match value.value() {
                Value::Number(n) if n.is_u64() => Arg::Count(n.as_u64().unwrap_or(0) as usize),
                Value::Number(n) => Arg::from(w.number(n.as_f64().unwrap_or(0.0), 2)),
                Value::String(s) => Arg::from(s.as_str()),
                Value::Null => Arg::from(""),
                other => Arg::from(other.to_string()),
            };
            (*name, arg)
        })
        .collect();
    out.write(&escape(&w.fill(id, &args)))?;
    Ok(())
}

/// A message made safe for an element or a double-quoted attribute. Quotes
/// and apostrophes of the words stay as typed: the templates quote every
/// attribute with `"`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The first parameter as a number, if it is one.
fn number(h: &Helper<'_>) -> Option<f64> {
    h.param(0).and_then(|p| p.value().as_f64())
}

fn pct(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    ctx: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let w = words_of(ctx);
    let text = number(h).map_or(w.get("report-not-available"), |v| w.percent(v));
    out.write(&text)?;
    Ok(())
}

fn fixed(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    ctx: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let text = number(h).map_or("–".to_owned(), |v| words_of(ctx).number(v, 2));
    out.write(&text)?;
    Ok(())
}

fn delta(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    ctx: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    out.write(&words_of(ctx).change(number(h)))?;
    Ok(())
}
