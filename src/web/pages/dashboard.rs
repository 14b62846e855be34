//! The start page, by role (see `app::dashboard`): My work for consultants,
//! the organisation's overview for admins, a card per client and one trend
//! chart for executives and programme managers, and for programme managers
//! their programmes with what needs attention.

use super::messages::{fill, here, text};
use super::{PageError, Viewer};
use crate::app::client_cards::{ChosenTrend, ClientCard};
use crate::app::dashboard::{self, ClientHome, Home, Overview, StaffHome, TrendChoice};
use crate::app::fieldwork::WorkItem;
use crate::report::programme::reason;
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde_json::{json, Value};

/// Alerts a programme's card lists; its page has them all.
const SHOWN_ALERTS: usize = 3;

pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.caller();
    let choice = TrendChoice {
        client_id: query
            .iter()
            .find(|(k, _)| k == "client_id")
            .and_then(|(_, v)| v.parse().ok()),
        areas: query
            .iter()
            .filter(|(k, _)| k == "area")
            .map(|(_, v)| v.clone())
            .collect(),
    };
    let home = state
        .run(move |app| dashboard::home(app, &caller, &choice))
        .await?;
    let (template, mut data) = match home {
        Home::Consultant(staff) => ("home_staff", staff_data(&staff, None)),
        Home::Admin(staff, overview) => ("home_staff", staff_data(&staff, Some(&overview))),
        Home::Client(home) => ("home_client", client_data(&home)),
    };
    viewer.fill(&mut data);
    Ok(state.pages.render(StatusCode::OK, template, &data))
}

fn work_item(w: &WorkItem) -> Value {
    let next = match w.next.as_str() {
        "score" => {
            json!({ "text": text("pages-home-next-score"), "href": format!("/assessments/{}?area={}", w.assessment_id, w.next_area.as_deref().unwrap_or_default()) })
        }
        "review" => {
            json!({ "text": text("pages-home-next-review"), "href": format!("/assessments/{}/review", w.assessment_id) })
        }
        "finalise" => {
            json!({ "text": text("pages-home-next-finalise"), "href": format!("/assessments/{}/review", w.assessment_id) })
        }
        _ => json!({ "text": text("pages-home-next-done"), "href": null }),
    };
    let areas: Vec<String> = w
        .areas
        .iter()
        .map(|a| {
            let drafts = if a.drafts > 0 {
                fill("pages-home-drafts", &[("count", &a.drafts.to_string())])
            } else {
                String::new()
            };
            format!("{} {}/{}{drafts}", a.name, a.answered, a.total)
        })
        .collect();
    json!({ "id": w.assessment_id, "client": w.client, "date": here().short_date(w.assessment_date), "role": w.role, "areas": areas, "next": next })
}

fn staff_data(home: &StaffHome, overview: Option<&Overview>) -> Value {
    let counts = &home.counts;
    json!({
        "title": text("pages-home-title"),
        "work": home.work.iter().map(work_item).collect::<Vec<_>>(),
        "counts": { "clients": counts.clients, "draft": counts.draft, "in_progress": counts.in_progress, "final": counts.finals },
        "overview": overview.map(|o| json!({
            "stale": o.stale.iter().map(|a| json!({ "id": a.id, "client": a.client, "scope": a.scope, "status": super::messages::status_words(a.status), "days": a.idle_days })).collect::<Vec<_>>(),
            "idle": o.idle.iter().map(|p| json!({ "name": p.name, "role": here().fill("common-role-name", &[("role", p.role.as_str().into())]), "last_login": p.last_login.map(|t| here().short_date(t.date())) })).collect::<Vec<_>>(),
            "stale_days": dashboard::STALE_DAYS,
            "idle_days": dashboard::IDLE_DAYS,
        })),
    })
}

fn card(c: &ClientCard) -> Value {
    json!({
        "id": c.client_id,
        "name": c.name,
        "latest": c.latest.as_ref().map(|l| json!({
            "assessment_id": l.assessment_id,
            "date": here().short_date(l.date),
            "overall": format!("{:.0}%", l.overall),
            "change": l.change.map(|d| fill("pages-home-change", &[("change", &format!("{d:+.0}"))])),
            "up": l.change.is_some_and(|d| d >= 0.0),
            "quartile": l.quartile.map(|q| match q { 1 => text("quartile_top"), 2 => text("quartile_second"), 3 => text("quartile_third"), _ => text("quartile_bottom") }),
        })),
    })
}

fn trend_data(t: &ChosenTrend) -> Value {
    json!({
        "client_id": t.client_id,
        "client": t.client,
        "areas": t.areas.iter().map(|(id, name, chosen)| json!({ "id": id, "name": name, "chosen": chosen })).collect::<Vec<_>>(),
        "chart": t.chart,
        "columns": t.columns,
        "rows": t.rows.iter().map(|(date, values)| json!({ "date": here().month_year(*date), "values": values.iter().map(|v| here().percent(*v)).collect::<Vec<_>>() })).collect::<Vec<_>>(),
    })
}

fn client_data(home: &ClientHome) -> Value {
    json!({
        "title": text("pages-home-client-title"),
        "cards": home.cards.iter().map(card).collect::<Vec<_>>(),
        "choices": home.cards.iter().map(|c| json!({ "id": c.client_id, "name": c.name, "selected": home.trend.as_ref().is_some_and(|t| t.client_id == c.client_id) })).collect::<Vec<_>>(),
        "trend": home.trend.as_ref().map(trend_data),
        "programmes": home.programmes.iter().map(|p| json!({
            "id": p.id,
            "client": p.client,
            "name": p.name,
            "count": p.alerts.len(),
            "alerts": p.alerts.iter().take(SHOWN_ALERTS).map(|a| json!({
                "project": a.project,
                "kind": here().get(&format!("programme-flag_{}", a.kind)),
                "reasons": a.reasons.iter().map(|r| reason(here(), r)).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "more": p.alerts.len().saturating_sub(SHOWN_ALERTS),
        })).collect::<Vec<_>>(),
    })
}
