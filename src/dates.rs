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

/// The date a sentence states for its event, resolved against the publication date: an explicit day
/// and month (year from the text or the publication, never after it), or a weekday (the latest such day
/// on or before publication), or yesterday/today/overnight.
pub fn event_date(sentence: &str, published: Option<&Published>) -> Option<NaiveDate> {
    if let Some(c) = DAY_MONTH.captures(sentence) {
        let day: Option<u32> = c
            .name("d1")
            .or(c.name("d2"))
            .and_then(|d| d.as_str().parse().ok());
        let month = c
            .name("m1")
            .or(c.name("m2"))
            .and_then(|m| month_number(m.as_str()));
        // "May" alone is too ambiguous; require the day number (both branches do).
        if let (Some(day), Some(month)) = (day, month) {
            let year = c
                .name("y")
                .and_then(|y| y.as_str().parse::<i32>().ok())
                .or(published.map(|p| p.date.year()));
            if let Some(year) = year {
                if let Some(mut d) = NaiveDate::from_ymd_opt(year, month, day) {
                    if c.name("y").is_none() {
                        if let Some(p) = published {
                            if d > p.date {
                                d = NaiveDate::from_ymd_opt(year - 1, month, day).unwrap_or(d);
                            }
                        }
                    }
                    return Some(d);
                }
            }
        }
    }
    let p = published?;
    let c = WEEKDAY.captures(sentence)?;
    if let Some(w) = c.get(1).and_then(|w| weekday(w.as_str())) {
        let back = (p.date.weekday().num_days_from_monday() + 7 - w.num_days_from_monday()) % 7;
        return p.date.checked_sub_signed(Duration::days(back as i64));
    }
    match c.get(2)?.as_str().to_lowercase().as_str() {
        "yesterday" => p.date.checked_sub_signed(Duration::days(1)),
        s if s.starts_with("last") => p.date.checked_sub_signed(Duration::days(1)),
        _ => Some(p.date),
    }
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
    fn weekdays_resolve_backwards() {
        // 2022-09-10 was a Saturday.
        let p = parse_published("2022-09-10").expect("date");
        assert_eq!(
            event_date("It fell on Saturday.", Some(&p)),
            Some(d("2022-09-10"))
        );
        assert_eq!(
            event_date("Late Friday the army said", Some(&p)),
            Some(d("2022-09-09"))
        );
        assert_eq!(
            event_date("On Monday they left.", Some(&p)),
            Some(d("2022-09-05"))
        );
        assert_eq!(
            event_date("Yesterday troops entered.", Some(&p)),
            Some(d("2022-09-09"))
        );
        assert_eq!(event_date("On Saturday", None), None);
    }

    #[test]
    fn explicit_dates() {
        let p = parse_published("2023-01-05").expect("date");
        assert_eq!(
            event_date("on 11 November the city was freed", Some(&p)),
            Some(d("2022-11-11"))
        );
        assert_eq!(
            event_date("on Nov. 11, 2022, troops", None),
            Some(d("2022-11-11"))
        );
        assert_eq!(event_date("in May", Some(&p)), None);
    }
}
