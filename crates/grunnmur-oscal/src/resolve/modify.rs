//! The modify phase: `set-parameters` (change a parameter wherever it is) and `alters` (take
//! content out of a control, put new content in).

use super::Resolver;
use crate::model::*;

impl Resolver<'_> {
    pub(super) fn modify(&mut self, key: &str, modify: &Modify, out: &mut Catalog) {
        for (n, sp) in modify.set_parameters.iter().enumerate() {
            match find_param(out, &sp.param_id) {
                Some(p) => set_param(p, sp),
                None => self.warn(
                    format!("{key}: modify.set-parameters[{n}]"),
                    format!("no selected control has parameter {}", sp.param_id),
                ),
            }
        }
        for (n, alter) in modify.alters.iter().enumerate() {
            let place = format!("{key}: modify.alters[{n}]");
            let Some(control) = find_control(&mut out.groups, &mut out.controls, &alter.control_id)
            else {
                self.warn(
                    place,
                    format!("control {} is not selected", alter.control_id),
                );
                continue;
            };
            for rm in &alter.removes {
                remove_from(control, rm);
            }
            for add in &alter.adds {
                if let Err(msg) = add_to(control, add) {
                    self.warn(place.clone(), msg);
                }
            }
        }
    }
}

fn find_param<'c>(cat: &'c mut Catalog, id: &str) -> Option<&'c mut Param> {
    fn in_controls<'c>(cs: &'c mut [Control], id: &str) -> Option<&'c mut Param> {
        for c in cs {
            if let Some(p) = c.params.iter_mut().find(|p| p.id == id) {
                return Some(p);
            }
            if let Some(p) = in_controls(&mut c.controls, id) {
                return Some(p);
            }
        }
        None
    }
    fn in_groups<'c>(gs: &'c mut [Group], id: &str) -> Option<&'c mut Param> {
        for g in gs {
            if let Some(p) = g.params.iter_mut().find(|p| p.id == id) {
                return Some(p);
            }
            if let Some(p) = in_controls(&mut g.controls, id) {
                return Some(p);
            }
            if let Some(p) = in_groups(&mut g.groups, id) {
                return Some(p);
            }
        }
        None
    }
    if let Some(n) = cat.params.iter().position(|p| p.id == id) {
        return Some(&mut cat.params[n]);
    }
    if let Some(p) = in_controls(&mut cat.controls, id) {
        return Some(p);
    }
    in_groups(&mut cat.groups, id)
}

/// Applies one `set-parameter`: label, usage, values, select and class replace what the
/// parameter had; props, links, constraints and guidelines are added.
fn set_param(p: &mut Param, sp: &SetParameter) {
    if sp.class.is_some() {
        p.class = sp.class.clone();
    }
    if sp.depends_on.is_some() {
        p.depends_on = sp.depends_on.clone();
    }
    p.props.extend(sp.props.iter().cloned());
    p.links.extend(sp.links.iter().cloned());
    if sp.label.is_some() {
        p.label = sp.label.clone();
    }
    if sp.usage.is_some() {
        p.usage = sp.usage.clone();
    }
    p.constraints.extend(sp.constraints.iter().cloned());
    p.guidelines.extend(sp.guidelines.iter().cloned());
    if !sp.values.is_empty() {
        p.values = sp.values.clone();
    }
    if sp.select.is_some() {
        p.select = sp.select.clone();
    }
}

fn find_control<'c>(
    groups: &'c mut [Group],
    controls: &'c mut [Control],
    id: &str,
) -> Option<&'c mut Control> {
    fn in_controls<'c>(cs: &'c mut [Control], id: &str) -> Option<&'c mut Control> {
        for c in cs {
            if c.id == id {
                return Some(c);
            }
            if let Some(x) = in_controls(&mut c.controls, id) {
                return Some(x);
            }
        }
        None
    }
    if let Some(c) = in_controls(controls, id) {
        return Some(c);
    }
    for g in groups {
        if let Some(c) = find_control(&mut g.groups, &mut g.controls, id) {
            return Some(c);
        }
    }
    None
}

fn class_has(class: &Option<String>, token: &str) -> bool {
    class
        .as_deref()
        .is_some_and(|c| c.split_whitespace().any(|t| t == token))
}

/// What a `remove` is matched against.
struct Item<'a> {
    kind: &'static str,
    name: Option<&'a str>,
    class: &'a Option<String>,
    id: Option<&'a str>,
    ns: Option<&'a str>,
}

fn matches(rm: &Remove, it: Item<'_>) -> bool {
    let no_criteria = rm.by_name.is_none()
        && rm.by_class.is_none()
        && rm.by_id.is_none()
        && rm.by_item_name.is_none()
        && rm.by_ns.is_none();
    !no_criteria
        && rm.by_name.as_deref().is_none_or(|n| it.name == Some(n))
        && rm
            .by_class
            .as_deref()
            .is_none_or(|c| class_has(it.class, c))
        && rm.by_id.as_deref().is_none_or(|i| it.id == Some(i))
        && rm.by_item_name.as_deref().is_none_or(|k| k == it.kind)
        && rm.by_ns.as_deref().is_none_or(|n| it.ns == Some(n))
}

