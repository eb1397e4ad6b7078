//! The envelope around every stored review, `{schema, saved_at, app_version, data}`, and a review's head.
//!
//! A head's envelope also names the generation of the save that wrote it and the part keys it belongs with
//! (`generation`, `parts`), so that a head is only ever read with the parts written for it. A whole review (as
//! the trash keeps it) is one envelope with no parts.

use std::collections::BTreeMap;

use serde::ser::{self, Impossible, SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use super::migrations::{Layout, SCHEMA_VERSION};
use crate::review::Review;

/// A decoded head or whole review.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub review: Review,
    /// The schema it was stored with.
    pub schema: u32,
    /// Where its observations are; `None` when they were in the envelope itself.
    pub layout: Option<Layout>,
}

#[derive(Deserialize)]
pub(crate) struct EnvelopeIn<T> {
    pub data: T,
    #[serde(default)]
    pub generation: u64,
    #[serde(default)]
    pub parts: BTreeMap<String, u64>,
}

/// An envelope without its data, which is skipped without being built.
#[derive(Deserialize)]
struct EnvelopeMeta {
    schema: u32,
    #[serde(default)]
    generation: u64,
    #[serde(default)]
    parts: BTreeMap<String, u64>,
}

#[derive(Serialize)]
struct EnvelopeOut<'a, T> {
    schema: u32,
    saved_at: u64,
    app_version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    generation: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parts: Option<&'a BTreeMap<String, u64>>,
    data: T,
}

/// A review as its head: every field but the observations. It is the review's own serialisation with that
/// one field left out, so a field added to `Review` is stored without a change here.
struct HeadOf<'a>(&'a Review);

impl Serialize for HeadOf<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(WithoutObservations(serializer))
    }
}

/// A serializer for one struct that passes every field on but the observations. A review is a struct, so
/// anything else is refused.
struct WithoutObservations<S>(S);

struct FieldsWithoutObservations<S>(S);

impl<S: SerializeStruct> SerializeStruct for FieldsWithoutObservations<S> {
    type Ok = S::Ok;
    type Error = S::Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), S::Error> {
        if key == "observations" {
            self.0.skip_field(key)
        } else {
            self.0.serialize_field(key, value)
        }
    }

    fn end(self) -> Result<S::Ok, S::Error> {
        self.0.end()
    }
}

macro_rules! refuse {
    ($($method:ident($($argument:ty),*) -> $result:ty;)*) => {
        $(fn $method(self, $(_: $argument),*) -> Result<$result, S::Error> {
            Err(ser::Error::custom("a review's head is a struct"))
        })*
    };
}

