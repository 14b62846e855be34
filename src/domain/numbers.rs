//! Numbers as people write them, and money as an organisation shows it:
//! "251,000", "251 000" and "€251,000" are all 251000 where a point marks
//! decimals; "1.234,5" is 1234.5 where a comma does. An organisation
//! chooses its convention and its currency once (its settings).

use serde::{Deserialize, Serialize};

/// How an organisation writes numbers: which mark separates the decimals
/// (the others group thousands).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NumberFormat {
    /// 1,234.5 (English).
    DecimalPoint,
    /// 1.234,5 (German, Dutch, Spanish, Italian…).
    DecimalComma,
    /// 1 234,5 (French, Nordic…).
    SpaceAndComma,
}

/// The currencies an organisation may report in: ISO 4217 code and symbol.
pub const CURRENCIES: &[(&str, &str)] = &[
    ("EUR", "€"),
    ("USD", "$"),
    ("GBP", "£"),
    ("CHF", "CHF "),
    ("SEK", "SEK "),
    ("NOK", "NOK "),
    ("DKK", "DKK "),
    ("PLN", "PLN "),
];

impl NumberFormat {
    /// Every convention, for a settings page.
    pub const ALL: [NumberFormat; 3] = [
        NumberFormat::DecimalPoint,
        NumberFormat::DecimalComma,
        NumberFormat::SpaceAndComma,
    ];

    /// As stored and sent: `decimal_point`, ….
    pub fn as_str(self) -> &'static str {
        match self {
            NumberFormat::DecimalPoint => "decimal_point",
            NumberFormat::DecimalComma => "decimal_comma",
            NumberFormat::SpaceAndComma => "space_and_comma",
        }
    }

    /// The stored name back; `None` for anything else.
    pub fn parse(text: &str) -> Option<NumberFormat> {
        NumberFormat::ALL.into_iter().find(|f| f.as_str() == text)
    }

    fn decimal(self) -> char {
        match self {
            NumberFormat::DecimalPoint => '.',
            NumberFormat::DecimalComma | NumberFormat::SpaceAndComma => ',',
        }
    }

    fn group(self) -> &'static str {
        match self {
            NumberFormat::DecimalPoint => ",",
            NumberFormat::DecimalComma => ".",
            NumberFormat::SpaceAndComma => "\u{202f}",
        }
    }

    /// A number as typed: spaces (any kind), apostrophes and the grouping
    /// mark are dropped, a currency sign or code around it is ignored, and
    /// the decimal mark is this convention's. `None` if it is no number.
    pub fn read(self, typed: &str) -> Option<f64> {
        let mut text = typed.trim();
        for (code, symbol) in CURRENCIES {
            for mark in [*code, symbol.trim()] {
                text = text.strip_prefix(mark).unwrap_or(text).trim();
                text = text.strip_suffix(mark).unwrap_or(text).trim();
            }
        }
        let grouping = match self {
            NumberFormat::DecimalPoint => ',',
            NumberFormat::DecimalComma => '.',
            NumberFormat::SpaceAndComma => '.',
        };
        let plain: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\'' && *c != '\u{2019}' && *c != grouping)
            .map(|c| if c == self.decimal() { '.' } else { c })
            .collect();
        let valid = !plain.is_empty()
            && plain
                .chars()
                .enumerate()
                .all(|(i, c)| c.is_ascii_digit() || c == '.' || (c == '-' && i == 0));
        if !valid {
            return None;
        }
        plain.parse::<f64>().ok().filter(|v| v.is_finite())
    }

    /// A number written this way, grouped in thousands, with two decimals
    /// only when it has a fraction: 203000 → "203,000".
    pub fn write(self, value: f64) -> String {
        let rounded = (value * 100.0).round() / 100.0;
        let negative = rounded < 0.0;
        let cents = (rounded.abs() * 100.0).round() as u128;
        let (whole, fraction) = (cents / 100, cents % 100);
        let digits = whole.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push_str(self.group());
            }
            grouped.push(c);
        }
        let sign = if negative { "-" } else { "" };
        if fraction == 0 {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}{}{fraction:02}", self.decimal())
        }
    }

    /// An amount of money: the currency's symbol, then the number.
    pub fn money(self, value: f64, currency: &str) -> String {
        let symbol = CURRENCIES
            .iter()
            .find(|(code, _)| *code == currency)
            .map_or(currency, |(_, symbol)| *symbol);
        format!("{symbol}{}", self.write(value))
    }
}

/// An organisation's currency and how it writes numbers: what money is
/// shown as.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Currency {
    /// ISO 4217 code, e.g. `EUR`.
    pub code: String,
    /// How its numbers are written.
    pub number_format: NumberFormat,
}

impl Default for Currency {
    fn default() -> Currency {
        Currency {
            code: "EUR".to_owned(),
            number_format: NumberFormat::DecimalPoint,
        }
    }
}

impl Currency {
    /// An amount in whole units, grouped, with the currency's sign: "€1,250,000".
    pub fn show(&self, value: f64) -> String {
        self.number_format.money(value.round(), &self.code)
    }
}

#[cfg(test)]
mod tests {
    use super::NumberFormat::*;

    #[test]
    fn numbers_are_read_as_people_write_them() {
        for typed in [
            "251,000",
            "251000",
            " 251 000 ",
            "€251,000",
            "251,000 EUR",
            "251'000",
        ] {
            assert_eq!(DecimalPoint.read(typed), Some(251_000.0), "{typed}");
        }
        assert_eq!(DecimalPoint.read("1,234.5"), Some(1234.5));
        assert_eq!(DecimalComma.read("1.234,5"), Some(1234.5));
        assert_eq!(DecimalComma.read("251.000"), Some(251_000.0));
        assert_eq!(SpaceAndComma.read("1 234,5"), Some(1234.5));
        assert_eq!(SpaceAndComma.read("1\u{202f}234,5"), Some(1234.5));
        assert_eq!(DecimalPoint.read("-12.5"), Some(-12.5));
        for nonsense in ["", "lots", "12-5", "1.2.3", "1e309", "NaN", "inf"] {
            assert_eq!(DecimalPoint.read(nonsense), None, "{nonsense}");
        }
    }

    #[test]
    fn amounts_are_written_grouped_in_the_organisations_way() {
        assert_eq!(DecimalPoint.write(203_000.0), "203,000");
        assert_eq!(DecimalPoint.write(1_234_567.891), "1,234,567.89");
        assert_eq!(DecimalComma.write(1234.5), "1.234,50");
        assert_eq!(SpaceAndComma.write(-1234.0), "-1\u{202f}234");
        assert_eq!(DecimalPoint.money(203_000.0, "EUR"), "€203,000");
        assert_eq!(DecimalComma.money(95.0, "CHF"), "CHF 95");
        for v in [0.0, 999.0, 1000.0, 12.34] {
            assert_eq!(DecimalComma.read(&DecimalComma.write(v)), Some(v), "{v}");
        }
    }
}
