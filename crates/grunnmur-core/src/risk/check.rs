//! What must hold for an assessment to be stored ([`RiskAssessment::check`]), and to be
//! accepted ([`RiskAssessment::acceptance_problems`], [`RiskAssessment::accept`]). Every problem
//! names its field by path.

use super::*;
use crate::workspace::Workspace;

impl RiskAssessment {
    /// What must hold for the document to be stored: a sound frame, known references, positions
    /// on the scales. An unfinished assessment is fine; see [`Self::acceptance_problems`].
    pub fn check(&self, cat: &Catalog, ws: &Workspace) -> Vec<Problem> {
        let mut out = self.text_problems();
        self.frame.check(ws, &mut out);
        self.check_areas(cat, &mut out);
        let (nl, nc) = (self.frame.likelihood.len(), self.frame.consequence.len());
        let mut risk_ids = Vec::new();
        for (n, r) in self.risks.iter().enumerate() {
            let path = format!("risks[{n}]");
            check_id(&path, &r.id, &mut risk_ids, &mut out);
            self.check_risk(&path, r, (cat, ws), (nl, nc), &mut out);
        }
        if let Some(acc) = &self.acceptance
            && acc.owner.trim().is_empty()
        {
            out.push(Problem::new("acceptance.owner", Code::Empty));
        }
        out
    }

    /// Every text longer than its field allows (`crate::limits`).
    pub fn text_problems(&self) -> Vec<Problem> {
        let doc = serde_json::to_value(self).unwrap_or_default();
        too_long_problems(&doc)
    }

    /// Areas of concern: ids present and unique, a title unless pre-filled, known measures.
    fn check_areas(&self, cat: &Catalog, out: &mut Vec<Problem>) {
        let mut area_ids = Vec::new();
        for (n, area) in self.areas.iter().enumerate() {
            let path = format!("areas[{n}]");
            check_id(&path, &area.id, &mut area_ids, out);
            if area.title.trim().is_empty() && area.reason.is_none() {
                out.push(Problem::new(format!("{path}.title"), Code::Empty));
            }
            for (k, m) in area.measures.iter().enumerate() {
                if cat.measure(m).is_none() {
                    out.push(
                        Problem::new(format!("{path}.measures[{k}]"), Code::UnknownMeasure)
                            .arg("value", m),
                    );
                }
            }
        }
    }

    /// One risk (its id is checked with the others'): a title, known area and information
    /// types, dimensions, positions on the scales (`nl` likelihood and `nc` consequence steps),
    /// known measures, and a residual risk no worse than the analysed one.
    fn check_risk(
        &self,
        path: &str,
        r: &Risk,
        (cat, ws): (&Catalog, &Workspace),
        (nl, nc): (usize, usize),
        out: &mut Vec<Problem>,
    ) {
        if r.title.trim().is_empty() {
            out.push(Problem::new(format!("{path}.title"), Code::Empty));
        }
        if let Some(a) = &r.area
            && !self.areas.iter().any(|x| &x.id == a)
        {
            out.push(Problem::new(format!("{path}.area"), Code::UnknownArea).arg("value", a));
        }
        for (k, it) in r.info_types.iter().enumerate() {
            let known =
                cat.info_type(it).is_some() || ws.own_info_types.iter().any(|o| &o.id == it);
            if !known {
                out.push(
                    Problem::new(format!("{path}.info_types[{k}]"), Code::UnknownInfoType)
                        .arg("value", it),
                );
            }
        }
        if r.dimensions.is_empty() {
            out.push(Problem::new(
                format!("{path}.dimensions"),
                Code::NoDimensions,
            ));
        }
        for (k, d) in r.dimensions.iter().enumerate() {
            if r.dimensions[..k].contains(d) {
                out.push(
                    Problem::new(format!("{path}.dimensions[{k}]"), Code::DuplicateDimension)
                        .arg("value", d),
                );
            }
        }
        if let Some(a) = &r.analysis {
            check_position(out, &format!("{path}.analysis"), a.position(), nl, nc);
        }
        if let Some(t) = &r.treatment {
            for (k, m) in t.measures.iter().enumerate() {
                match m {
                    MeasureRef::Bank(id) if cat.measure(id).is_none() => out.push(
                        Problem::new(
                            format!("{path}.treatment.measures[{k}].bank"),
                            Code::UnknownMeasure,
                        )
                        .arg("value", id),
                    ),
                    MeasureRef::Own(text) if text.trim().is_empty() => out.push(Problem::new(
                        format!("{path}.treatment.measures[{k}].own"),
                        Code::Empty,
                    )),
                    _ => {}
                }
            }
            if let Some(res) = t.residual {
                let rp = format!("{path}.treatment.residual");
                let before = out.len();
                check_position(out, &rp, res, nl, nc);
                let in_scale = out.len() == before;
                if in_scale
                    && let Some(a) = &r.analysis
                    && (res.likelihood > a.likelihood || res.consequence > a.consequence)
                {
                    out.push(Problem::new(rp, Code::ResidualWorse));
                }
            }
        }
    }

