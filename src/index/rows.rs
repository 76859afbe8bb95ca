//! Reading gazetteer rows: placemap's CSV format and the GeoNames dump TSV (cities500.txt, UA.txt,
//! allCountries.txt). Gzip-compressed input is detected by its magic bytes.

use std::fmt;
use std::io::{BufRead, BufReader, Read};

use super::record::Kind;

/// One gazetteer entry as read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: String,
    pub geonameid: u32,
    pub name: String,
    pub kind: Kind,
    pub feature_code: String,
    pub country_code: String,
    pub admin1_code: String,
    pub admin2_code: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub names: Vec<String>,
    pub historic: Vec<String>,
    pub demonyms: Vec<String>,
}

/// A row that could not be read: its 1-based line number and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub message: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// The formats a gazetteer file can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// placemap's CSV (a header with at least `id,name,lat,lon`).
    Csv,
    /// The 19-column GeoNames dump TSV.
    GeoNames,
}

/// What reading a file produced: the rows, the rows skipped in lenient mode, and rows left out on purpose.
#[derive(Debug, Default)]
pub struct ReadOutcome {
    pub rows: Vec<Row>,
    /// The 1-based line of each row (parallel to `rows`).
    pub lines: Vec<u64>,
    pub bad: Vec<RowError>,
    /// GeoNames rows that are neither populated places nor countries/admin1/admin2 (rivers, hills...).
    pub not_places: u64,
}

impl ReadOutcome {
    fn push(&mut self, row: Row, line: u64) {
        self.rows.push(row);
        self.lines.push(line);
    }
}

fn err(line: u64, message: impl Into<String>) -> RowError {
    RowError {
        line,
        message: message.into(),
    }
}

/// Opens possibly gzip-compressed bytes: every member of a multi-member file (`cat a.gz b.gz`, or what
/// `bgzip` and parallel compressors write), not only the first.
pub fn decompress(bytes: &[u8]) -> Result<Vec<u8>, String> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes)
            .read_to_end(&mut out)
            .map_err(|e| format!("not a valid gzip file: {e}"))?;
        Ok(out)
    } else {
        Ok(bytes.to_vec())
    }
}

/// Guesses the format from the first line that is no `#` comment and not empty: 19 tab-separated fields
/// starting with a number is a GeoNames dump.
pub fn sniff(bytes: &[u8]) -> Format {
    let first = bytes
        .split(|b| *b == b'\n')
        .find(|l| !(l.starts_with(b"#") || l.iter().all(u8::is_ascii_whitespace)))
        .unwrap_or(&[]);
    let fields: Vec<&[u8]> = first.split(|b| *b == b'\t').collect();
    if fields.len() >= 19 && !fields[0].is_empty() && fields[0].iter().all(u8::is_ascii_digit) {
        Format::GeoNames
    } else {
        Format::Csv
    }
}

/// Reads rows. With `lenient`, malformed rows are collected in `bad`; otherwise the first one is returned as
/// the error.
pub fn read(bytes: &[u8], lenient: bool) -> Result<ReadOutcome, RowError> {
    if bytes.is_empty() {
        return Err(err(0, "the file is empty (0 bytes): no gazetteer rows"));
    }
    let bytes = decompress(bytes).map_err(|m| err(0, m))?;
    if bytes.is_empty() {
        return Err(err(0, "the gzip file holds no data: no gazetteer rows"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match sniff(bytes) {
        Format::GeoNames => read_geonames(bytes, lenient),
        Format::Csv => read_csv(bytes, lenient),
    }
}

fn split_names(s: &str, sep: char) -> Vec<String> {
    s.split(sep)
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

fn parse_coord(s: &str, what: &str, max: f64, line: u64) -> Result<f64, RowError> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| err(line, format!("{what} {s:?} is not a number")))?;
    if !v.is_finite() || v.abs() > max {
        return Err(err(
            line,
            format!("{what} {v} is out of range (-{max}..{max})"),
        ));
    }
    Ok(v)
}

fn parse_id(s: &str, line: u64) -> Result<(String, u32), RowError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(err(line, "empty id"));
    }
    let num = s.strip_prefix("geonames:").unwrap_or(s);
    match num.parse::<u32>() {
        Ok(n) => Ok((format!("geonames:{n}"), n)),
        Err(_) if s.contains(':') => Ok((s.to_string(), 0)),
        Err(_) => Err(err(
            line,
            format!("id {s:?} is neither geonames:N nor a prefixed id like mine:42"),
        )),
    }
}

