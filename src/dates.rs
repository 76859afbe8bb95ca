//! Article dates: the `published` metadata and dates stated in a sentence ("on Saturday", "on 10 September"),
//! resolved against the publication date.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use regex::Regex;

/// A publication time: a day, with the instant when the metadata gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Published {
    pub date: NaiveDate,
    /// UTC instant, when the metadata has a time of day.
    pub at: Option<NaiveDateTime>,
}

impl Published {
    /// ISO-8601 date ("2022-09-10").
    pub fn date_iso(&self) -> String {
        self.date.format("%Y-%m-%d").to_string()
    }

    /// ISO-8601 UTC datetime ("2022-09-10T18:02:00Z"), when known.
    pub fn at_iso(&self) -> Option<String> {
        self.at.map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
    }
}

/// Parses `published`: RFC 3339 ("2022-09-10T18:02:00+03:00", converted to UTC), a naive
/// "2022-09-10T18:02:00" / "2022-09-10 18:02" (taken as UTC), or a date "2022-09-10".
pub fn parse_published(s: &str) -> Option<Published> {
    parse_published_any_year(s).filter(|p| (1..=9999).contains(&p.date.year()))
}

/// [`parse_published`] without the bound on the year (chrono reads years up to ±262,143).
fn parse_published_any_year(s: &str) -> Option<Published> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        let at = t.naive_utc();
        return Some(Published {
            date: t.date_naive(),
            at: Some(at),
        });
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return Some(Published {
                date: t.date(),
                at: Some(t),
            });
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .map(|date| Published { date, at: None })
}

const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:on|since|by|late|early|last)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?-u:\b)|(?-u:\b)(yesterday|today|overnight|last\s+night|this\s+morning)(?-u:\b)")
        .expect("weekday pattern")
});

static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTHS})\.?|(?P<m2>{MONTHS})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)(?-u:\b)(?:,?\s+(?P<y>(?:19|20)\d\d))?"
    ))
    .expect("date pattern")
});

/// "in June 2022", "in mid-March", "in late September": a month, with its year when stated.
static IN_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:in|since|by|during|until|throughout|from)\s+(?:(?:early|mid|late)[- ]?)?(?P<m>{MONTHS})(?-u:\b)(?:\s+(?P<y>(?:19|20)\d\d))?"
    ))
    .expect("month pattern")
});

fn month_number(m: &str) -> Option<u32> {
    let m = m.to_lowercase();
    let i = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|p| m.starts_with(p))?;
    Some(i as u32 + 1)
}

fn weekday(s: &str) -> Option<Weekday> {
    s.to_lowercase().parse::<Weekday>().ok()
}

/// How exactly a date is known (ACLED's `time_precision`: 1 a day, 3 a month or coarser).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Day,
    Month,
}

impl Precision {
    /// ACLED's code.
    pub fn code(self) -> i64 {
        match self {
            Precision::Day => 1,
            Precision::Month => 3,
        }
    }
}

/// A date a sentence states for its event.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct EventDate {
    /// The day (for a month: its middle, ACLED's convention).
    pub date: NaiveDate,
    pub precision: Precision,
}

/// The year that puts `month`/`day` nearest to the publication date (a report of 3 January 2023 that says
/// "on 28 December" means 2022; "by 9 May" in a report of 5 May means that year).
fn nearest_year(month: u32, day: u32, published: &Published) -> Option<NaiveDate> {
    let y = published.date.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - published.date).num_days().abs())
}

