//! The reference values of the statistics (`tests/fixtures/stats/`), read
//! the same way by the library's tests and the command line's.

use serde_json::Value;

/// A fixture file of `tests/fixtures/stats/`.
pub fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/stats/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect("fixture")).expect("json")
}

/// The cases under `key` of a fixture file.
pub fn cases(name: &str, key: &str) -> Vec<Value> {
    fixture(name)
        .get(key)
        .and_then(Value::as_array)
        .cloned()
        .expect("cases")
}

pub fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_f64().expect("number"))
        .collect()
}

pub fn matrix(v: &Value) -> Vec<Vec<f64>> {
    v.as_array().expect("rows").iter().map(floats).collect()
}
