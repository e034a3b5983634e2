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

#[derive(Debug)]
struct NotUnitVariant;

impl std::fmt::Display for NotUnitVariant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a unit variant")
    }
}

impl std::error::Error for NotUnitVariant {}

impl Error for NotUnitVariant {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        Self
    }
}

/// Refuses every kind of value but a unit variant.
macro_rules! refuse {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $arg),*) -> Result<Self::Ok, Self::Error> {
            Err(NotUnitVariant)
        })*
    };
}

impl Serializer for VariantName {
    type Ok = &'static str;
    type Error = NotUnitVariant;
    type SerializeSeq = Impossible<Self::Ok, Self::Error>;
    type SerializeTuple = Impossible<Self::Ok, Self::Error>;
    type SerializeTupleStruct = Impossible<Self::Ok, Self::Error>;
    type SerializeTupleVariant = Impossible<Self::Ok, Self::Error>;
    type SerializeMap = Impossible<Self::Ok, Self::Error>;
    type SerializeStruct = Impossible<Self::Ok, Self::Error>;
    type SerializeStructVariant = Impossible<Self::Ok, Self::Error>;

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, Self::Error> {
        Ok(variant)
    }

    refuse! {
        serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
        serialize_i64(i64), serialize_u8(u8), serialize_u16(u16), serialize_u32(u32),
        serialize_u64(u64), serialize_f32(f32), serialize_f64(f64), serialize_char(char),
        serialize_str(&str), serialize_bytes(&[u8]), serialize_none(), serialize_unit(),
        serialize_unit_struct(&'static str),
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<Self::Ok, Self::Error> {
        Err(NotUnitVariant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<Self::Ok, Self::Error> {
        Err(NotUnitVariant)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Self::Ok, Self::Error> {
        Err(NotUnitVariant)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Self::Error> {
        Err(NotUnitVariant)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Self::Error> {
        Err(NotUnitVariant)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Self::Error> {
        Err(NotUnitVariant)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Self::Error> {
        Err(NotUnitVariant)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Self::Error> {
        Err(NotUnitVariant)
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Self::Error> {
        Err(NotUnitVariant)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Self::Error> {
        Err(NotUnitVariant)
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