const NO_CLASS: Option<String> = None;

fn remove_props(props: &mut Vec<Prop>, rm: &Remove) {
    props.retain(|p| {
        !matches(
            rm,
            Item {
                kind: "prop",
                name: Some(&p.name),
                class: &p.class,
                id: p.uuid.as_deref(),
                ns: p.ns.as_deref(),
            },
        )
    });
}

fn remove_links(links: &mut Vec<Link>, rm: &Remove) {
    links.retain(|l| {
        !matches(
            rm,
            Item {
                kind: "link",
                name: l.rel.as_deref(),
                class: &NO_CLASS,
                id: None,
                ns: None,
            },
        )
    });
}

fn remove_parts(parts: &mut Vec<Part>, rm: &Remove) {
    parts.retain(|p| {
        !matches(
            rm,
            Item {
                kind: "part",
                name: Some(&p.name),
                class: &p.class,
                id: p.id.as_deref(),
                ns: p.ns.as_deref(),
            },
        )
    });
    for p in parts {
        remove_props(&mut p.props, rm);
        remove_links(&mut p.links, rm);
        remove_parts(&mut p.parts, rm);
    }
}

/// `removes`: takes matching params, props, links and parts out of the control (not out of
/// its child controls).
fn remove_from(c: &mut Control, rm: &Remove) {
    c.params.retain(|p| {
        !matches(
            rm,
            Item {
                kind: "param",
                name: None,
                class: &p.class,
                id: Some(&p.id),
                ns: None,
            },
        )
    });
    for p in &mut c.params {
        remove_props(&mut p.props, rm);
        remove_links(&mut p.links, rm);
    }
    remove_props(&mut c.props, rm);
    remove_links(&mut c.links, rm);
    remove_parts(&mut c.parts, rm);
}

fn put<T: Clone>(list: &mut Vec<T>, items: &[T], at_start: bool) {
    if items.is_empty() {
        return;
    }
    if at_start {
        list.splice(0..0, items.iter().cloned());
    } else {
        list.extend(items.iter().cloned());
    }
}

/// `adds`: puts new content at the start or end of the control, or of the part or parameter
/// named by `by-id`, or before or after it.
fn add_to(c: &mut Control, add: &Add) -> Result<(), String> {
    let position = add.position.unwrap_or(Position::Ending);
    let target = add.by_id.as_deref().filter(|id| *id != c.id);
    let Some(target) = target else {
        // Bound to the control itself: before/after mean starting/ending.
        let start = matches!(position, Position::Starting | Position::Before);
        if let Some(t) = &add.title {
            c.title = t.clone();
        }
        put(&mut c.params, &add.params, start);
        put(&mut c.props, &add.props, start);
        put(&mut c.links, &add.links, start);
        put(&mut c.parts, &add.parts, start);
        return Ok(());
    };
    // A parameter of the control.
    if let Some(n) = c.params.iter().position(|p| p.id == target) {
        match position {
            Position::Before => {
                c.params.splice(n..n, add.params.iter().cloned());
            }
            Position::After => {
                c.params.splice(n + 1..n + 1, add.params.iter().cloned());
            }
            Position::Starting | Position::Ending => {
                let start = position == Position::Starting;
                let p = &mut c.params[n];
                put(&mut p.props, &add.props, start);
                put(&mut p.links, &add.links, start);
            }
        }
        return Ok(());
    }
    if add_in_parts(&mut c.parts, &mut c.props, target, position, add) {
        Ok(())
    } else {
        Err(format!(
            "adds by-id '{target}': control {} has no part or parameter with that id",
            c.id
        ))
    }
}

fn add_in_parts(
    parts: &mut Vec<Part>,
    container_props: &mut Vec<Prop>,
    target: &str,
    position: Position,
    add: &Add,
) -> bool {
    if let Some(n) = parts.iter().position(|p| p.id.as_deref() == Some(target)) {
        match position {
            Position::Starting | Position::Ending => {
                let start = position == Position::Starting;
                let p = &mut parts[n];
                if let Some(t) = &add.title {
                    p.title = Some(t.clone());
                }
                put(&mut p.props, &add.props, start);
                put(&mut p.links, &add.links, start);
                put(&mut p.parts, &add.parts, start);
            }
            Position::Before | Position::After => {
                let at = if position == Position::Before {
                    n
                } else {
                    n + 1
                };
                parts.splice(at..at, add.parts.iter().cloned());
                container_props.extend(add.props.iter().cloned());
            }
        }
        return true;
    }
    for p in parts.iter_mut() {
        if add_in_parts(&mut p.parts, &mut p.props, target, position, add) {
            return true;
        }
    }
    false
}