    /// What must hold, beyond [`Self::check`], before the risk owner may accept the residual
    /// risk: every risk analysed; a decision on every risk outside the acceptable zone; a reduced
    /// risk has measures and an expected residual, a shared one a residual and a justification;
    /// an accepted risk in the treat zone has a justification; no risk is accepted while
    /// unacceptable, and no residual risk is unacceptable.
    pub fn acceptance_problems(&self, cat: &Catalog, ws: &Workspace) -> Vec<Problem> {
        let mut out = self.check(cat, ws);
        if !out.is_empty() {
            return out;
        }
        if self.risks.is_empty() {
            out.push(Problem::new("risks", Code::NoRisks));
        }
        for (n, r) in self.risks.iter().enumerate() {
            let path = format!("risks[{n}]");
            let Some(a) = &r.analysis else {
                out.push(Problem::new(format!("{path}.analysis"), Code::NotAnalysed));
                continue;
            };
            let zone = self.frame.evaluate(a.position());
            let tp = format!("{path}.treatment");
            match &r.treatment {
                None if zone > Some(Zone::Acceptable) => {
                    out.push(Problem::new(tp.clone(), Code::NoDecision));
                }
                None => {}
                Some(t) => {
                    let needs_residual = matches!(t.decision, Decision::Reduce | Decision::Share);
                    if needs_residual && t.residual.is_none() {
                        out.push(Problem::new(
                            format!("{tp}.residual"),
                            Code::ResidualMissing,
                        ));
                    }
                    if t.decision == Decision::Reduce && t.measures.is_empty() {
                        out.push(Problem::new(format!("{tp}.measures"), Code::NoMeasures));
                    }
                    let needs_why = t.decision == Decision::Share
                        || (t.decision == Decision::Accept && zone == Some(Zone::Treat));
                    if needs_why && t.justification.trim().is_empty() {
                        out.push(Problem::new(
                            format!("{tp}.justification"),
                            Code::JustificationMissing,
                        ));
                    }
                    if t.decision == Decision::Accept && zone == Some(Zone::Unacceptable) {
                        out.push(Problem::new(
                            format!("{tp}.decision"),
                            Code::AcceptUnacceptable,
                        ));
                    }
                }
            }
            if let Some(res) = r.residual()
                && self.frame.evaluate(res) == Some(Zone::Unacceptable)
                && !(r
                    .treatment
                    .as_ref()
                    .is_some_and(|t| t.decision == Decision::Accept))
            {
                out.push(Problem::new(
                    format!("{tp}.residual"),
                    Code::ResidualUnacceptable,
                ));
            }
        }
        out
    }

