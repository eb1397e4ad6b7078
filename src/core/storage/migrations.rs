//! Schema versions and the migrations between them: what each version stored where, and how older data is read.
//!
//! - Schema 1 kept a whole review, observations included, in its head.
//! - Schema 2 moved the observations to one part key per question, each overwritten in place.
//! - Schema 3 writes each part under a key named by the generation of the save that wrote it, and the head lists
//!   the part keys it belongs with, so a save that stops half-way leaves the previous version whole.
//!
//! None of these changed the shape of a review's data, so no migration transforms data, and drafts are read
//! straight into a `Review`.

use std::collections::BTreeMap;

use serde_json::Value;

use super::envelope::{checked_schema, decode_same_shape, Decoded, EnvelopeIn};
use super::keys::parts;
use crate::review::Review;

/// The schema this version writes. Raise it only together with a migration in `MIGRATIONS` (and a fixture of
/// the released schema in `tests/fixtures`).
pub const SCHEMA_VERSION: u32 = 3;

/// Turns data of schema `n` into data of schema `n + 1`; `None` when the data kept its shape and only where it
/// is stored changed.
pub type Migration = Option<fn(Value) -> Result<Value, String>>;

/// `MIGRATIONS[i]` migrates schema `i + 1` to `i + 2`; its length is always `SCHEMA_VERSION - 1`.
/// - 1 to 2: the same data; a schema-1 head holds its observations itself and they are read from there;
/// - 2 to 3: the same data; a schema-2 head's parts are the keys without a generation, one per question.
pub const MIGRATIONS: &[Migration] = &[None, None];

/// Whether any of the app's migrations transforms data. While none does, drafts are read straight into a
/// `Review` and the JSON-tree code a transform needs is left out of the WebAssembly (about 14 KB gzip).
const TRANSFORMS_DATA: bool = transforms_data(MIGRATIONS);

const fn transforms_data(migrations: &[Migration]) -> bool {
    let mut index = 0;
    while index < migrations.len() {
        if migrations[index].is_some() {
            return true;
        }
        index += 1;
    }
    false
}

/// Where a review's observations are stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Layout {
    /// The generation of the save that wrote the head; 0 for a schema-2 head.
    pub generation: u64,
    /// Each part the head belongs with, and the generation of the save that wrote it. A part not listed has no
    /// observations.
    pub parts: BTreeMap<String, u64>,
}

impl Layout {
    /// Where a head of `schema` keeps its observations, given what its envelope lists; `None` when they are in
    /// the head itself.
    pub(crate) fn of_schema(schema: u32, generation: u64, listed: BTreeMap<String, u64>) -> Option<Layout> {
        match schema {
            0 | 1 => None,
            2 => Some(Layout {
                generation: 0,
                parts: parts().map(|part| (part.to_owned(), 0)).collect(),
            }),
            _ => Some(Layout {
                generation,
                parts: listed,
            }),
        }
    }
}

/// Reads a stored review, migrating it from an older schema. Newer schemas are refused, never guessed at.
pub fn decode_review(raw: &str) -> Result<Review, String> {
    decode_current(raw).map(|decoded| decoded.review)
}

/// Decodes with the app's own migrations.
pub(crate) fn decode_current(raw: &str) -> Result<Decoded, String> {
    if TRANSFORMS_DATA {
        decode_migrating(raw, MIGRATIONS)
    } else {
        decode_same_shape(raw, SCHEMA_VERSION)
    }
}

/// Decodes with the given migrations; also returns the schema the text was stored with.
pub fn decode_with(raw: &str, migrations: &[Migration]) -> Result<(Review, u32), String> {
    decode_migrating(raw, migrations).map(|decoded| (decoded.review, decoded.schema))
}

pub(crate) fn decode_migrating(raw: &str, migrations: &[Migration]) -> Result<Decoded, String> {
    let current = migrations.len() as u32 + 1;
    let schema = checked_schema(raw, current)?;
    let transforms = &migrations[schema as usize - 1..];
    if transforms.iter().all(Option::is_none) {
        return decode_same_shape(raw, current);
    }
    let envelope: EnvelopeIn<Value> =
        serde_json::from_str(raw).map_err(|error| format!("the saved draft is damaged ({error})"))?;
    let mut data = envelope.data;
    for transform in transforms.iter().flatten() {
        data = transform(data)?;
    }
    let review =
        serde_json::from_value(data).map_err(|error| format!("the saved draft has an unexpected shape ({error})"))?;
    Ok(Decoded {
        review,
        schema,
        layout: Layout::of_schema(schema, envelope.generation, envelope.parts),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_migration_list_matches_the_schema_version() {
        assert_eq!(MIGRATIONS.len() as u32 + 1, SCHEMA_VERSION);
    }

    #[test]
    fn a_same_shape_migration_reads_the_old_data_as_it_is() {
        let old = r#"{"schema":1,"data":{"id":"same","title":"kept"}}"#;
        let (review, schema) = decode_with(old, &[None]).unwrap();
        assert_eq!((review.title.as_str(), schema), ("kept", 1));
        assert_eq!(decode_review(old).unwrap().title, "kept");
    }

    #[test]
    fn each_schema_names_where_its_observations_are() {
        assert_eq!(Layout::of_schema(1, 0, BTreeMap::new()), None);
        let legacy = Layout::of_schema(2, 9, BTreeMap::new()).unwrap();
        assert_eq!(legacy.generation, 0);
        assert_eq!(legacy.parts.len(), parts().count());
        let listed = BTreeMap::from([("other".to_owned(), 4)]);
        assert_eq!(Layout::of_schema(3, 5, listed.clone()).unwrap().parts, listed);
    }
}
