//! A catalog read lazily from JSON text: the tree of groups and control ids is parsed, each
//! control's content is kept as raw JSON and parsed only when the control is selected. A
//! baseline selects a few hundred of NIST's 1,196 controls; parsing (and later freeing) only
//! those is most of the speed of resolution.

use crate::error::OscalError;
use crate::model::{BackMatter, Control, Link, Param, Part, Prop};
use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::marker::PhantomData;

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct LazyFile<'a> {
    #[serde(default, rename = "$schema")]
    _schema: Option<IgnoredAny>,
    #[serde(borrow, default)]
    catalog: Option<LazyCatalog<'a>>,
    #[serde(default, rename = "profile")]
    _profile: Option<IgnoredAny>,
    #[serde(default, rename = "system-security-plan")]
    _system_security_plan: Option<IgnoredAny>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct LazyCatalog<'a> {
    #[serde(rename = "uuid")]
    pub _uuid: String,
    #[serde(rename = "metadata")]
    pub _metadata: IgnoredAny,
    #[serde(default)]
    pub params: Vec<Param>,
    #[serde(borrow, default)]
    pub controls: Vec<LazyControl<'a>>,
    #[serde(borrow, default)]
    pub groups: Vec<LazyGroup<'a>>,
    #[serde(default)]
    pub back_matter: Option<BackMatter>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct LazyGroup<'a> {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub class: Option<String>,
    pub title: String,
    #[serde(default)]
    pub params: Vec<Param>,
    #[serde(default)]
    pub props: Vec<Prop>,
    #[serde(default)]
    pub links: Vec<Link>,
    #[serde(default)]
    pub parts: Vec<Part>,
    #[serde(borrow, default)]
    pub groups: Vec<LazyGroup<'a>>,
    #[serde(borrow, default)]
    pub controls: Vec<LazyControl<'a>>,
}

/// A control's id and child controls; its other fields stay raw JSON until asked for. One
/// pass over the text: field values are only checked and skipped.
pub(crate) struct LazyControl<'a> {
    pub id: Cow<'a, str>,
    pub controls: Vec<LazyControl<'a>>,
    fields: Vec<(Cow<'a, str>, &'a RawValue)>,
}

/// A string borrowed from the input when it has no escapes.
struct Str<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Str<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Str<'a>, E> {
                Ok(Str(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Str<'a>, E> {
                Ok(Str(Cow::Owned(v.to_string())))
            }
        }
        d.deserialize_str(V(PhantomData))
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for LazyControl<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = LazyControl<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a control")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut m: M) -> Result<LazyControl<'a>, M::Error> {
                let mut id = None;
                let mut controls = Vec::new();
                let mut fields = Vec::new();
                while let Some(Str(k)) = m.next_key::<Str<'a>>()? {
                    match k.as_ref() {
                        "id" => id = Some(m.next_value::<Str<'a>>()?.0),
                        "controls" => controls = m.next_value()?,
                        _ => fields.push((k, m.next_value::<&'a RawValue>()?)),
                    }
                }
                let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
                Ok(LazyControl {
                    id,
                    controls,
                    fields,
                })
            }
        }
        d.deserialize_map(V(PhantomData))
    }
}

impl LazyControl<'_> {
    /// The control's content, parsed now, without child controls.
    pub fn body(&self, href: &str) -> Result<Control, OscalError> {
        fn field<T: serde::de::DeserializeOwned>(
            href: &str,
            id: &str,
            key: &str,
            raw: &RawValue,
        ) -> Result<T, OscalError> {
            let mut de = serde_json::Deserializer::from_str(raw.get());
            serde_path_to_error::deserialize(&mut de).map_err(|e| {
                let inner = e.path().to_string();
                let path = match inner.as_str() {
                    "." => key.to_string(),
                    p if p.starts_with('[') => format!("{key}{p}"),
                    p => format!("{key}.{p}"),
                };
                OscalError::Invalid {
                    href: href.to_string(),
                    path: format!("control {id}: {path}"),
                    detail: e.into_inner().to_string(),
                }
            })
        }
        let id = self.id.as_ref();
        let mut c = Control {
            id: id.to_string(),
            ..Control::default()
        };
        let mut title = None;
        for (k, raw) in &self.fields {
            match k.as_ref() {
                "class" => c.class = Some(field(href, id, k, raw)?),
                "title" => title = Some(field(href, id, k, raw)?),
                "params" => c.params = field(href, id, k, raw)?,
                "props" => c.props = field(href, id, k, raw)?,
                "links" => c.links = field(href, id, k, raw)?,
                "parts" => c.parts = field(href, id, k, raw)?,
                _ => {}
            }
        }
        c.title = title.ok_or_else(|| OscalError::Invalid {
            href: href.to_string(),
            path: format!("control {id}"),
            detail: "missing field `title`".into(),
        })?;
        Ok(c)
    }
}

/// The catalog in `text`, read lazily, when it is a JSON catalog; `None` for anything else
/// (a profile, YAML, or text the full parser should report on).
pub(crate) fn lazy_catalog(text: &str) -> Option<LazyCatalog<'_>> {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if !t.starts_with('{') {
        return None;
    }
    serde_json::from_str::<LazyFile<'_>>(t).ok()?.catalog
}
