//! Stable ids of closed sets (answers, statuses, kinds) taken from serde's names.
//!
//! An enum's `#[serde(rename_all = ...)]` is the one table of its ids: files, events, links,
//! error codes and the terminal all read the same names, and no hand-written `match` can drift
//! from it.

use serde::Serialize;
use serde::ser::{Error, Impossible, Serializer};

/// The id of a unit variant, as serde writes it; an empty string for anything else.
pub fn id<T: Serialize>(value: &T) -> &'static str {
    value.serialize(VariantName).unwrap_or_default()
}

/// A closed set of values with stable ids, as files, events, links and the terminal write them.
pub trait Vocabulary: Copy + Serialize + 'static {
    /// The field name used in error messages, for example `minor`.
    const FIELD: &'static str;
    /// Every value, in display order.
    const ALL: &'static [Self];

    /// The value's id: its serde name.
    fn id(self) -> &'static str {
        id(&self)
    }

    /// Parses an id, naming the valid ones when it is unknown.
    fn parse(value: &str) -> Result<Self, crate::Error> {
        Self::ALL
            .iter()
            .copied()
            .find(|a| a.id() == value)
            .ok_or_else(|| Self::unknown(value))
    }

    /// Every id, in display order.
    fn ids() -> Vec<String> {
        Self::ALL.iter().map(|a| a.id().to_owned()).collect()
    }

    /// The error for a value that is none of these; an [`crate::Error::InvalidValue`] unless a
    /// set says otherwise.
    fn unknown(value: &str) -> crate::Error {
        invalid(Self::FIELD, value, Self::ALL.iter().map(|a| a.id()))
    }
}

/// An [`crate::Error::InvalidValue`]: `value` is not one of the `valid` values of `field`.
pub(crate) fn invalid<'a>(
    field: &str,
    value: &str,
    valid: impl IntoIterator<Item = &'a str>,
) -> crate::Error {
    crate::Error::InvalidValue {
        field: field.to_owned(),
        value: value.to_owned(),
        valid: valid.into_iter().map(str::to_owned).collect(),
    }
}

/// A serializer that only records the name of a unit variant.
struct VariantName;

type Refused = serde::de::value::Error;

/// Refuses every kind of value but a unit variant.
macro_rules! refuse {
    ($(fn $m:ident $(<$t:ident>)? (self $(, $a:ty)*) -> $r:ty;)*) => {
        $(fn $m$(<$t: ?Sized + Serialize>)?(self $(, _: $a)*) -> Result<$r, Refused> {
            Err(Refused::custom("not a unit variant"))
        })*
    };
}

impl Serializer for VariantName {
    type Ok = &'static str;
    type Error = Refused;
    type SerializeSeq = Impossible<Self::Ok, Refused>;
    type SerializeTuple = Impossible<Self::Ok, Refused>;
    type SerializeTupleStruct = Impossible<Self::Ok, Refused>;
    type SerializeTupleVariant = Impossible<Self::Ok, Refused>;
    type SerializeMap = Impossible<Self::Ok, Refused>;
    type SerializeStruct = Impossible<Self::Ok, Refused>;
    type SerializeStructVariant = Impossible<Self::Ok, Refused>;

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, Refused> {
        Ok(variant)
    }

    refuse! {
        fn serialize_bool(self, bool) -> Self::Ok;
        fn serialize_i8(self, i8) -> Self::Ok;
        fn serialize_i16(self, i16) -> Self::Ok;
        fn serialize_i32(self, i32) -> Self::Ok;
        fn serialize_i64(self, i64) -> Self::Ok;
        fn serialize_u8(self, u8) -> Self::Ok;
        fn serialize_u16(self, u16) -> Self::Ok;
        fn serialize_u32(self, u32) -> Self::Ok;
        fn serialize_u64(self, u64) -> Self::Ok;
        fn serialize_f32(self, f32) -> Self::Ok;
        fn serialize_f64(self, f64) -> Self::Ok;
        fn serialize_char(self, char) -> Self::Ok;
        fn serialize_str(self, &str) -> Self::Ok;
        fn serialize_bytes(self, &[u8]) -> Self::Ok;
        fn serialize_none(self) -> Self::Ok;
        fn serialize_some<T>(self, &T) -> Self::Ok;
        fn serialize_unit(self) -> Self::Ok;
        fn serialize_unit_struct(self, &'static str) -> Self::Ok;
        fn serialize_newtype_struct<T>(self, &'static str, &T) -> Self::Ok;
        fn serialize_newtype_variant<T>(self, &'static str, u32, &'static str, &T) -> Self::Ok;
        fn serialize_seq(self, Option<usize>) -> Self::SerializeSeq;
        fn serialize_tuple(self, usize) -> Self::SerializeTuple;
        fn serialize_tuple_struct(self, &'static str, usize) -> Self::SerializeTupleStruct;
        fn serialize_tuple_variant(self, &'static str, u32, &'static str, usize)
            -> Self::SerializeTupleVariant;
        fn serialize_map(self, Option<usize>) -> Self::SerializeMap;
        fn serialize_struct(self, &'static str, usize) -> Self::SerializeStruct;
        fn serialize_struct_variant(self, &'static str, u32, &'static str, usize)
            -> Self::SerializeStructVariant;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    #[serde(rename_all = "kebab-case")]
    enum Kind {
        OnBehalf,
        #[allow(dead_code)]
        Other(u8),
    }

    #[test]
    fn unit_variants_give_their_serde_name_and_nothing_else_does() {
        assert_eq!(id(&Kind::OnBehalf), "on-behalf");
        assert_eq!(id(&Kind::Other(1)), "");
        assert_eq!(id(&"text"), "");
        assert_eq!(id(&Some(1)), "");
    }
}