impl<S: Serializer> Serializer for WithoutObservations<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Impossible<S::Ok, S::Error>;
    type SerializeTuple = Impossible<S::Ok, S::Error>;
    type SerializeTupleStruct = Impossible<S::Ok, S::Error>;
    type SerializeTupleVariant = Impossible<S::Ok, S::Error>;
    type SerializeMap = Impossible<S::Ok, S::Error>;
    type SerializeStruct = FieldsWithoutObservations<S::SerializeStruct>;
    type SerializeStructVariant = Impossible<S::Ok, S::Error>;

    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Self::SerializeStruct, S::Error> {
        Ok(FieldsWithoutObservations(
            self.0.serialize_struct(name, len.saturating_sub(1))?,
        ))
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<S::Ok, S::Error> {
        Err(ser::Error::custom("a review's head is a struct"))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, _: &T) -> Result<S::Ok, S::Error> {
        Err(ser::Error::custom("a review's head is a struct"))
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<S::Ok, S::Error> {
        Err(ser::Error::custom("a review's head is a struct"))
    }

    refuse! {
        serialize_bool(bool) -> S::Ok;
        serialize_i8(i8) -> S::Ok;
        serialize_i16(i16) -> S::Ok;
        serialize_i32(i32) -> S::Ok;
        serialize_i64(i64) -> S::Ok;
        serialize_u8(u8) -> S::Ok;
        serialize_u16(u16) -> S::Ok;
        serialize_u32(u32) -> S::Ok;
        serialize_u64(u64) -> S::Ok;
        serialize_f32(f32) -> S::Ok;
        serialize_f64(f64) -> S::Ok;
        serialize_char(char) -> S::Ok;
        serialize_str(&str) -> S::Ok;
        serialize_bytes(&[u8]) -> S::Ok;
        serialize_none() -> S::Ok;
        serialize_unit() -> S::Ok;
        serialize_unit_struct(&'static str) -> S::Ok;
        serialize_unit_variant(&'static str, u32, &'static str) -> S::Ok;
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }
}

/// A review's head in its envelope, naming the parts it belongs with.
pub(crate) fn encode_head(review: &Review, layout: &Layout, now: u64, app_version: &str) -> String {
    // Plain data with string keys always serialises; an empty text is never read back as a review.
    serde_json::to_string(&EnvelopeOut {
        schema: SCHEMA_VERSION,
        saved_at: now,
        app_version,
        generation: Some(layout.generation),
        parts: Some(&layout.parts),
        data: HeadOf(review),
    })
    .unwrap_or_default()
}

/// A whole review (head and observations) in one envelope, as the trash keeps it.
pub fn encode_review(review: &Review, now: u64, app_version: &str) -> String {
    serde_json::to_string(&EnvelopeOut {
        schema: SCHEMA_VERSION,
        saved_at: now,
        app_version,
        generation: None,
        parts: None,
        data: review,
    })
    .unwrap_or_default()
}

/// The schema an envelope names, if this version can read it.
pub(crate) fn checked_schema(raw: &str, current: u32) -> Result<u32, String> {
    let schema = serde_json::from_str::<EnvelopeMeta>(raw)
        .map_err(|error| format!("the saved draft is damaged ({error})"))?
        .schema;
    if schema > current {
        return Err(format!(
            "this draft was saved by a newer version of gotlucky (format {schema}, this version reads up to \
             {current}); it is kept as it is"
        ));
    }
    if schema == 0 {
        return Err("the saved draft names no format version".to_owned());
    }
    Ok(schema)
}

/// Reads an envelope whose data needs no transform, refusing schemas above `current`.
pub(crate) fn decode_same_shape(raw: &str, current: u32) -> Result<Decoded, String> {
    let schema = checked_schema(raw, current)?;
    let envelope: EnvelopeIn<Review> =
        serde_json::from_str(raw).map_err(|error| format!("the saved draft has an unexpected shape ({error})"))?;
    Ok(Decoded {
        review: envelope.data,
        schema,
        layout: Layout::of_schema(schema, envelope.generation, envelope.parts),
    })
}

/// The schema version a stored entry says it has, if it can be read at all.
pub fn stored_schema(raw: &str) -> Option<u32> {
    serde_json::from_str::<EnvelopeMeta>(raw)
        .ok()
        .map(|envelope| envelope.schema)
}

/// Where the observations of a stored head are, if this version can write over it part by part: `None` for a
/// head that is damaged, from a newer version, or keeps its observations itself.
pub(crate) fn stored_layout(raw: &str) -> Option<Layout> {
    let meta = serde_json::from_str::<EnvelopeMeta>(raw).ok()?;
    if meta.schema > SCHEMA_VERSION {
        return None;
    }
    Layout::of_schema(meta.schema, meta.generation, meta.parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_schema_is_read_without_the_data() {
        assert_eq!(stored_schema(r#"{"schema":7,"data":{"anything":[1,2]}}"#), Some(7));
        assert_eq!(stored_schema("{damaged"), None);
    }

    #[test]
    fn a_head_names_its_generation_and_parts_and_holds_no_observation() {
        let mut review = Review::new("abc", "Head", 1);
        review.add_observation("decreasing.normalised", "in a part", 2);
        let layout = Layout {
            generation: 4,
            parts: BTreeMap::from([("decreasing.normalised".to_owned(), 4)]),
        };
        let raw = encode_head(&review, &layout, 3, "test");
        assert!(!raw.contains("in a part") && !raw.contains("observations"));
        assert_eq!(stored_layout(&raw), Some(layout));
        // Every other field is there, whatever fields `Review` has.
        let mut head = decode_same_shape(&raw, SCHEMA_VERSION).unwrap().review;
        head.observations.clone_from(&review.observations);
        assert_eq!(head, review);
        let whole = encode_review(&review, 3, "test");
        assert!(whole.contains("in a part") && !whole.contains("generation"));
    }
}