fn read_csv(bytes: &[u8], lenient: bool) -> Result<ReadOutcome, RowError> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = rdr
        .byte_headers()
        .map_err(|e| err(1, format!("cannot read the CSV header: {e}")))?
        .clone();
    let col = |name: &str| headers.iter().position(|h| h == name.as_bytes());
    let (Some(c_id), Some(c_name), Some(c_lat), Some(c_lon)) =
        (col("id"), col("name"), col("lat"), col("lon"))
    else {
        return Err(err(
            1,
            "the header must name at least the columns id, name, lat, lon (or use a GeoNames dump TSV)",
        ));
    };
    let opt = [
        col("kind"),
        col("feature_code"),
        col("country_code"),
        col("admin1_code"),
        col("admin2_code"),
        col("population"),
        col("names"),
        col("historic"),
        col("demonyms"),
    ];
    let mut out = ReadOutcome::default();
    let mut rec = csv::ByteRecord::new();
    loop {
        let line = rdr.position().line();
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let e = err(line, format!("malformed CSV: {e}"));
                if lenient {
                    out.bad.push(e);
                    continue;
                }
                return Err(e);
            }
        }
        let line = rec.position().map(|p| p.line()).unwrap_or(line);
        match csv_row(&rec, line, c_id, c_name, c_lat, c_lon, &opt) {
            Ok(r) => out.push(r, line),
            Err(e) if lenient => out.bad.push(e),
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

fn field<'a>(
    rec: &'a csv::ByteRecord,
    i: Option<usize>,
    line: u64,
    name: &str,
) -> Result<&'a str, RowError> {
    match i.and_then(|i| rec.get(i)) {
        None => Ok(""),
        Some(b) => std::str::from_utf8(b).map_err(|e| {
            err(
                line,
                format!("column {name}: invalid UTF-8 at byte {}", e.valid_up_to()),
            )
        }),
    }
}

#[allow(clippy::too_many_arguments)]
fn csv_row(
    rec: &csv::ByteRecord,
    line: u64,
    c_id: usize,
    c_name: usize,
    c_lat: usize,
    c_lon: usize,
    opt: &[Option<usize>; 9],
) -> Result<Row, RowError> {
    let f = |i: Option<usize>, n: &str| field(rec, i, line, n);
    let (id, geonameid) = parse_id(f(Some(c_id), "id")?, line)?;
    let name = f(Some(c_name), "name")?.trim().to_string();
    if name.is_empty() {
        return Err(err(line, "empty name"));
    }
    let kind_s = f(opt[0], "kind")?;
    let kind = Kind::parse(kind_s).ok_or_else(|| {
        err(
            line,
            format!("kind {kind_s:?} is not one of country, admin1, admin2, admin3, area, place"),
        )
    })?;
    let pop_s = f(opt[5], "population")?.trim();
    let population = if pop_s.is_empty() {
        0
    } else {
        pop_s
            .parse::<u64>()
            .map_err(|_| err(line, format!("population {pop_s:?} is not a whole number")))?
    };
    Ok(Row {
        id,
        geonameid,
        name,
        kind,
        feature_code: f(opt[1], "feature_code")?.trim().to_string(),
        country_code: f(opt[2], "country_code")?.trim().to_ascii_uppercase(),
        admin1_code: f(opt[3], "admin1_code")?.trim().to_string(),
        admin2_code: f(opt[4], "admin2_code")?.trim().to_string(),
        lat: parse_coord(f(Some(c_lat), "lat")?, "lat", 90.0, line)?,
        lon: parse_coord(f(Some(c_lon), "lon")?, "lon", 180.0, line)?,
        population,
        names: split_names(f(opt[6], "names")?, '|'),
        historic: split_names(f(opt[7], "historic")?, '|'),
        demonyms: split_names(f(opt[8], "demonyms")?, '|'),
    })
}

