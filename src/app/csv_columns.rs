//! Reading numeric columns out of a CSV file by their header names, with
//! errors that name the file, row and column.

use std::path::Path;

/// The named columns of a CSV file as numbers, in file order.
pub fn numeric_columns(path: &Path, names: &[&str]) -> anyhow::Result<Vec<Vec<f64>>> {
    let file = path.display();
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| anyhow::anyhow!("cannot read {file}: {e}"))?;
    let headers = reader
        .headers()
        .map_err(|e| anyhow::anyhow!("{file}: {e}"))?
        .clone();
    let indices = names
        .iter()
        .map(|name| {
            headers.iter().position(|h| h == *name).ok_or_else(|| {
                let known: Vec<&str> = headers.iter().collect();
                anyhow::anyhow!(
                    "{file}: there is no column `{name}` (the header has: {})",
                    known.join(", ")
                )
            })
        })
        .collect::<anyhow::Result<Vec<usize>>>()?;
    let mut columns = vec![Vec::new(); names.len()];
    for (i, record) in reader.records().enumerate() {
        // Row 1 is the header.
        let row = i + 2;
        let record = record.map_err(|e| anyhow::anyhow!("{file}:{row}: {e}"))?;
        for (column, (&index, name)) in columns.iter_mut().zip(indices.iter().zip(names)) {
            let cell = record.get(index).unwrap_or("");
            let value: f64 = cell
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite())
                .ok_or_else(|| {
                    anyhow::anyhow!(
                        "{file}:{row}:{}: `{cell}` in column `{name}` is not a number",
                        index + 1
                    )
                })?;
            column.push(value);
        }
    }
    Ok(columns)
}