/// The date a sentence states for its event, resolved against the publication date: an explicit day and
/// month (the year stated, else the one nearest publication), a month ("in June 2022": month precision,
/// dated to its 15th), a weekday (the latest such day on or before publication), or
/// yesterday/today/overnight.
pub fn event_date(sentence: &str, published: Option<&Published>) -> Option<EventDate> {
    let day = |date| EventDate {
        date,
        precision: Precision::Day,
    };
    if let Some(c) = DAY_MONTH.captures(sentence) {
        let d: Option<u32> = c
            .name("d1")
            .or(c.name("d2"))
            .and_then(|d| d.as_str().parse().ok());
        let month = c
            .name("m1")
            .or(c.name("m2"))
            .and_then(|m| month_number(m.as_str()));
        let year = c.name("y").and_then(|y| y.as_str().parse::<i32>().ok());
        // "May" alone is too ambiguous; both branches require the day number.
        if let (Some(d), Some(month)) = (d, month) {
            let date = match (year, published) {
                (Some(y), _) => NaiveDate::from_ymd_opt(y, month, d),
                (None, Some(p)) => nearest_year(month, d, p),
                (None, None) => None,
            };
            if let Some(date) = date {
                return Some(day(date));
            }
        }
    }
    if let Some(c) = IN_MONTH.captures(sentence) {
        let month = c.name("m").and_then(|m| month_number(m.as_str()));
        let year = c.name("y").and_then(|y| y.as_str().parse::<i32>().ok());
        let date = match (month, year, published) {
            (Some(m), Some(y), _) => NaiveDate::from_ymd_opt(y, m, 15),
            (Some(m), None, Some(p)) => nearest_year(m, 15, p),
            _ => None,
        };
        if let Some(date) = date {
            return Some(EventDate {
                date,
                precision: Precision::Month,
            });
        }
    }
    let p = published?;
    let c = WEEKDAY.captures(sentence)?;
    if let Some(w) = c.get(1).and_then(|w| weekday(w.as_str())) {
        let back = (p.date.weekday().num_days_from_monday() + 7 - w.num_days_from_monday()) % 7;
        return p
            .date
            .checked_sub_signed(Duration::days(back as i64))
            .map(day);
    }
    let d = match c.get(2)?.as_str().to_lowercase().as_str() {
        "yesterday" => p.date.checked_sub_signed(Duration::days(1)),
        s if s.starts_with("last") => p.date.checked_sub_signed(Duration::days(1)),
        _ => Some(p.date),
    };
    d.map(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn published_forms() {
        let p = parse_published("2022-09-10T18:02:00+03:00").expect("rfc3339");
        assert_eq!(p.at_iso().as_deref(), Some("2022-09-10T15:02:00Z"));
        assert_eq!(
            parse_published("2022-09-11").map(|p| p.date),
            Some(d("2022-09-11"))
        );
        assert_eq!(parse_published("last week"), None);
    }

    #[test]
    fn absurd_years_are_no_publication_date() {
        for s in [
            "-262143-01-01",
            "+10000-01-01",
            "0000-12-31",
            "-0001-01-01T00:00:00Z",
        ] {
            assert_eq!(parse_published(s), None, "{s}");
        }
        assert!(parse_published("0001-01-01").is_some());
        assert!(parse_published("9999-12-31T23:59:59Z").is_some());
    }

    #[test]
    fn weekdays_resolve_backwards() {
        // 2022-09-10 was a Saturday.
        let p = parse_published("2022-09-10").expect("date");
        let on = |s: &str| event_date(s, Some(&p)).map(|e| e.date);
        assert_eq!(on("It fell on Saturday."), Some(d("2022-09-10")));
        assert_eq!(on("Late Friday the army said"), Some(d("2022-09-09")));
        assert_eq!(on("On Monday they left."), Some(d("2022-09-05")));
        assert_eq!(on("Yesterday troops entered."), Some(d("2022-09-09")));
        assert_eq!(event_date("On Saturday", None), None);
    }

    #[test]
    fn explicit_dates() {
        let p = parse_published("2023-01-05").expect("date");
        let on = |s: &str, p: Option<&Published>| event_date(s, p).map(|e| (e.date, e.precision));
        assert_eq!(
            on("on 11 November the city was freed", Some(&p)),
            Some((d("2022-11-11"), Precision::Day))
        );
        assert_eq!(
            on("on Nov. 11, 2022, troops", None),
            Some((d("2022-11-11"), Precision::Day))
        );
        // The day nearest publication, before or after it.
        let may = parse_published("2022-05-05").expect("date");
        assert_eq!(
            on("troops must leave by May 9", Some(&may)),
            Some((d("2022-05-09"), Precision::Day))
        );
        assert_eq!(
            on("on December 28 the village fell", Some(&p)),
            Some((d("2022-12-28"), Precision::Day))
        );
        // A month: its middle, month precision, with or without a publication date.
        assert_eq!(
            on("the town was retaken in June 2022", None),
            Some((d("2022-06-15"), Precision::Month))
        );
        assert_eq!(
            on("Russia took the village in late December", Some(&p)),
            Some((d("2022-12-15"), Precision::Month))
        );
        assert_eq!(on("May was quiet", Some(&p)), None);
    }
}