fn read_geonames(bytes: &[u8], lenient: bool) -> Result<ReadOutcome, RowError> {
    let mut out = ReadOutcome::default();
    let rdr = BufReader::new(bytes);
    for (n, line) in rdr.split(b'\n').enumerate() {
        let line_no = n as u64 + 1;
        let line = line.map_err(|e| err(line_no, e.to_string()))?;
        let line = line.strip_suffix(b"\r").unwrap_or(&line);
        if line.is_empty() || line.starts_with(b"#") {
            continue;
        }
        match geonames_row(line, line_no) {
            Ok(Some(r)) => out.push(r, line_no),
            Ok(None) => out.not_places += 1,
            Err(e) if lenient => out.bad.push(e),
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

fn geonames_row(line: &[u8], line_no: u64) -> Result<Option<Row>, RowError> {
    let text = std::str::from_utf8(line).map_err(|e| {
        err(
            line_no,
            format!("invalid UTF-8 at byte {}", e.valid_up_to()),
        )
    })?;
    let f: Vec<&str> = text.split('\t').collect();
    if f.len() != 19 {
        return Err(err(
            line_no,
            format!(
                "expected the 19 tab-separated GeoNames columns, found {}",
                f.len()
            ),
        ));
    }
    let (id, geonameid) = parse_id(f[0], line_no)?;
    if geonameid == 0 {
        return Err(err(
            line_no,
            format!("geonameid {:?} is not a number", f[0]),
        ));
    }
    let (class, code) = (f[6], f[7]);
    let kind = match (class, code) {
        ("P", _) => Kind::Place,
        ("A", "ADM1") => Kind::Admin1,
        ("A", "ADM2") => Kind::Admin2,
        ("A", "ADM3") => Kind::Admin3,
        ("L", "RGN") => Kind::Area,
        ("A", c) if c.starts_with("PCL") => Kind::Country,
        ("L", "CONT") => Kind::WorldRegion,
        _ => return Ok(None),
    };
    let name = f[1].trim();
    if name.is_empty() {
        return Err(err(line_no, "empty name"));
    }
    let mut names = split_names(f[3], ',');
    if !f[2].is_empty() && f[2] != name && !names.iter().any(|n| n == f[2]) {
        names.push(f[2].to_string());
    }
    let pop = f[14].trim();
    Ok(Some(Row {
        id,
        geonameid,
        name: name.to_string(),
        kind,
        feature_code: code.to_string(),
        country_code: f[8].trim().to_ascii_uppercase(),
        admin1_code: f[10].trim().to_string(),
        admin2_code: f[11].trim().to_string(),
        lat: parse_coord(f[4], "latitude", 90.0, line_no)?,
        lon: parse_coord(f[5], "longitude", 180.0, line_no)?,
        population: if pop.is_empty() {
            0
        } else {
            pop.parse()
                .map_err(|_| err(line_no, format!("population {pop:?} is not a whole number")))?
        },
        names,
        historic: Vec::new(),
        demonyms: Vec::new(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id,name,kind,feature_code,country_code,admin1_code,admin2_code,lat,lon,population,names,historic,demonyms,point\n";

    fn gzip(data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).expect("gzip");
        e.finish().expect("gzip")
    }

    #[test]
    fn every_member_of_a_multi_member_gzip_is_read() {
        let a = format!("{HEADER}geonames:9990201,Aivka,place,PPL,UA,07,,49.0,37.0,10,,,,\n");
        let b = "geonames:9990202,Bivka,place,PPL,UA,07,,49.1,37.1,10,,,,\n";
        let mut bytes = gzip(a.as_bytes());
        bytes.extend(gzip(b.as_bytes()));
        let out = read(&bytes, false).expect("rows");
        let names: Vec<&str> = out.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Aivka", "Bivka"]);
        assert_eq!(out.lines, [2, 3]);
    }

    #[test]
    fn empty_files_say_so() {
        assert!(read(b"", false)
            .expect_err("empty")
            .message
            .contains("empty (0 bytes)"));
        let e = read(&gzip(b""), false).expect_err("empty gzip");
        assert!(e.message.contains("holds no data"), "{}", e.message);
    }

    #[test]
    fn a_geonames_dump_may_start_with_comments() {
        let row = "9990001\tRobotyne\tRobotyne\tRabotino\t47.44\t35.83\tP\tPPL\tUA\t\t26\t\t\t\t480\t\t100\tEurope/Zaporozhye\t2024-01-10\n";
        let data = format!("# GeoNames extract, columns as in readme.txt\n\n{row}");
        assert_eq!(sniff(data.as_bytes()), Format::GeoNames);
        let out = read(data.as_bytes(), false).expect("rows");
        assert_eq!(out.rows[0].name, "Robotyne");
        assert_eq!(out.lines, [3]);
    }

    #[test]
    fn reads_csv_rows() {
        let data = format!("{HEADER}geonames:707292,Izyum,place,PPLA2,UA,07,6302,49.20697,37.27679,45884,Izium|Ізюм,,,geonames\n");
        let out = read(data.as_bytes(), false).unwrap();
        assert_eq!(out.rows.len(), 1);
        let r = &out.rows[0];
        assert_eq!(r.geonameid, 707292);
        assert_eq!(r.names, vec!["Izium", "Ізюм"]);
        assert_eq!(r.kind, Kind::Place);
    }

    #[test]
    fn bad_rows_name_their_line() {
        let data = format!("{HEADER}geonames:1,A,place,,UA,,,1.0,2.0,0,,,,\ngeonames:2,B,place,,UA,,,north,2.0,0,,,,\n");
        let e = read(data.as_bytes(), false).unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("lat"), "{e}");
        let out = read(data.as_bytes(), true).unwrap();
        assert_eq!(out.rows.len(), 1);
        assert_eq!(out.bad.len(), 1);
    }

    #[test]
    fn invalid_utf8_is_an_error_not_a_panic() {
        let mut data = HEADER.as_bytes().to_vec();
        data.extend_from_slice(b"geonames:1,Kh\xe2\x80,place,,UA,,,1.0,2.0,0,,,,\n");
        let e = read(&data, false).unwrap_err();
        assert!(e.message.contains("UTF-8"), "{e}");
        assert_eq!(read(&data, true).unwrap().bad.len(), 1);
    }

    #[test]
    fn out_of_range_coordinates_are_rejected() {
        let data = format!("{HEADER}geonames:1,A,place,,UA,,,91,2.0,0,,,,\n");
        assert!(read(data.as_bytes(), false)
            .unwrap_err()
            .message
            .contains("out of range"));
    }

    #[test]
    fn reads_geonames_dump_rows() {
        let line = "707292\tIzyum\tIzyum\tIzium,Izjum,Ізюм\t49.20697\t37.27679\tP\tPPLA2\tUA\t\t07\t6302\t\t\t45884\t\t101\tEurope/Kyiv\t2023-01-01\n\
                    690000\tDnipro River\tDnipro River\t\t46.5\t32.3\tH\tSTM\tUA\t\t\t\t\t\t0\t\t1\tEurope/Kyiv\t2023-01-01\n";
        assert_eq!(sniff(line.as_bytes()), Format::GeoNames);
        let out = read(line.as_bytes(), false).unwrap();
        assert_eq!(out.rows.len(), 1);
        assert_eq!(out.not_places, 1);
        assert_eq!(out.rows[0].feature_code, "PPLA2");
        assert_eq!(out.rows[0].admin2_code, "6302");
        let short = "707292\tIzyum\tIzyum\n";
        assert_eq!(read(short.as_bytes(), false).unwrap_err().line, 1);
    }
}