    /// Records the risk owner's acceptance, if the assessment is ready for it.
    pub fn accept(
        &mut self,
        cat: &Catalog,
        ws: &Workspace,
        owner: &str,
        date: Date,
        recorded_by: &str,
        note: &str,
    ) -> Result<(), Vec<Problem>> {
        let mut problems = self.acceptance_problems(cat, ws);
        if owner.trim().is_empty() {
            problems.push(Problem::new("owner", Code::Empty));
        }
        let request = serde_json::json!({"owner": owner, "note": note});
        problems.extend(too_long_problems(&request));
        if !problems.is_empty() {
            return Err(problems);
        }
        self.acceptance = Some(Acceptance {
            owner: owner.trim().to_string(),
            date,
            recorded_by: recorded_by.to_string(),
            note: note.to_string(),
            basis: Vec::new(),
        });
        Ok(())
    }
}

impl Frame {
    /// A known object, scales of a size the product allows with every step named, a matrix of
    /// their shape that is monotone, suggested consequences on the scale.
    fn check(&self, ws: &Workspace, out: &mut Vec<Problem>) {
        let f = self;
        if let Err(id) = f.object.resolve(ws) {
            out.push(Problem::new("frame.object", Code::UnknownObject).arg("value", id));
        }
        for (kind, scale, path) in [
            (ScaleKind::Likelihood, &f.likelihood, "frame.likelihood"),
            (ScaleKind::Consequence, &f.consequence, "frame.consequence"),
        ] {
            let n = scale.len();
            if !(MIN_STEPS..=MAX_STEPS).contains(&n) {
                out.push(
                    Problem::new(format!("{path}.steps"), Code::ScaleSize)
                        .arg("min", MIN_STEPS)
                        .arg("max", MAX_STEPS)
                        .arg("value", n),
                );
                continue;
            }
            for (k, step) in scale.steps.iter().enumerate() {
                let named = step.label.as_ref().is_some_and(|t| !t.nb.trim().is_empty());
                if !named && preset_label_key(kind, n, k + 1).is_none() {
                    out.push(
                        Problem::new(format!("{path}.steps[{k}].label"), Code::LabelMissing)
                            .arg("size", n),
                    );
                }
            }
        }
        let (nl, nc) = (f.likelihood.len(), f.consequence.len());
        f.acceptance.check(nl, nc, out);
        if let Some(s) = f.suggested_consequence {
            for d in Dimension::ALL {
                if !f.consequence.contains(s.get(d)) {
                    out.push(out_of_scale(
                        format!("frame.suggested_consequence.{d}"),
                        s.get(d),
                        nc,
                    ));
                }
            }
        }
    }
}

/// An id is given, and not used before in its list (`seen`).
fn check_id<'a>(path: &str, id: &'a str, seen: &mut Vec<&'a str>, out: &mut Vec<Problem>) {
    if id.trim().is_empty() {
        out.push(Problem::new(format!("{path}.id"), Code::Empty));
    } else if seen.contains(&id) {
        out.push(Problem::new(format!("{path}.id"), Code::DuplicateId).arg("value", id));
    }
    seen.push(id);
}

fn out_of_scale(path: String, value: u8, max: usize) -> Problem {
    Problem::new(path, Code::OutOfScale)
        .arg("value", value)
        .arg("max", max)
}

fn check_position(out: &mut Vec<Problem>, path: &str, p: Position, nl: usize, nc: usize) {
    if !(1..=nl).contains(&(p.likelihood as usize)) {
        out.push(out_of_scale(format!("{path}.likelihood"), p.likelihood, nl));
    }
    if !(1..=nc).contains(&(p.consequence as usize)) {
        out.push(out_of_scale(
            format!("{path}.consequence"),
            p.consequence,
            nc,
        ));
    }
}

fn too_long_problems(doc: &serde_json::Value) -> Vec<Problem> {
    crate::limits::too_long(doc)
        .into_iter()
        .map(|t| {
            let p = Problem::new(t.field(), Code::TooLong);
            p.arg("chars", t.chars).arg("max", t.max)
        })
        .collect()
}
